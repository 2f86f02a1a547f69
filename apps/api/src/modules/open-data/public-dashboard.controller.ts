import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { PublicKpiDto, PublicOverviewDto, PublicProvinceDto } from '@provdash/shared/contracts';
import { Public } from '../access/access.decorators';
import { FreshFor } from '../read-cache/fresh-for.decorator';
import { PlansQuery } from './dto/public-query.dto';
import { PublicDashboardService } from './public-dashboard.service';
import { PUBLIC_API_LIMIT, PUBLIC_CACHE_CONTROL, SERVER_FRESH_SECONDS, sharedKey } from './public-api.controller';
import { PickType } from '@nestjs/swagger';

class YearQuery extends PickType(PlansQuery, ['fiscalYear'] as const) {}

/**
 * What the public dashboard (`/public`) reads: the national overview, a province, a KPI. Cached
 * and limited like the rest of the public API.
 */
@ApiTags('open data')
@Controller('public')
@Throttle({ default: { ...PUBLIC_API_LIMIT, generateKey: sharedKey('public-api') } })
export class PublicDashboardController {
  constructor(private readonly dashboard: PublicDashboardService) {}

  @Get('overview')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({
    summary: "Every province's approved KPI lights, last evaluated agreement round and disbursement rate",
  })
  overview(@Query() q: YearQuery): Promise<PublicOverviewDto> {
    return this.dashboard.overview(q.fiscalYear);
  }

  @Get('provinces/:code')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: "A province's approved scorecard, evaluated agreement rounds and disbursement" })
  @ApiParam({ name: 'code', example: '50' })
  province(@Param('code') code: string, @Query() q: YearQuery): Promise<PublicProvinceDto> {
    return this.dashboard.province(code, q.fiscalYear);
  }

  @Get('kpis/:kpiId')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @ApiOperation({ summary: 'A KPI with its definition and its approved results of the year, with their narratives' })
  kpi(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Query() q: YearQuery): Promise<PublicKpiDto> {
    return this.dashboard.kpi(kpiId, q.fiscalYear);
  }
}
