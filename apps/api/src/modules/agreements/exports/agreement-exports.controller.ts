import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { Public } from '../../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../../access/actor';
import { ScorecardQuery } from '../../scorecards/dto/scorecard-query.dto';
import { AgreementExportsService } from './agreement-exports.service';

/**
 * Documents of a province's performance agreement. Public like the routes they mirror: the PDF
 * reads as `GET /api/agreements/:id` does (signed agreements for everyone, a draft only for the
 * province's own people), the spreadsheet as `GET /api/org-units/:code/agreement-scorecard`.
 */
@ApiTags('performance agreements')
@Controller('org-units/:code')
export class AgreementExportsController {
  constructor(
    private readonly exports: AgreementExportsService,
    private readonly cls: ClsService,
  ) {}

  @Get('agreement.pdf')
  @Public()
  // The same address serves a draft to the province's own people and the live score changes daily.
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  pdf(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<StreamableFile> {
    return this.exports.pdf(code, q.fiscalYear, q.asOf, this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null);
  }

  @Get('agreement-scorecard.xlsx')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  xlsx(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<StreamableFile> {
    return this.exports.xlsx(code, q.fiscalYear, q.asOf);
  }
}
