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
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { langOf } from '../../../common/messages';
import { SpreadsheetUpload } from '../../../common/spreadsheet-import/spreadsheet-upload';
import { Allow, Public, unitCode } from '../../access/access.decorators';
import { PlanImportQuery } from './plan-import.dto';
import { PlanImportReport, PlanImportService } from './plan-import.service';
import { planTemplateWorkbook } from './plan-template';

export const MAX_PLAN_IMPORT_BYTES = 5 * 1024 * 1024;

interface UploadedSpreadsheet {
  buffer: Buffer;
}

@ApiTags('plan import')
@Controller()
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  /** The documented layout with its sample rows: no data of any province, so open to all. */
  @Get('plan-import/template')
  @Public()
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="plan-import-template.xlsx"')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await planTemplateWorkbook().xlsx.writeBuffer()));
  }

  /**
   * Dry run (`dryRun=true`) or import of a plan sheet into the unit's plan covering the fiscal year.
   * `pasted=true`: the file is rows copied from the template's sheet (tab-separated text), header
   * or not; it goes through the same reader and checks as a workbook.
   */
  @Post('org-units/:code/plan-import')
  @HttpCode(200)
  @Allow('write', unitCode('param', 'code'))
  @SpreadsheetUpload(MAX_PLAN_IMPORT_BYTES, '.xlsx or .csv')
  import(
    @Param('code') code: string,
    @Query() q: PlanImportQuery,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<PlanImportReport> {
    return this.imports.import(
      code,
      q.fiscalYear,
      file?.buffer,
      q.dryRun ?? false,
      langOf(acceptLanguage),
      q.pasted ?? false,
    );
  }
}
