import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CompletenessDto,
  GoalContributionsDto,
  LikelyToMissDto,
  PillarsDto,
  ProvinceCompletenessDto,
  ProvinceForecastsDto,
} from '@provdash/shared/contracts';
import { Allow, national, Public } from '../access/access.decorators';
import { ScorecardQuery } from '../scorecards/dto/scorecard-query.dto';
import { UnitCodeParams } from '../projects/dto/project.dto';
import { CompletenessService } from './completeness.service';
import { ForecastsService } from './forecasts.service';
import { PillarsService } from './pillars.service';
import { CompletenessQuery } from './dto/analysis.dto';

/**
 * The ministry's analysis desk (issue 22). Reporting completeness counts drafts, submissions and
 * returns, not only approved data: central staff (national read) and admins. The pillars' cascade
 * lights approved data only: public, like the scorecards it is lit from.
 */
@ApiTags('analysis')
@Controller('analysis')
export class AnalysisController {
  constructor(
    private readonly completeness: CompletenessService,
    private readonly pillarsService: PillarsService,
    private readonly forecasts: ForecastsService,
  ) {}

  /** A province's year-end forecasts, each KPI's and its disbursement's, with their outlook. Approved data: public. */
  @Get('forecasts/:unitCode')
  @Public()
  provinceForecasts(@Param() p: UnitCodeParams, @Query() q: ScorecardQuery): Promise<ProvinceForecastsDto> {
    return this.forecasts.province(p.unitCode, q.fiscalYear, q.asOf);
  }

  /** The ministry's list: every province's KPIs likely to miss the year's target. Approved data: public. */
  @Get('likely-to-miss')
  @Public()
  likelyToMiss(@Query() q: ScorecardQuery): Promise<LikelyToMissDto> {
    return this.forecasts.likelyToMiss(q.fiscalYear, q.asOf);
  }

  /** What each goal of a province's plan contributes to: its cluster goal and its national pillar. Public. */
  @Get('contributions/:unitCode')
  @Public()
  goalContributions(@Param() p: UnitCodeParams, @Query() q: ScorecardQuery): Promise<GoalContributionsDto> {
    return this.forecasts.contributions(p.unitCode, q.fiscalYear, q.asOf);
  }

  /** The six pillars of the national strategy and the provincial goals serving each, lit. Approved data: public. */
  @Get('pillars')
  @Public()
  pillars(@Query() q: ScorecardQuery): Promise<PillarsDto> {
    return this.pillarsService.pillars(q.fiscalYear, q.asOf);
  }

  /** Every province's completeness and timeliness, with its cluster's, region's and the country's sums. */
  @Get('completeness')
  @Allow('read', national())
  country(@Query() q: CompletenessQuery): Promise<CompletenessDto> {
    return this.completeness.country(q.fiscalYear, q.asOf, q.month);
  }

  /** One province's owed results, KPI by KPI. */
  @Get('completeness/:unitCode')
  @Allow('read', national())
  province(@Param() p: UnitCodeParams, @Query() q: CompletenessQuery): Promise<ProvinceCompletenessDto> {
    return this.completeness.province(p.unitCode, q.fiscalYear, q.asOf, q.month);
  }
}
