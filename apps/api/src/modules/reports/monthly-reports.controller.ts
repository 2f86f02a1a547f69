import { Body, Controller, Get, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { MonthlyReportDto } from '@provdash/shared/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarMonth } from '../../common/dates';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { contentDisposition, provinceTitle } from '../agreements/exports/export-format';
import { monthTh } from './monthly-report-data';
import { MonthlyReportsService, ReportFormat } from './monthly-reports.service';

class GenerateReportBody {
  @ApiProperty({
    example: '2026-10',
    description: 'the calendar month to report on (Gregorian YYYY-MM; a Buddhist-Era 2569-10 is refused)',
  })
  @IsCalendarMonth()
  month!: string;
}

export class ReportFileParams {
  @IsUUID()
  reportId!: string;

  @IsIn(['pdf', 'xlsx'])
  format!: ReportFormat;
}

export const REPORT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A province's monthly reports in its workspace. Reading is for whoever may read the province
 * (approved data only is in them); making one on demand is for those who write there.
 */
@ApiTags('monthly reports')
@Controller()
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Get('provinces/:code/monthly-reports')
  @Allow('read', unitCode('param', 'code'))
  list(@Param('code') code: string): Promise<MonthlyReportDto[]> {
    return this.reports.list(code);
  }

  @Post('provinces/:code/monthly-reports')
  @Allow('write', unitCode('param', 'code'))
  async generate(@Param('code') code: string, @Body() body: GenerateReportBody): Promise<MonthlyReportDto> {
    const report = await this.reports.generate(code, body.month, 'manual');
    // Another instance holds the lock for this province and month right now: it is being made.
    if (!report) return (await this.reports.list(code)).find((r) => r.month === body.month) as MonthlyReportDto;
    return report;
  }

  @Get('monthly-reports/:reportId/:format')
  @Allow('read', unitOf('monthly_report', 'param', 'reportId'))
  @ApiProduces(REPORT_TYPES.pdf, REPORT_TYPES.xlsx)
  async file(@Param() { reportId, format }: ReportFileParams): Promise<StreamableFile> {
    return reportFile(await this.reports.file(reportId, format), format);
  }
}

/** A stored report as a download, the same for signed-in readers and the public. */
export function reportFile(
  f: Awaited<ReturnType<MonthlyReportsService['file']>>,
  format: ReportFormat,
): StreamableFile {
  return new StreamableFile(f.content, {
    type: REPORT_TYPES[format],
    disposition: contentDisposition(
      format === 'pdf' ? 'inline' : 'attachment',
      `monthly-report-${f.code}-${f.month}.${format}`,
      `รายงานประจำเดือน-${provinceTitle(f.nameTh)}-${monthTh(f.month)}.${format}`,
    ),
  });
}
