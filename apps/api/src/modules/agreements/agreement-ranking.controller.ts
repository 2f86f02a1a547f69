import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AgreementMinistryViewDto } from '@provdash/shared/contracts';
import { Allow, national } from '../access/access.decorators';
import { AgreementRankingService } from './agreement-ranking.service';
import { AgreementRankingQuery, rankingRoundOf } from './dto/agreement-ranking.dto';
import { ministryRankingXlsx } from './exports/agreement-ranking-xlsx';
import { contentDisposition } from './exports/export-format';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The ministry's view of the agreements: the whole country's ranking, distribution, movers and
 * evaluation progress. Central staff (analysts, evaluators, admins) read it; the country's scope
 * is required, so province and cluster people are refused.
 */
@ApiTags('performance agreements')
@Controller('ministry')
export class AgreementRankingController {
  constructor(private readonly ranking: AgreementRankingService) {}

  @Get('agreement-ranking')
  @Allow('read', national())
  view(@Query() q: AgreementRankingQuery): Promise<AgreementMinistryViewDto> {
    return this.ranking.view(q.fiscalYear, rankingRoundOf(q));
  }

  @Get('agreement-ranking.xlsx')
  @Allow('read', national())
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces(XLSX_TYPE)
  async xlsx(@Query() q: AgreementRankingQuery): Promise<StreamableFile> {
    const view = await this.ranking.view(q.fiscalYear, rankingRoundOf(q));
    const round = view.round === 'live' ? 'live' : `round-${view.round}`;
    return new StreamableFile(await ministryRankingXlsx(view), {
      type: XLSX_TYPE,
      disposition: contentDisposition(
        'attachment',
        `agreement-ranking-${view.fiscalYear}-${round}.xlsx`,
        `อันดับคำรับรอง-${view.fiscalYear}-${view.round === 'live' ? 'ปัจจุบัน' : `รอบ${view.round}เดือน`}.xlsx`,
      ),
    });
  }
}
