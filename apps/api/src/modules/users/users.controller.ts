import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { CTX_UNIT, ResolvedUnit } from '../access/actor';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserDto, UsersService } from './users.service';

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

  @Post()
  @Allow('administer', unitCode('body', 'orgUnitCode'))
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto, this.cls.get<ResolvedUnit>(CTX_UNIT));
  }

  @Patch(':id')
  @Allow('administer', unitOf('app_user', 'param', 'id'))
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto);
  }
}
