import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bangkokDateOf,
  fiscalYearOf,
  type Frequency,
  periodsOfYear,
  reminderOn,
  resultDeadline,
  type UnitType,
} from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Jobs } from '../jobs/jobs.service';
import { Concern, reminderConcern } from './concerned';
import { NotificationsService } from './notifications.service';

interface KpiRow {
  id: string;
  code: string;
  name_th: string;
  name_en: string;
  frequency: Frequency;
  owner_user_id: string;
  fiscal_year: number;
  unit_code: string;
  unit_type: UnitType;
  unit_path: string;
  /** Periods with a result submitted or approved (nothing to remind of). */
  done: string[];
}

/**
 * The morning reminder run (the scheduler's `reminders.morning` job, 07:00 Bangkok): for every KPI
 * with an owner, each period whose result is missing is reminded N days before its deadline and
 * once the day after it. The notification's key is the KPI and period, so a second run the same day
 * (a retry, another instance) tells nobody twice.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('reminders.morning', async (data) => {
      const made = await this.run(data.today ?? bangkokDateOf(new Date()));
      this.log.log(`Morning reminders: ${made} sent`);
    });
  }

  /** What today's run calls for, without sending: one concern per KPI and period. */
  async due(today: string): Promise<Concern[]> {
    const fy = fiscalYearOf(today);
    // Last year's closing periods still fall due in the new year's first weeks.
    const rows: KpiRow[] = await this.dataSource.query(
      `SELECT k.id, k.code, k.name_th, k.name_en, k.frequency, k.owner_user_id, t.fiscal_year,
              u.code AS unit_code, u.type AS unit_type, u.path AS unit_path,
              COALESCE((SELECT array_agg(r.period) FROM kpi_result r
                        WHERE r.kpi_id = k.id AND r.fiscal_year = t.fiscal_year AND r.status IN ('submitted', 'approved')),
                       '{}') AS done
       FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
       JOIN (SELECT DISTINCT kpi_id, fiscal_year FROM kpi_target WHERE fiscal_year IN ($1, $2)) t ON t.kpi_id = k.id
       WHERE k.owner_user_id IS NOT NULL AND k.retired_at IS NULL`,
      [fy, fy - 1],
    );
    const concerns: Concern[] = [];
    const daysBefore = this.config.REMINDER_DAYS_BEFORE;
    const deadlineDays = this.config.RESULT_DEADLINE_DAYS;
    for (const k of rows) {
      const done = new Set(k.done);
      for (const period of periodsOfYear(k.fiscal_year, k.frequency)) {
        if (done.has(period)) continue;
        const kind = reminderOn(period, today, daysBefore, deadlineDays);
        if (!kind) continue;
        concerns.push(
          reminderConcern({
            kind,
            kpi: { id: k.id, code: k.code, nameTh: k.name_th, nameEn: k.name_en },
            unit: { code: k.unit_code, type: k.unit_type, path: k.unit_path },
            period,
            deadline: resultDeadline(period, deadlineDays),
            ownerUserId: k.owner_user_id,
          }),
        );
      }
    }
    return concerns;
  }

  async run(today: string): Promise<number> {
    return this.notifications.notify(await this.due(today));
  }
}
