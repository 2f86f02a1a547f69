import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DirectiveBoardDto, DirectiveDetailDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { DirectivesService } from './directives.service';
import { DirectiveListQuery, DirectiveProgressBody, DirectiveStepBody, IssueDirectiveBody } from './dto/directive.dto';

const DIRECTIVE = unitOf('directive', 'param', 'directiveId');

/**
 * Directives (ข้อสั่งการ). The guard lets in readers of the province; who may take which step (the
 * governor issues, closes and returns; the owner answers) is the domain's rule, checked by the
 * service, as is that only the province's own people read its follow-up.
 */
@ApiTags('follow-up')
@Controller('directives')
export class DirectivesController {
  constructor(
    private readonly directives: DirectivesService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  /** The province's directives page: counts, by agency, the list (filtered), the people to give one to. */
  @Get()
  @Allow('read', unitCode('query', 'unit'))
  board(@Query() q: DirectiveListQuery): Promise<DirectiveBoardDto> {
    return this.directives.board(q, this.actor());
  }

  @Get(':directiveId')
  @Allow('read', DIRECTIVE)
  get(@Param('directiveId', ParseUUIDPipe) id: string): Promise<DirectiveDetailDto> {
    return this.directives.detail(id, this.actor());
  }

  /** The governor (or an admin) issues one, from a KPI, a project, a risk or on its own. */
  @Post()
  @Allow('read', unitCode('body', 'orgUnitCode'))
  issue(@Body() body: IssueDirectiveBody): Promise<DirectiveDetailDto> {
    return this.directives.issue(body, this.actor());
  }

  @Post(':directiveId/acknowledge')
  @HttpCode(200)
  @Allow('read', DIRECTIVE)
  acknowledge(@Param('directiveId', ParseUUIDPipe) id: string, @Body() body: DirectiveStepBody) {
    return this.directives.step(id, 'acknowledge', body, this.actor());
  }

  @Post(':directiveId/progress')
  @HttpCode(200)
  @Allow('read', DIRECTIVE)
  progress(@Param('directiveId', ParseUUIDPipe) id: string, @Body() body: DirectiveProgressBody) {
    return this.directives.postProgress(id, body, this.actor());
  }

  @Post(':directiveId/request-close')
  @HttpCode(200)
  @Allow('read', DIRECTIVE)
  requestClose(@Param('directiveId', ParseUUIDPipe) id: string, @Body() body: DirectiveStepBody) {
    return this.directives.step(id, 'requestClose', body, this.actor());
  }

  @Post(':directiveId/close')
  @HttpCode(200)
  @Allow('read', DIRECTIVE)
  close(@Param('directiveId', ParseUUIDPipe) id: string, @Body() body: DirectiveStepBody) {
    return this.directives.step(id, 'close', body, this.actor());
  }

  @Post(':directiveId/return')
  @HttpCode(200)
  @Allow('read', DIRECTIVE)
  return(@Param('directiveId', ParseUUIDPipe) id: string, @Body() body: DirectiveStepBody) {
    return this.directives.step(id, 'return', body, this.actor());
  }
}
