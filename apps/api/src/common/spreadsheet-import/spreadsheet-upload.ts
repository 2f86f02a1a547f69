import {
  applyDecorators,
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { langOf, message } from '../messages';

/** One row error of a rejected file: the spreadsheet's row number, the column's header and the message, in the response language. */
export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

/** What a rejected file's 422 carries besides the message: the counts and every row error. */
export interface ImportRejection {
  dryRun: boolean;
  rows: number;
  accepted: number;
  skipped: number;
  errors: ImportRowError[];
}

/** The file had errors: the report goes back with 422 and nothing was written. */
export class ImportRejected extends HttpException {
  constructor(readonly report: ImportRejection) {
    super('import.rejected', HttpStatus.UNPROCESSABLE_ENTITY);
  }
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

/**
 * A route that takes one spreadsheet in the multipart field `file` (the KPI results import and the
 * GFMIS import). Memory storage (no `dest`): the file is read once and never touches the disk. The
 * access guard runs before this interceptor, so a caller without rights is refused before the
 * upload is read.
 */
export const SpreadsheetUpload = (maxBytes: number, what: string) =>
  applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })),
    UseFilters(ImportRejectedFilter),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: `${what}, at most ${maxBytes / 1024 / 1024} MB` },
        },
      },
    }),
    ApiUnprocessableEntityResponse({ description: 'the file has errors (every bad row listed); nothing was written' }),
    ApiPayloadTooLargeResponse({ description: `the file is larger than ${maxBytes / 1024 / 1024} MB` }),
    ApiBadRequestResponse({
      description:
        'no file, an unreadable or unsupported file, no header row, or a limit exceeded while reading (rows, cells, unpacked size, zip entries; the `code` names it)',
    }),
  );
