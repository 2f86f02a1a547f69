import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUserDto } from '@provdash/shared/contracts';
import type { Role } from '@provdash/shared/domain';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { ApiError, conflict, notFound } from '../../common/api-error';
import type { ResolvedUnit } from '../access/actor';
import { Sessions } from '../access/sessions.service';
import { toAuthUser } from '../auth/auth.service';
import { OrgUnit } from '../org-units/org-unit.entity';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { passwordProblem } from './password-policy';
import { User } from './user.entity';

export type UserDto = AuthUserDto & { disabled: boolean; version: number };

/** Which kind of unit each role's scope must be. */
const SCOPE_TYPE: Record<Role, OrgUnit['type']> = {
  admin: 'country',
  central_analyst: 'country',
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

const toDto = (u: User): UserDto => ({ ...toAuthUser(u), disabled: u.disabledAt !== null, version: u.version });

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
  ) {}

  async list(unit: ResolvedUnit): Promise<UserDto[]> {
    const users = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.orgUnit', 'unit')
      .where(`(unit.path = :path OR unit.path LIKE :prefix)`, { path: unit.path, prefix: `${unit.path}/%` })
      .orderBy('u.email')
      .getMany();
    return users.map(toDto);
  }

  async create(dto: CreateUserDto, unit: ResolvedUnit): Promise<UserDto> {
    if (SCOPE_TYPE[dto.role] !== unit.type) throw roleScopeError();
    const weak = passwordProblem(dto.password, dto);
    if (weak) throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [weak]);
    const passwordHash = await hash(dto.password, { type: 2 });
    return this.dataSource.transaction(async (m) => {
      const user = m.create(User, {
        email: dto.email.trim().toLowerCase(),
        displayName: dto.displayName,
        role: dto.role,
        orgUnitId: unit.id,
        passwordHash,
        disabledAt: null,
      });
      await m.save(user);
      return toDto(await m.findOneOrFail(User, { where: { id: user.id }, relations: { orgUnit: true } }));
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserDto> {
    const before = { role: '', disabled: false };
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      user.orgUnit = await m.findOneByOrFail(OrgUnit, { id: user.orgUnitId });
      if (user.version !== dto.version) throw conflict();
      Object.assign(before, { role: user.role, disabled: user.disabledAt !== null });
      if (dto.role && SCOPE_TYPE[dto.role] !== user.orgUnit.type) throw roleScopeError();
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      await m.save(user);
      if (dto.disabled) {
        // Sessions end now: no refresh will be honoured.
        await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      return toDto(user);
    });
    // Committed: a disabled user's access tokens and sockets stop now; after a role change the
    // tokens stating the old role are refused, so the client renews its session with the new one.
    if (updated.disabled !== before.disabled || updated.role !== before.role) this.sessions.userChanged(id);
    return updated;
  }
}
