import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { AuthUserDto, SessionDto } from '@provdash/shared/contracts';
import type { Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '../../config/app-config';
import { Public, SignedIn } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { AuthService, IssuedSession } from './auth.service';
import { LoginDto } from './dto/login.dto';

export const REFRESH_COOKIE = 'pd_refresh';
/** The cookie goes only to the auth routes, never with ordinary API calls. */
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly cls: ClsService,
  ) {}

  /** Five attempts a minute per address: enough for a typo, too few for guessing. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ApiOkResponse({ description: 'access token in the body, refresh token as an httpOnly cookie' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    return this.send(res, await this.auth.login(body.email, body.password));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    return this.send(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
  }

  /** Ends the session on this device: its refresh token family is revoked. */
  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  @SignedIn()
  me(): Promise<AuthUserDto> {
    return this.auth.profile(this.cls.get<ActorClaims>(CTX_ACTOR).sub);
  }

  private send(res: Response, issued: IssuedSession): SessionDto {
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.production,
      path: COOKIE_PATH,
      expires: issued.refreshExpires,
    });
    return issued.session;
  }
}
