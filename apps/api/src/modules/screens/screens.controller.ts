import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClusterScreenDto, NationalOverviewDto, ProvinceViewDto } from '@provdash/shared/contracts';
import { Public } from '../access/access.decorators';
import { SendsKeptBytes } from '../read-cache/kept-bytes';
import { ScorecardQuery } from '../scorecards/dto/scorecard-query.dto';
import { ScreensService } from './screens.service';

/**
 * One request for a screen's first paint (a phone on a slow network pays a round trip per
 * request): the read models of its routes in one answer. Approved data only: public, like them.
 */
@ApiTags('screens')
@Controller('screens')
export class ScreensController {
  constructor(private readonly screens: ScreensService) {}

  /** The governor's province view: scorecard, agreement (null when none), disbursement, slowest projects. */
  @Get('province/:code')
  @Public()
  @SendsKeptBytes()
  provinceView(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<ProvinceViewDto> {
    return this.screens.provinceView(code, q.fiscalYear, q.asOf);
  }

  /** A cluster: its provinces side by side on each KPI, its own plan, its disbursement. */
  @Get('cluster/:code')
  @Public()
  clusterScreen(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<ClusterScreenDto> {
    return this.screens.clusterScreen(code, q.fiscalYear, q.asOf);
  }

  /** The national overview: cluster lights, the disbursement ranking, the agreement ranking. */
  @Get('overview')
  @Public()
  @SendsKeptBytes()
  overview(@Query() q: ScorecardQuery): Promise<NationalOverviewDto> {
    return this.screens.nationalOverview(q.fiscalYear, q.asOf);
  }
}
