import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUserDto, MySessionDto, SessionDto } from '@provdash/shared/contracts';
import { hash, verify } from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiError, notFound, unauthorized } from '../../common/api-error';
import { HttpStatus } from '@nestjs/common';
import { passwordProblem } from '../users/password-policy';
import { AppConfig } from '../../config/app-config';
import type { ActorClaims } from '../access/actor';
import { Sessions } from '../access/sessions.service';
import { User } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';

/** Where a session began: shown to its user in "my sessions". */
export interface DeviceInfo {
  userAgent: string | null;
  address: string | null;
}

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

  async login(
    email: string,
    password: string,
    device: DeviceInfo = { userAgent: null, address: null },
  ): Promise<IssuedSession> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.orgUnit', 'unit')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabledAt) throw unauthorized('auth.badCredentials');
    return this.dataSource.transaction((m) =>
      this.issue(m, user, { familyId: randomUUID(), startedAt: new Date(), ...device }),
    );
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
      return this.issue(m, user, token);
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

  /**
   * The signed-in user's own password: the current one must be right (a refusal names the field),
   * the new one must pass the strength rule and differ. A temporary password is then spent, and every
   * other session of the user ends (whoever knew the old password is out); this one stays.
   */
  async changePassword(actor: ActorClaims, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.sub })
      .getOne();
    if (!user || user.disabledAt) throw unauthorized('auth.invalidToken');
    const field = (name: string, key: string, text: string) =>
      new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [{ field: name, constraints: { [key]: text } }]);
    if (!(await verify(user.passwordHash, currentPassword))) {
      throw field('currentPassword', 'PASSWORD_WRONG', 'is not your current password');
    }
    if (newPassword === currentPassword) {
      throw field('newPassword', 'PASSWORD_UNCHANGED', 'must differ from the current password');
    }
    const weak = passwordProblem(newPassword, user);
    if (weak) throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [{ ...weak, field: 'newPassword' }]);
    const passwordHash = await hash(newPassword, { type: 2 });
    const ended = await this.dataSource.transaction(async (m) => {
      const locked = await m.findOneOrFail(User, { where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      locked.passwordHash = passwordHash;
      locked.mustChangePassword = false;
      await m.save(locked);
      return revokeFamilies(m, `user_id = $1 AND family_id <> $2`, [user.id, actor.sid]);
    });
    for (const family of ended) this.sessions.sessionEnded(family);
  }

  /** The user's sessions still alive: each family's one live token carries where and when it began. */
  async mySessions(actor: ActorClaims): Promise<MySessionDto[]> {
    const rows: { id: string; userAgent: string | null; address: string | null; startedAt: Date; lastSeenAt: Date }[] =
      await this.dataSource.query(
        `SELECT family_id AS id, user_agent AS "userAgent", address, started_at AS "startedAt", created_at AS "lastSeenAt"
           FROM refresh_token
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          ORDER BY created_at DESC`,
        [actor.sub],
      );
    return rows.map((r) => ({
      ...r,
      startedAt: new Date(r.startedAt).toISOString(),
      lastSeenAt: new Date(r.lastSeenAt).toISOString(),
      current: r.id === actor.sid,
    }));
  }

  /** Signs out one of the user's own sessions (another device, or this one). */
  async endMySession(actor: ActorClaims, familyId: string): Promise<void> {
    const ended = await revokeFamilies(
      this.dataSource.manager,
      `user_id = $1 AND family_id = $2 AND expires_at > now()`,
      [actor.sub, familyId],
    );
    // Someone else's session, or one already over: the same answer, so ids cannot be probed.
    if (ended.length === 0) throw notFound();
    this.sessions.sessionEnded(familyId);
  }

  /** Signs out every session of the user but the one making the request. */
  async endMyOtherSessions(actor: ActorClaims): Promise<number> {
    const ended = await revokeFamilies(this.dataSource.manager, `user_id = $1 AND family_id <> $2`, [
      actor.sub,
      actor.sid,
    ]);
    for (const family of ended) this.sessions.sessionEnded(family);
    return ended.length;
  }

  private async issue(
    m: EntityManager,
    user: User,
    session: Pick<RefreshToken, 'familyId' | 'startedAt' | 'userAgent' | 'address'>,
  ): Promise<IssuedSession> {
    const familyId = session.familyId;
    const claims: ActorClaims = {
      sub: user.id,
      role: user.role,
      scope: user.orgUnit.path,
      scopeCode: user.orgUnit.code,
      sid: familyId,
      ...(user.mustChangePassword ? { pwc: true as const } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpires = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await m.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpires,
      startedAt: session.startedAt,
      userAgent: session.userAgent,
      address: session.address,
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

/** Revokes the live tokens matching `where` (session tokens are not audited rows); the families ended. */
async function revokeFamilies(m: EntityManager, where: string, params: unknown[]): Promise<string[]> {
  // An UPDATE … RETURNING answers [rows, count] through TypeORM's PostgreSQL driver.
  const [rows]: [{ family_id: string }[], number] = await m.query(
    `UPDATE refresh_token SET revoked_at = now() WHERE ${where} AND revoked_at IS NULL RETURNING family_id`,
    params,
  );
  return [...new Set(rows.map((r) => r.family_id))];
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
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}
