import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DataQualityDto, ProvinceDataQualityDto } from '@provdash/shared/contracts';
import { Allow, national } from '../access/access.decorators';
import { UnitCodeParams } from '../projects/dto/project.dto';
import { DataQualityService } from './data-quality.service';
import { DataQualityQuery } from './dto/analysis.dto';

/**
 * The data-quality follow-up of the ministry's analysis desk (issue 22). It reads submissions,
 * returns and reopens, not only approved data, and names officers: central staff (national read)
 * and admins, as reporting completeness.
 */
@ApiTags('analysis')
@Controller('analysis/quality')
export class DataQualityController {
  constructor(private readonly quality: DataQualityService) {}

  /** Every province's findings counted by kind, worst first, and the country's sums. */
  @Get()
  @Allow('read', national())
  country(@Query() q: DataQualityQuery): Promise<DataQualityDto> {
    return this.quality.country(q.fiscalYear, q.asOf);
  }

  /** One province's findings: KPI, period, figure, what it is judged against, who and when. */
  @Get(':unitCode')
  @Allow('read', national())
  province(@Param() p: UnitCodeParams, @Query() q: DataQualityQuery): Promise<ProvinceDataQualityDto> {
    return this.quality.province(p.unitCode, q.fiscalYear, q.asOf);
  }
}
