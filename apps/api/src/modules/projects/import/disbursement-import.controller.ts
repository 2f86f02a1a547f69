import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile } from '@nestjs/common';

import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { langOf } from '../../../common/messages';
import { Allow, unitCode, unitOf } from '../../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../../access/actor';
import { SpreadsheetUpload } from '../../../common/spreadsheet-import/spreadsheet-upload';
import {
  BatchListQuery,
  DisbursementBatchDto,
  DisbursementImportQuery,
  DisbursementImportReportDto,
} from './disbursement-import.dto';
import { DisbursementImportService, UploadedFile as Upload } from './disbursement-import.service';

export const MAX_GFMIS_BYTES = 20 * 1024 * 1024;

@ApiTags('disbursement import (GFMIS)')
@Controller()
export class DisbursementImportController {
  constructor(
    private readonly imports: DisbursementImportService,
    private readonly cls: ClsService,
  ) {}

  @Post('provinces/:code/disbursement-imports')
  @HttpCode(200)
  @Allow('write', unitCode('param', 'code'))
  @SpreadsheetUpload(MAX_GFMIS_BYTES, 'GFMIS .xlsx or .csv')
  @ApiOkResponse({ type: DisbursementImportReportDto })
  import(
    @Param('code') code: string,
    @Query() q: DisbursementImportQuery,
    @UploadedFile() file: Upload | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<DisbursementImportReportDto> {
    return this.imports.import(code, q.fiscalYear, file, {
      dryRun: q.dryRun ?? false,
      uploadId: q.uploadId,
      lang: langOf(acceptLanguage),
      actor: this.cls.get<ActorClaims>(CTX_ACTOR),
    });
  }

  @Get('provinces/:code/disbursement-imports')
  @Allow('read', unitCode('param', 'code'))
  @ApiOkResponse({ type: [DisbursementBatchDto] })
  list(@Param('code') code: string, @Query() q: BatchListQuery): Promise<DisbursementBatchDto[]> {
    return this.imports.list(code, q.fiscalYear);
  }

  @Post('disbursement-imports/:batchId/rollback')
  @HttpCode(200)
  @Allow('write', unitOf('disbursement_batch', 'param', 'batchId'))
  @ApiOkResponse({ type: DisbursementBatchDto })
  @ApiConflictResponse({ description: 'the batch is already rolled back' })
  rollback(@Param('batchId', ParseUUIDPipe) batchId: string): Promise<DisbursementBatchDto> {
    return this.imports.rollback(batchId, this.cls.get<ActorClaims>(CTX_ACTOR));
  }
}
