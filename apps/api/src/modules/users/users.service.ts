import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUserDto } from '@provdash/shared/contracts';
import type { Role } from '@provdash/shared/domain';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { ApiError, conflict, notFound } from '../../common/api-error';
import type { ResolvedUnit } from '../access/actor';
import { toAuthUser } from '../auth/auth.service';
import { OrgUnit } from '../org-units/org-unit.entity';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      user.orgUnit = await m.findOneByOrFail(OrgUnit, { id: user.orgUnitId });
      if (user.version !== dto.version) throw conflict();
      if (dto.role && SCOPE_TYPE[dto.role] !== user.orgUnit.type) throw roleScopeError();
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      await m.save(user);
      if (dto.disabled) {
        // Sessions end now: no refresh will be honoured; access tokens lapse within their 15 minutes.
        await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      return toDto(user);
    });
  }
}
