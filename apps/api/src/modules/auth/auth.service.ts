import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUserDto, SessionDto } from '@provdash/shared/contracts';
import { hash, verify } from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { unauthorized } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import type { ActorClaims } from '../access/actor';
import { Sessions } from '../access/sessions.service';
import { User } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';

export interface IssuedSession {
  session: SessionDto;
  refreshToken: string;
  refreshExpires: Date;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Verifying against this when the email is unknown keeps the answer time the same either way. */
const DUMMY_HASH = hash('timing-equaliser', { type: 2 });

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly sessions: Sessions,
  ) {}

  async login(email: string, password: string): Promise<IssuedSession> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.orgUnit', 'unit')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabledAt) throw unauthorized('auth.badCredentials');
    return this.dataSource.transaction((m) => this.issue(m, user, randomUUID()));
  }

  /** Rotates the refresh token: the presented one is spent; a spent one presented again ends the whole session. */
  async refresh(presented: string | undefined): Promise<IssuedSession> {
    if (!presented) throw unauthorized('auth.noSession');
    let replayedFamily: string | null = null;
    const outcome = await this.dataSource.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, {
        where: { tokenHash: sha256(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return 'unknown' as const;
      if (token.revokedAt) {
        // A replay: the revocation must commit, so it is reported after the transaction, not thrown inside it.
        await this.revokeFamily(m, token.familyId);
        replayedFamily = token.familyId;
        return 'replayed' as const;
      }
      const user = await m.findOne(User, { where: { id: token.userId }, relations: { orgUnit: true } });
      if (token.expiresAt.getTime() <= Date.now() || !user || user.disabledAt) return 'expired' as const;
      token.revokedAt = new Date();
      await m.save(token);
      return this.issue(m, user, token.familyId);
    });
    // Committed: the session's access tokens and sockets end now too.
    if (replayedFamily) this.sessions.sessionEnded(replayedFamily);
    if (outcome === 'unknown') throw unauthorized('auth.noSession');
    if (outcome === 'replayed' || outcome === 'expired') throw unauthorized('auth.invalidToken');
    return outcome;
  }

  async logout(presented: string | undefined): Promise<void> {
    if (!presented) return;
    const family = await this.dataSource.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, { where: { tokenHash: sha256(presented) } });
      if (token) await this.revokeFamily(m, token.familyId);
      return token?.familyId;
    });
    // Committed: the access token of this session stops working at once, and its sockets close.
    if (family) this.sessions.sessionEnded(family);
  }

  async profile(userId: string): Promise<AuthUserDto> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, relations: { orgUnit: true } });
    if (!user || user.disabledAt) throw unauthorized('auth.invalidToken');
    return toAuthUser(user);
  }

  private async issue(m: EntityManager, user: User, familyId: string): Promise<IssuedSession> {
    const claims: ActorClaims = {
      sub: user.id,
      role: user.role,
      scope: user.orgUnit.path,
      scopeCode: user.orgUnit.code,
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpires = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await m.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpires,
    });
    return {
      session: { accessToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user: toAuthUser(user) },
      refreshToken,
      refreshExpires,
    };
  }

  private async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

export function toAuthUser(user: User): AuthUserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    scope: {
      code: user.orgUnit.code,
      type: user.orgUnit.type,
      nameTh: user.orgUnit.nameTh,
      nameEn: user.orgUnit.nameEn,
      path: user.orgUnit.path,
    },
  };
}
