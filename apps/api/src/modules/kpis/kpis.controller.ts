import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, Public, unitOf } from '../access/access.decorators';
import { CTX_UNIT, ResolvedUnit } from '../access/actor';
import { CreateKpiBody, SetTargetBody, UpdateKpiBody } from './dto/kpi.dto';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@Controller()
export class KpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly cls: ClsService,
  ) {}

  /** KPI definitions and targets are part of the published plan. */
  @Get('kpis/:kpiId')
  @Public()
  get(@Param('kpiId', ParseUUIDPipe) id: string): Promise<KpiDefinitionDto> {
    return this.kpis.get(id);
  }

  /** The setup screen's read: drafts of targets and the province's people, so only its writers. */
  @Get('goals/:goalId/kpi-setup')
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  setup(@Param('goalId', ParseUUIDPipe) goalId: string): Promise<KpiSetupDto> {
    return this.kpis.setup(goalId);
  }

  /** The same, found from one of the goal's KPIs (the KPI's own edit screen). */
  @Get('kpis/:kpiId/setup')
  @Allow('write', unitOf('kpi', 'param', 'kpiId'))
  async setupOfKpi(@Param('kpiId', ParseUUIDPipe) id: string): Promise<KpiSetupDto> {
    return this.kpis.setup(await this.kpis.goalOf(id));
  }

  @Post('goals/:goalId/kpis')
  @Allow('write', unitOf('goal', 'param', 'goalId'))
  create(@Param('goalId', ParseUUIDPipe) goalId: string, @Body() body: CreateKpiBody): Promise<KpiDefinitionDto> {
    return this.kpis.create(goalId, body, this.cls.get<ResolvedUnit>(CTX_UNIT));
  }

  @Patch('kpis/:kpiId')
  @Allow('write', unitOf('kpi', 'param', 'kpiId'))
  update(@Param('kpiId', ParseUUIDPipe) id: string, @Body() body: UpdateKpiBody): Promise<KpiDefinitionDto> {
    return this.kpis.update(id, body);
  }

  @Put('kpis/:kpiId/targets/:fiscalYear')
  @Allow('write', unitOf('kpi', 'param', 'kpiId'))
  setTarget(
    @Param('kpiId', ParseUUIDPipe) id: string,
    @Param('fiscalYear', ParseIntPipe) fiscalYear: number,
    @Body() body: SetTargetBody,
  ): Promise<KpiDefinitionDto> {
    return this.kpis.setTarget(id, fiscalYear, body);
  }
}
