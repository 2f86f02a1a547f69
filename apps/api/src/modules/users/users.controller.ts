import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InvitedUserDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR, CTX_UNIT, ResolvedUnit } from '../access/actor';
import { CreateUserDto, UpdateUserDto, UserListQueryDto, VersionDto } from './dto/user.dto';
import { UserDto, UsersService } from './users.service';

/**
 * People administration: admins only (`administer`, which the access policy gives to admins alone;
 * a cluster officer does not manage its provinces' people).
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly cls: ClsService,
  ) {}

  @Get()
  @Allow('administer', unitCode('query', 'unit', true))
  list(@Query() _query: UserListQueryDto): Promise<UserDto[]> {
    return this.users.list(this.cls.get<ResolvedUnit>(CTX_UNIT));
  }

  /** Invite: without `password` the answer carries a temporary one, once. */
  @Post()
  @Allow('administer', unitCode('body', 'orgUnitCode'))
  create(@Body() dto: CreateUserDto): Promise<InvitedUserDto> {
    return this.users.create(dto, this.cls.get<ResolvedUnit>(CTX_UNIT));
  }

  @Patch(':id')
  @Allow('administer', unitOf('app_user', 'param', 'id'))
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto, this.cls.get<ActorClaims>(CTX_ACTOR));
  }

  /** A new temporary password (shown once) for a user who forgot theirs; their sessions end. */
  @Post(':id/password-reset')
  @HttpCode(200)
  @Allow('administer', unitOf('app_user', 'param', 'id'))
  resetPassword(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionDto): Promise<InvitedUserDto> {
    return this.users.resetPassword(id, dto.version, this.cls.get<ActorClaims>(CTX_ACTOR));
  }
}
