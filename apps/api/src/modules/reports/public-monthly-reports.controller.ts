import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { MonthlyReportDto } from '@provdash/shared/contracts';
import { Matches } from 'class-validator';
import { Public } from '../access/access.decorators';
import { DOWNLOAD_LIMIT, sharedKey } from '../open-data/public-api.controller';
import { reportFile, ReportFileParams, REPORT_TYPES } from './monthly-reports.controller';
import { MonthlyReportsService } from './monthly-reports.service';

class ProvinceParams {
  @Matches(/^[0-9]{2}$/)
  code!: string;
}

/** The public's address of a report's file: the same bytes, no sign-in needed. */
export function publicReport(r: MonthlyReportDto): MonthlyReportDto {
  return {
    ...r,
    pdfUrl: `/api/public/monthly-reports/${r.id}/pdf`,
    xlsxUrl: `/api/public/monthly-reports/${r.id}/xlsx`,
  };
}

/**
 * The monthly reports for everyone, browsable on the public pages by province and month. A report
 * holds approved data only (no draft, no officer's name), so it is open data like the public
 * dashboard it summarises. Downloads share the open-data download budget per address.
 */
@ApiTags('open data')
@Controller('public')
@Throttle({ default: { ...DOWNLOAD_LIMIT, generateKey: sharedKey('public-reports') } })
export class PublicMonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Get('provinces/:code/monthly-reports')
  @Public()
  async list(@Param() { code }: ProvinceParams): Promise<MonthlyReportDto[]> {
    return (await this.reports.list(code)).map(publicReport);
  }

  @Get('monthly-reports/:reportId/:format')
  @Public()
  @ApiProduces(REPORT_TYPES.pdf, REPORT_TYPES.xlsx)
  async file(@Param() { reportId, format }: ReportFileParams): Promise<StreamableFile> {
    return reportFile(await this.reports.file(reportId, format), format);
  }
}
