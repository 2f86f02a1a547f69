import { ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REFRESH_COOKIE } from '../modules/auth/auth.controller';
import { THROTTLE_BY, ThrottleBy } from './throttle-by';

/**
 * Whose requests count together. Everything keys on what the client cannot choose: the address
 * (as the trusted proxy reports it) and, for session refreshes, a session this server issued. A
 * random cookie or body field never opens a bucket of its own, or one attacker would be a crowd.
 * - by default, per address (cookies and bodies are ignored);
 * - sign-in attempts per address and account, so one mistyping colleague behind an office's shared
 *   address does not lock out the others (the address's budget of failed sign-ins across accounts,
 *   in AuthService, stops one password tried on many accounts);
 * - session refreshes (every start of the app) per session, by its family id looked up from the
 *   refresh cookie: thirty colleagues behind one NAT reloading within a minute each keep their
 *   session. A cookie the server never issued counts per address.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  @InjectDataSource()
  private readonly dataSource!: DataSource;

  protected override async getTracker(req: Request, context?: ExecutionContext): Promise<string> {
    const address = req.ip ?? 'unknown';
    const by = context
      ? this.reflector.getAllAndOverride<ThrottleBy | undefined>(THROTTLE_BY, [
          context.getHandler(),
          context.getClass(),
        ])
      : undefined;
    if (by === 'account') {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 200) : '';
      return `${address}|${email}`;
    }
    if (by === 'session') {
      const family = await this.sessionFamily(req.cookies?.[REFRESH_COOKIE]);
      if (family) return `session:${family}`;
    }
    return address;
  }

  /** The session (token family) the presented refresh token belongs to, if this server issued it. */
  private async sessionFamily(presented: unknown): Promise<string | null> {
    // Issued tokens are 43 base64url characters; anything else is not worth a query.
    if (typeof presented !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(presented)) return null;
    const hash = createHash('sha256').update(presented).digest('hex');
    const rows: { family_id: string }[] = await this.dataSource.query(
      `SELECT family_id FROM refresh_token WHERE token_hash = $1`,
      [hash],
    );
    return rows[0]?.family_id ?? null;
  }
}
