import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DisbursementRankingDto,
  DisbursementSummaryDto,
  RiskMatrixDto,
  SlowProjectDto,
} from '@provdash/shared/contracts';
import { Public } from '../access/access.decorators';
import { DisbursementReadModelsService } from './disbursement-read-models.service';
import { RankingQuery, ReadModelQuery, SlowestQuery } from './dto/project.dto';

/** GFMIS figures, allocations and approved progress only: open data, like the scorecards. */
@ApiTags('disbursement')
@Controller()
export class DisbursementController {
  constructor(private readonly readModels: DisbursementReadModelsService) {}

  @Get('org-units/:code/disbursement')
  @Public()
  summary(@Param('code') code: string, @Query() q: ReadModelQuery): Promise<DisbursementSummaryDto> {
    return this.readModels.summary(code, q);
  }

  @Get('disbursement/ranking')
  @Public()
  ranking(@Query() q: RankingQuery): Promise<DisbursementRankingDto> {
    return this.readModels.ranking(q.level ?? 'province', q.budgetType ?? 'overall', q);
  }

  @Get('org-units/:code/slowest-projects')
  @Public()
  slowest(@Param('code') code: string, @Query() q: SlowestQuery): Promise<SlowProjectDto[]> {
    return this.readModels.slowest(code, q.limit ?? 10, q);
  }

  @Get('org-units/:code/risk-matrix')
  @Public()
  riskMatrix(@Param('code') code: string, @Query() q: ReadModelQuery): Promise<RiskMatrixDto> {
    return this.readModels.riskMatrix(code, q);
  }
}
