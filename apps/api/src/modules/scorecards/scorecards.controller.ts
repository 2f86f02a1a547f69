import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ClusterStatusDto,
  ClusterViewDto,
  GoalComparisonDto,
  KpiComparisonDto,
  ScorecardDto,
} from '@provdash/shared/contracts';
import { Public } from '../access/access.decorators';
import { SendsKeptBytes } from '../read-cache/kept-bytes';
import { ScorecardQuery } from './dto/scorecard-query.dto';
import { ScorecardsService } from './scorecards.service';

/** Scorecards count approved results only, so they are open to everyone (open data by default). */
@ApiTags('scorecards')
@Controller()
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get('org-units/:code/scorecard')
  @Public()
  @SendsKeptBytes()
  scorecard(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<ScorecardDto> {
    return this.scorecards.scorecard(code, q.fiscalYear, q.asOf);
  }

  @Get('org-units/:code/cluster-view')
  @Public()
  @SendsKeptBytes()
  clusterView(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<ClusterViewDto> {
    return this.scorecards.clusterView(code, q.fiscalYear, q.asOf);
  }

  /** The national overview's tiles: every cluster's and member province's KPI lights, in one request. */
  @Get('compare/clusters')
  @Public()
  @SendsKeptBytes()
  clusterStatus(@Query() q: ScorecardQuery): Promise<ClusterStatusDto> {
    return this.scorecards.clusterStatus(q.fiscalYear, q.asOf);
  }

  @Get('compare/kpis/:kpiCode')
  @Public()
  @SendsKeptBytes()
  compare(@Param('kpiCode') kpiCode: string, @Query() q: ScorecardQuery): Promise<KpiComparisonDto> {
    return this.scorecards.compareKpi(kpiCode, q.fiscalYear, q.asOf);
  }

  @Get('compare/goals/:goalCode')
  @Public()
  @SendsKeptBytes()
  compareGoal(@Param('goalCode') goalCode: string, @Query() q: ScorecardQuery): Promise<GoalComparisonDto> {
    return this.scorecards.compareGoal(goalCode, q.fiscalYear, q.asOf);
  }
}
