import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ManagedUserDto, InvitedUserDto, TemporaryPasswordDto } from '@provdash/shared/contracts';
import type { Role } from '@provdash/shared/domain';
import { isAllowed } from '@provdash/shared/domain';
import { hash } from 'argon2';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, conflict, forbidden, notFound } from '../../common/api-error';
import type { ActorClaims, ResolvedUnit } from '../access/actor';
import { Sessions } from '../access/sessions.service';
import { UnitResolver } from '../access/unit-resolver.service';
import { toAuthUser } from '../auth/auth.service';
import { OrgUnit } from '../org-units/org-unit.entity';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { passwordProblem } from './password-policy';
import { User } from './user.entity';

export type UserDto = ManagedUserDto;

/** Which kind of unit each role's scope must be. */
const SCOPE_TYPE: Record<Role, OrgUnit['type']> = {
  admin: 'country',
  central_analyst: 'country',
  central_evaluator: 'country',
  cluster_officer: 'cluster',
  governor: 'province',
  province_officer: 'province',
  province_approver: 'province',
};

function roleScopeError(): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [
    { field: 'role', constraints: { isIn: 'role does not fit the type of the scope unit' } },
  ]);
}

/**
 * A one-time password for an invitation or a reset: 18 random bytes (144 bits) in base64url, in
 * groups of six so an admin can read it out. Far beyond the strength rule; the user replaces it at
 * first sign-in.
 */
export function temporaryPassword(): string {
  return (randomBytes(18).toString('base64url').match(/.{6}/g) ?? []).join('-');
}

const toDto = (u: User, lastSignInAt: Date | string | null = null): UserDto => ({
  ...toAuthUser(u),
  disabled: u.disabledAt !== null,
  mustChangePassword: u.mustChangePassword,
  lastSignInAt: lastSignInAt ? new Date(lastSignInAt).toISOString() : null,
  version: u.version,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
    private readonly units: UnitResolver,
  ) {}

  /** Everyone whose scope lies in the unit, with their last sign-in (the newest session's start, one index probe each). */
  async list(unit: ResolvedUnit): Promise<UserDto[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.orgUnit', 'unit')
      .addSelect('(SELECT max(r.started_at) FROM refresh_token r WHERE r.user_id = u.id)', 'last_sign_in_at')
      .where(`(unit.path = :path OR unit.path LIKE :prefix)`, { path: unit.path, prefix: `${unit.path}/%` })
      .orderBy('u.email')
      .getRawAndEntities<{ u_id: string; last_sign_in_at: Date | null }>();
    const last = new Map(raw.map((r) => [r.u_id, r.last_sign_in_at]));
    return entities.map((u) => toDto(u, last.get(u.id) ?? null));
  }

  /**
   * An invitation: without a password the server makes a temporary one, shown once in this answer for
   * the admin to hand over, and the user must set their own at first sign-in. A password given by the
   * caller (scripts, tests) must pass the strength rule and is the user's own.
   */
  async create(dto: CreateUserDto, unit: ResolvedUnit): Promise<InvitedUserDto> {
    if (SCOPE_TYPE[dto.role] !== unit.type) throw roleScopeError();
    const temporary = dto.password === undefined ? temporaryPassword() : null;
    if (dto.password !== undefined) {
      const weak = passwordProblem(dto.password, dto);
      if (weak) throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [weak]);
    }
    const passwordHash = await hash(temporary ?? (dto.password as string), { type: 2 });
    const created = await this.dataSource.transaction(async (m) => {
      const user = m.create(User, {
        email: dto.email.trim().toLowerCase(),
        displayName: dto.displayName,
        role: dto.role,
        orgUnitId: unit.id,
        passwordHash,
        disabledAt: null,
        mustChangePassword: temporary !== null,
      });
      await m.save(user);
      return toDto(await m.findOneOrFail(User, { where: { id: user.id }, relations: { orgUnit: true } }));
    });
    return temporary ? { ...created, temporaryPassword: temporary } : created;
  }

  async update(id: string, dto: UpdateUserDto, actor: ActorClaims): Promise<UserDto> {
    const changesAccess = dto.disabled === true || dto.role !== undefined || dto.orgUnitCode !== undefined;
    // An admin who locks themselves out (or demotes themselves) needs another admin to undo it: refused.
    if (id === actor.sub && changesAccess) throw new ApiError(HttpStatus.BAD_REQUEST, 'users.selfChange');
    const scope = dto.orgUnitCode !== undefined ? await this.units.byCode(dto.orgUnitCode) : null;
    // The new scope must lie inside the caller's own administration, like the user's present one.
    if (scope && !isAllowed({ role: actor.role, scopePath: actor.scope }, 'administer', scope)) throw forbidden();
    const before = { role: '', disabled: false, orgUnitId: '' };
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      if (user.version !== dto.version) throw conflict();
      Object.assign(before, { role: user.role, disabled: user.disabledAt !== null, orgUnitId: user.orgUnitId });
      if (scope) user.orgUnitId = scope.id;
      user.orgUnit = await m.findOneByOrFail(OrgUnit, { id: user.orgUnitId });
      const role = dto.role ?? user.role;
      if ((dto.role || scope) && SCOPE_TYPE[role] !== user.orgUnit.type) throw roleScopeError();
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      await m.save(user);
      if (dto.disabled) await revokeAll(m, id);
      return toDto(user);
    });
    // Committed: a disabled user's access tokens and sockets stop now; after a role or scope change
    // the tokens stating the old one are refused, so the client renews its session with the new one.
    if (
      updated.disabled !== before.disabled ||
      updated.role !== before.role ||
      (scope !== null && scope.id !== before.orgUnitId)
    ) {
      this.sessions.userChanged(id);
    }
    return updated;
  }

  /** A forgotten password: a new temporary one (shown once), every session of the user ended. */
  async resetPassword(id: string, version: number, actor: ActorClaims): Promise<TemporaryPasswordDto & UserDto> {
    if (id === actor.sub) throw new ApiError(HttpStatus.BAD_REQUEST, 'users.selfChange');
    const temporary = temporaryPassword();
    const passwordHash = await hash(temporary, { type: 2 });
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      if (user.version !== version) throw conflict();
      user.orgUnit = await m.findOneByOrFail(OrgUnit, { id: user.orgUnitId });
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      await m.save(user);
      await revokeAll(m, id);
      return toDto(user);
    });
    this.sessions.userChanged(id);
    return { ...updated, temporaryPassword: temporary };
  }
}

/** Every session of the user ends: no refresh is honoured (session tokens are not audited rows). */
async function revokeAll(m: EntityManager, userId: string): Promise<void> {
  await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}
