import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { langOf, message } from '../../../common/messages';
import { Allow, unitCode } from '../../access/access.decorators';
import { ImportQuery, ImportReportDto, TemplateQuery } from './dto/results-import.dto';
import { ImportRejected, ResultsImportService } from './results-import.service';
import { ResultsTemplateService } from './results-template.service';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The part of multer's file this route reads (memory storage: the bytes are in `buffer`). */
interface UploadedSpreadsheet {
  buffer: Buffer;
  size: number;
  originalname: string;
}

/**
 * A rejected file answers 422 with the whole report (every row and column at fault), not only
 * the one-line message the global filter gives other errors: the person fixes the file from it.
 */
@Catch(ImportRejected)
export class ImportRejectedFilter implements ExceptionFilter {
  catch(e: ImportRejected, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const lang = langOf(http.getRequest<Request>().headers['accept-language']);
    http
      .getResponse<Response>()
      .status(422)
      .json({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: message('import.rejected', lang),
        ...e.report,
      });
  }
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
  // Memory storage (no `dest`): the file is read once and never touches the disk. The guard runs
  // before this interceptor, so a caller without rights is refused before the upload is read.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } }))
  @UseFilters(ImportRejectedFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.xlsx or .csv, at most 5 MB' } },
    },
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiUnprocessableEntityResponse({ description: 'the file has errors (listed); nothing was written' })
  @ApiPayloadTooLargeResponse({ description: 'the file is larger than 5 MB' })
  import(
    @Param('code') code: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.import(code, q.fiscalYear, file?.buffer, q.dryRun ?? false, langOf(acceptLanguage));
  }
}
