import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MapNodeDto, PlanSummaryDto, StrategyMapDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { notFound } from '../../common/api-error';
import { Allow, Public, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR, CTX_UNIT, ResolvedUnit } from '../access/actor';
import {
  CreateGoalBody,
  CreateNodeBody,
  CreatePlanBody,
  GoalLinkBody,
  PlanListQuery,
  PublishPlanBody,
  UpdateGoalBody,
  UpdateNodeBody,
  UpdatePlanBody,
} from './dto/strategy.dto';
import { StrategyService } from './strategy.service';

/** Strategy maps are public documents (แผนพัฒนาจังหวัด are published); changing them is the owner unit's job. */
@ApiTags('strategy maps')
@Controller()
export class StrategyController {
  constructor(
    private readonly strategy: StrategyService,
    private readonly cls: ClsService,
  ) {}

  /** Published plans for anyone; the unit's own people also see its drafts. */
  @Get('plans')
  @Public()
  plans(@Query() q: PlanListQuery): Promise<PlanSummaryDto[]> {
    if (!q.unit) throw notFound('notFound.unit');
    return this.strategy.listPlans(q.unit, this.actor());
  }

  @Get('plans/:planId')
  @Public()
  map(@Param('planId', ParseUUIDPipe) planId: string): Promise<StrategyMapDto> {
    return this.strategy.map(planId, this.actor());
  }

  /** The approver (or, for a cluster or national plan, its office) publishes a draft; see canPublishPlan. */
  @Post('plans/:planId/publish')
  @HttpCode(200)
  @Allow('write', unitOf('plan', 'param', 'planId'))
  publish(@Param('planId', ParseUUIDPipe) id: string, @Body() body: PublishPlanBody): Promise<PlanSummaryDto> {
    return this.strategy.publish(id, body.version, this.cls.get<ActorClaims>(CTX_ACTOR));
  }

  private actor(): ActorClaims | null {
    return this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null;
  }

  @Post('plans')
  @Allow('write', unitCode('body', 'orgUnitCode'))
  createPlan(@Body() body: CreatePlanBody): Promise<PlanSummaryDto> {
    return this.strategy.createPlan(body, this.cls.get<ResolvedUnit>(CTX_UNIT));
  }

  @Patch('plans/:planId')
  @Allow('write', unitOf('plan', 'param', 'planId'))
  updatePlan(@Param('planId', ParseUUIDPipe) id: string, @Body() body: UpdatePlanBody): Promise<PlanSummaryDto> {
    return this.strategy.updatePlan(id, body);
  }

  @Post('plans/:planId/issues')
  @Allow('write', unitOf('plan', 'param', 'planId'))
  addIssue(@Param('planId', ParseUUIDPipe) planId: string, @Body() body: CreateNodeBody): Promise<MapNodeDto> {
    return this.strategy.addIssue(planId, body);
  }

  @Patch('issues/:issueId')
  @Allow('write', unitOf('strategic_issue', 'param', 'issueId'))
  updateIssue(@Param('issueId', ParseUUIDPipe) id: string, @Body() body: UpdateNodeBody): Promise<MapNodeDto> {
    return this.strategy.updateIssue(id, body);
  }

  @Post('issues/:issueId/goals')
  @Allow('write', unitOf('strategic_issue', 'param', 'issueId'))
  addGoal(@Param('issueId', ParseUUIDPipe) issueId: string, @Body() body: CreateGoalBody): Promise<MapNodeDto> {
    return this.strategy.addGoal(issueId, body);
  }

  @Patch('goals/:goalId')
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  updateGoal(@Param('goalId', ParseUUIDPipe) id: string, @Body() body: UpdateGoalBody): Promise<MapNodeDto> {
    return this.strategy.updateGoal(id, body);
  }

  @Post('goals/:goalId/strategies')
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  addStrategy(@Param('goalId', ParseUUIDPipe) goalId: string, @Body() body: CreateNodeBody): Promise<MapNodeDto> {
    return this.strategy.addStrategy(goalId, body);
  }

  @Patch('strategies/:strategyId')
  @Allow('write', unitOf('strategy', 'param', 'strategyId'))
  updateStrategy(@Param('strategyId', ParseUUIDPipe) id: string, @Body() body: UpdateNodeBody): Promise<MapNodeDto> {
    return this.strategy.updateStrategy(id, body);
  }

  @Post('goals/:goalId/links')
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  link(@Param('goalId', ParseUUIDPipe) goalId: string, @Body() body: GoalLinkBody) {
    return this.strategy.link(goalId, body.effectGoalId);
  }

  @Delete('goals/:goalId/links/:effectGoalId')
  @HttpCode(204)
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  unlink(
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('effectGoalId', ParseUUIDPipe) effectGoalId: string,
  ): Promise<void> {
    return this.strategy.unlink(goalId, effectGoalId);
  }
}
