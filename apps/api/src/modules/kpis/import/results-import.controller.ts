import {
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';

import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { langOf } from '../../../common/messages';
import { Allow, unitCode } from '../../access/access.decorators';
import { ImportQuery, ImportReportDto, TemplateQuery } from './dto/results-import.dto';
import { ResultsImportService } from './results-import.service';
import { SpreadsheetUpload } from '../../../common/spreadsheet-import/spreadsheet-upload';
import { ResultsTemplateService } from './results-template.service';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The part of multer's file this route reads (memory storage: the bytes are in `buffer`). */
interface UploadedSpreadsheet {
  buffer: Buffer;
  size: number;
  originalname: string;
}

const UNIT = unitCode('param', 'code');

@ApiTags('kpi results import')
@Controller('provinces/:code')
export class ResultsImportController {
  constructor(
    private readonly templates: ResultsTemplateService,
    private readonly imports: ResultsImportService,
  ) {}

  /** Only those who may enter results get the sheet: it carries the province's drafts. */
  @Get('results-template')
  @Allow('write', UNIT)
  // Drafts inside: no shared cache may keep a copy.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  template(@Param('code') code: string, @Query() q: TemplateQuery): Promise<StreamableFile> {
    return this.templates.download(code, q.fiscalYear, q.format ?? 'xlsx');
  }

  @Post('results-import')
  @HttpCode(200)
  @Allow('write', UNIT)
  @SpreadsheetUpload(MAX_IMPORT_BYTES, '.xlsx or .csv')
  @ApiOkResponse({ type: ImportReportDto })
  import(
    @Param('code') code: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.import(code, q.fiscalYear, file?.buffer, q.dryRun ?? false, langOf(acceptLanguage));
  }
}
