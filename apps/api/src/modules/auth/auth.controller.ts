import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerException } from '@nestjs/throttler';
import type { AuthUserDto, MySessionDto, SessionDto } from '@provdash/shared/contracts';
import type { Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { ApiError } from '../../common/api-error';
import { ThrottleBy } from '../../common/throttle-by';
import { AppConfig } from '../../config/app-config';
import { Public, SignedIn } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { AuthService, IssuedSession } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { FailedSignIns } from './failed-sign-ins';

export const REFRESH_COOKIE = 'pd_refresh';
/** The cookie goes only to the auth routes, never with ordinary API calls. */
const COOKIE_PATH = '/api/auth';
/**
 * A hint the dashboard can read (no secret in it: "1"): a session may exist, so restoring it at
 * start is worth a refresh. Without it an anonymous visitor's page never asks for one (a refused
 * refresh is a 401 in the console of every public page). Lives as long as the refresh cookie.
 */
export const SESSION_HINT_COOKIE = 'pd_session';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly cls: ClsService,
    private readonly failures: FailedSignIns,
  ) {}

  /**
   * Five attempts a minute per address and account: enough for a typo, too few for guessing one
   * account. Twenty failures in fifteen minutes per address across accounts: too few for spraying
   * one password over many.
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ThrottleBy('account')
  @ApiOkResponse({ description: 'access token in the body, refresh token as an httpOnly cookie' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const address = req.ip ?? 'unknown';
    if (this.failures.exhausted(address)) throw new ThrottlerException();
    let issued: IssuedSession;
    try {
      issued = await this.auth.login(body.email, body.password, {
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        // An IPv4 client on a dual-stack socket reads "::ffff:203.0.113.7": shown as the IPv4 it is.
        address: req.ip?.replace(/^::ffff:(?=\d+\.)/, '').slice(0, 64) ?? null,
      });
    } catch (error) {
      // Wrong password, unknown or disabled account: a failure that spends the address's budget.
      if (error instanceof ApiError && error.getStatus() === HttpStatus.UNAUTHORIZED) this.failures.record(address);
      throw error;
    }
    return this.send(req, res, issued);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ThrottleBy('session')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    return this.send(req, res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
  }

  /** Ends the session on this device: its refresh token family is revoked. */
  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
    res.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
  }

  @Get('me')
  @SignedIn()
  me(): Promise<AuthUserDto> {
    return this.auth.profile(this.cls.get<ActorClaims>(CTX_ACTOR).sub);
  }

  /**
   * The user's own password (a temporary one included). Five tries a minute per session (the refresh
   * cookie travels to /api/auth; without it, per address), like sign-in: the current password must not
   * be guessable through this door either, and colleagues behind one address keep their own budget.
   */
  @Post('password')
  @HttpCode(204)
  @SignedIn()
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ThrottleBy('session')
  async changePassword(@Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(this.actor(), body.currentPassword, body.newPassword);
  }

  /** The user's own live sessions: device, address, when it began and was last renewed. */
  @Get('sessions')
  @SignedIn()
  sessions(): Promise<MySessionDto[]> {
    return this.auth.mySessions(this.actor());
  }

  /** Signs out one of the user's own sessions; its access token and sockets stop at once. */
  @Delete('sessions/:id')
  @HttpCode(204)
  @SignedIn()
  async endSession(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.auth.endMySession(this.actor(), id);
  }

  /** Signs out every session of the user but this one. */
  @Post('sessions/sign-out-others')
  @HttpCode(200)
  @SignedIn()
  async endOtherSessions(): Promise<{ ended: number }> {
    return { ended: await this.auth.endMyOtherSessions(this.actor()) };
  }

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  private send(req: Request, res: Response, issued: IssuedSession): SessionDto {
    // Over HTTPS the cookie never travels in clear, whatever the mode: `req.secure` is the request's
    // scheme, or X-Forwarded-Proto from a proxy TRUST_PROXY names (never from anyone else).
    const secure = this.config.production || req.secure;
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: COOKIE_PATH,
      expires: issued.refreshExpires,
    });
    res.cookie(SESSION_HINT_COOKIE, '1', { sameSite: 'strict', secure, path: '/', expires: issued.refreshExpires });
    return issued.session;
  }
}
