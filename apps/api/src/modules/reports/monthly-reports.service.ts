import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonthlyReportDto } from '@provdash/shared/contracts';
import { addDays, bangkokDateOf } from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/api-error';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Jobs } from '../jobs/jobs.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { gatherReportData, monthBounds } from './monthly-report-data';
import { renderMonthlyReportPdf } from './monthly-report-pdf';
import { renderMonthlyReportXlsx } from './monthly-report-xlsx';
import { MonthlyReport } from './monthly-report.entity';

export type ReportFormat = 'pdf' | 'xlsx';

function toDto(r: MonthlyReport, code: string): MonthlyReportDto {
  return {
    id: r.id,
    orgUnitCode: code,
    month: r.month.slice(0, 7),
    fiscalYear: r.fiscalYear,
    asOf: r.asOf,
    generatedAt: r.generatedAt.toISOString(),
    trigger: r.trigger as MonthlyReportDto['trigger'],
    pdfBytes: r.pdfBytes,
    xlsxBytes: r.xlsxBytes,
    pdfUrl: `/api/monthly-reports/${r.id}/pdf`,
    xlsxUrl: `/api/monthly-reports/${r.id}/xlsx`,
  };
}

/** The month before the one `today` is in: what the report made on the 5th describes. */
export function previousMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * The governor's monthly report: generated for every province on the 5th of each month (Bangkok
 * time) for the month before, or on request; kept in the database; announced in the province's
 * workspace room. The schedule is the scheduler's `monthly-reports` job (jobs/job-definitions.ts):
 * one run across all instances, retried when it fails. A run that is retried, or a manual request
 * racing it, keeps what is made: a transaction-level advisory lock per province and month lets one
 * of them make each report, and the others skip it.
 */
@Injectable()
export class MonthlyReportsService implements OnModuleInit {
  private readonly log = new Logger('MonthlyReports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
    private readonly scorecards: ScorecardsService,
    private readonly agreements: AgreementReadModelsService,
    private readonly disbursement: DisbursementReadModelsService,
    private readonly jobs: Jobs,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('monthly-reports', (data) => this.onSchedule(data.month));
  }

  /** The scheduled run: the month before today's (Bangkok), or the month the job names. */
  async onSchedule(month = previousMonth(bangkokDateOf(new Date()))): Promise<void> {
    const made = await this.generateAll(month);
    this.log.log(`Monthly reports for ${month}: ${made} made`);
  }

  /** Every province's report for the month; those already made (by this or another instance) are kept. */
  async generateAll(month: string): Promise<number> {
    const provinces: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM org_unit WHERE type = 'province' ORDER BY code`,
    );
    let made = 0;
    for (const { code } of provinces) {
      try {
        if (await this.generate(code, month, 'schedule', false)) made += 1;
      } catch (e) {
        // One province's failure must not stop the other 76.
        this.log.error(`Monthly report ${code} ${month} failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    return made;
  }

  /**
   * Makes (or, with `replace`, remakes) one province's report for a `YYYY-MM` month, in one
   * transaction: the report row (audited), its two files and the workspace event.
   */
  async generate(code: string, month: string, trigger: 'schedule' | 'manual', replace = true) {
    return this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(OrgUnit, { where: { code, type: 'province' } });
      if (!unit) throw notFound('notFound.unit');
      const first = `${month}-01`;
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `monthly-report:${code}:${month}`,
      ]);
      if (!locked) return null;
      const existing = await m.findOne(MonthlyReport, { where: { orgUnitId: unit.id, month: first } });
      if (existing && !replace) return null;
      const data = await gatherReportData(
        m,
        { scorecards: this.scorecards, agreements: this.agreements, disbursement: this.disbursement },
        { code: unit.code, nameTh: unit.nameTh, nameEn: unit.nameEn },
        month,
        bangkokDateOf(new Date()),
      );
      const [pdf, xlsx] = await Promise.all([renderMonthlyReportPdf(data), renderMonthlyReportXlsx(data)]);
      const report = existing ?? m.create(MonthlyReport, { orgUnitId: unit.id, month: first });
      Object.assign(report, {
        fiscalYear: data.fiscalYear,
        asOf: monthBounds(month).last,
        generatedAt: new Date(),
        trigger,
        pdfBytes: pdf.length,
        xlsxBytes: xlsx.length,
      });
      const saved = await m.save(report);
      await m.query(
        `INSERT INTO monthly_report_file (report_id, format, content) VALUES ($1, 'pdf', $2), ($1, 'xlsx', $3)
         ON CONFLICT (report_id, format) DO UPDATE SET content = excluded.content`,
        [saved.id, pdf, xlsx],
      );
      await this.events.publish(m, 'monthlyReport.made', {
        unit,
        reportId: saved.id,
        month,
        fiscalYear: saved.fiscalYear,
        generatedAt: saved.generatedAt.toISOString(),
      });
      return toDto(saved, unit.code);
    });
  }

  async list(code: string): Promise<MonthlyReportDto[]> {
    const rows = await this.dataSource.manager.find(MonthlyReport, {
      where: { orgUnit: { code } },
      order: { month: 'DESC' },
    });
    return rows.map((r) => toDto(r, code));
  }

  async file(reportId: string, format: ReportFormat, m: EntityManager = this.dataSource.manager) {
    const [row] = await m.query(
      `SELECT f.content, r.month, u.code, u.name_th FROM monthly_report_file f
       JOIN monthly_report r ON r.id = f.report_id JOIN org_unit u ON u.id = r.org_unit_id
       WHERE f.report_id = $1 AND f.format = $2`,
      [reportId, format],
    );
    if (!row) throw notFound();
    return {
      content: row.content as Buffer,
      month: (typeof row.month === 'string' ? row.month : bangkokDateOf(row.month)).slice(0, 7),
      code: row.code as string,
      nameTh: row.name_th as string,
    };
  }
}
