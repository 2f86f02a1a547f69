import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isAllowed } from '@provdash/shared/domain';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { forbidden, unauthorized } from '../../common/api-error';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import { ActorClaims, CTX_ACTOR, CTX_UNIT } from './actor';
import { Sessions } from './sessions.service';
import { UnitResolver } from './unit-resolver.service';

/**
 * The one gate of every HTTP route (registered globally). Default deny: a route that declares no
 * access rule is refused. Then: who is calling (the access token), and may they do this action
 * on the unit the request touches.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly units: UnitResolver,
    private readonly cls: ClsService,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.log.error(`No access rule on ${context.getClass().name}.${context.getHandler().name}: refused`);
      throw forbidden('access.noPolicy');
    }
    const req = context.switchToHttp().getRequest<Request>();
    const actor = await this.authenticate(req, rule.kind !== 'public');
    if (actor) this.cls.set(CTX_ACTOR, actor);
    if (rule.kind !== 'policy') return true;
    if (!actor) throw unauthorized();
    // A temporary password opens only the user's own account (signed-in routes), where they set their own.
    if (actor.pwc) throw forbidden('auth.mustChangePassword');

    const unit = await this.units.resolve(rule.unit, req, actor);
    if (!isAllowed({ role: actor.role, scopePath: actor.scope }, rule.action, unit)) throw forbidden();
    this.cls.set(CTX_UNIT, unit);
    return true;
  }

  private async authenticate(req: Request, required: boolean): Promise<ActorClaims | null> {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) {
      if (required) throw unauthorized();
      return null;
    }
    let claims: ActorClaims | null = null;
    try {
      // Only HS256 with our secret: `alg: none` and tokens signed any other way are refused.
      claims = await this.jwt.verifyAsync<ActorClaims>(token, { algorithms: ['HS256'] });
    } catch {
      claims = null;
    }
    // A signature is not enough: after logout, disabling or a role change the token must stop working.
    if (claims && (await this.sessions.active(claims))) return claims;
    // On a public route a stale token is no reason to refuse approved data.
    if (required) throw unauthorized('auth.invalidToken');
    return null;
  }
}
