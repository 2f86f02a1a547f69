import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KpiStatusThresholdsDto } from '@provdash/shared/contracts';
import { Allow, national, Public } from '../access/access.decorators';
import { FiscalYearParams, SaveStatusThresholdsBody } from './dto/status-thresholds.dto';
import { StatusThresholdsService } from './status-thresholds.service';

@ApiTags('scorecards')
@Controller('kpi-status-thresholds')
export class StatusThresholdsController {
  constructor(private readonly thresholds: StatusThresholdsService) {}

  /** Public: every light on the open dashboard is judged with them. */
  @Get(':fiscalYear')
  @Public()
  get(@Param() p: FiscalYearParams): Promise<KpiStatusThresholdsDto> {
    return this.thresholds.get(p.fiscalYear);
  }

  /** A national setting: central staff (national write) and admins. */
  @Put(':fiscalYear')
  @Allow('write', national())
  save(@Param() p: FiscalYearParams, @Body() body: SaveStatusThresholdsBody): Promise<KpiStatusThresholdsDto> {
    return this.thresholds.save(p.fiscalYear, body);
  }
}
