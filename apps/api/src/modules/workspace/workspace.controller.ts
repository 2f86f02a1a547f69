import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WorkspaceDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR, CTX_UNIT, ResolvedUnit } from '../access/actor';
import { WorkspaceQuery } from './dto/workspace-query.dto';
import { WorkspaceService } from './workspace.service';

@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly cls: ClsService,
  ) {}

  /**
   * What is due, late and waiting for approval in one province. `read` lets the caller past the
   * gate; the service then keeps it to the province's own people and admins (canSeeUnapproved),
   * since it lists drafts and officers' names.
   */
  @Get(':code')
  @Allow('read', unitCode('param', 'code'))
  get(@Param('code') _code: string, @Query() q: WorkspaceQuery): Promise<WorkspaceDto> {
    return this.workspace.workspace(
      this.cls.get<ResolvedUnit>(CTX_UNIT),
      this.cls.get<ActorClaims>(CTX_ACTOR),
      q.fiscalYear,
      q.asOf,
    );
  }
}
