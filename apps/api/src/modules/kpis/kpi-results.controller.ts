import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KpiResultDto } from '@provdash/shared/contracts';
import { PERIOD_OR_YEAR_PATTERN } from '@provdash/shared/domain';
import { ClsService } from 'nestjs-cls';
import { ApiError } from '../../common/api-error';
import { Allow, Public, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { ResultListQuery, SaveKpiResultBody, TransitionBody } from './dto/kpi-result.dto';
import { KpiResultsService } from './kpi-results.service';

const KPI_UNIT = unitOf('kpi', 'param', 'kpiId');
const PERIOD = PERIOD_OR_YEAR_PATTERN;

@ApiTags('kpi results')
@Controller('kpis/:kpiId/results')
export class KpiResultsController {
  constructor(
    private readonly results: KpiResultsService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  /** Open data: approved results for anyone; the province's own people also see work in progress. */
  @Get()
  @Public()
  list(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Query() q: ResultListQuery): Promise<KpiResultDto[]> {
    return this.results.list(kpiId, q.fiscalYear, this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null);
  }

  @Put(':period')
  @Allow('write', KPI_UNIT)
  save(
    @Param('kpiId', ParseUUIDPipe) kpiId: string,
    @Param('period') period: string,
    @Body() body: SaveKpiResultBody,
  ): Promise<KpiResultDto> {
    return this.results.save(kpiId, checkPeriod(period), body);
  }

  @Post(':period/submit')
  @HttpCode(200)
  @Allow('write', KPI_UNIT)
  submit(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Param('period') period: string, @Body() body: TransitionBody) {
    return this.results.transition(kpiId, checkPeriod(period), 'submit', body, this.actor());
  }

  @Post(':period/approve')
  @HttpCode(200)
  @Allow('approve', KPI_UNIT)
  approve(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Param('period') period: string, @Body() body: TransitionBody) {
    return this.results.transition(kpiId, checkPeriod(period), 'approve', body, this.actor());
  }

  @Post(':period/return')
  @HttpCode(200)
  @Allow('approve', KPI_UNIT)
  return(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Param('period') period: string, @Body() body: TransitionBody) {
    return this.results.transition(kpiId, checkPeriod(period), 'return', body, this.actor());
  }

  @Post(':period/reopen')
  @HttpCode(200)
  @Allow('approve', KPI_UNIT)
  reopen(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Param('period') period: string, @Body() body: TransitionBody) {
    return this.results.transition(kpiId, checkPeriod(period), 'reopen', body, this.actor());
  }
}

function checkPeriod(period: string): string {
  // Shape only; whether it fits the KPI's frequency is the service's business (422).
  if (!PERIOD.test(period)) throw new ApiError(HttpStatus.BAD_REQUEST, 'result.periodInvalid');
  return period;
}
