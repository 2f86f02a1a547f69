import type { INestApplicationContext } from '@nestjs/common';
import { bangkokDateOf } from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { MonthlyReportsService, previousMonth } from '../../../modules/reports/monthly-reports.service';
import { DEMO_USERS } from './demo-users.seed';

/** The provinces the demo's users work in (Chiang Mai, Lampang): their reports are what a demo visitor opens. */
export const DEMO_REPORT_PROVINCES = [
  ...new Set(DEMO_USERS.filter((u) => /^[0-9]{2}$/.test(u.scopeCode)).map((u) => u.scopeCode)),
];

/**
 * On the demo's first start, last month's report for the demo provinces, made by the running
 * product's own service exactly as the schedule on the 5th makes it (real PDF and XLSX from the
 * seeded data), so the public reports page and the workspace do not open on "no reports yet".
 * Claimed in `seed_run` like the other demo seeds: a restart, or a second instance, makes none.
 */
export async function seedDemoMonthlyReports(
  app: INestApplicationContext,
  options: { today?: string; log?: (message: string) => void } = {},
): Promise<number> {
  const dataSource = app.get(DataSource);
  const claimed = await dataSource.query(
    `INSERT INTO seed_run (name) VALUES ('demo-monthly-reports') ON CONFLICT DO NOTHING RETURNING name`,
  );
  if (!claimed.length) return 0;
  const month = previousMonth(options.today ?? bangkokDateOf(new Date()));
  options.log?.(`Seeding demo-monthly-reports (${month} for ${DEMO_REPORT_PROVINCES.join(', ')})…`);
  const reports = app.get(MonthlyReportsService);
  let made = 0;
  for (const code of DEMO_REPORT_PROVINCES) {
    if (await reports.generate(code, month, 'schedule', false)) made += 1;
  }
  return made;
}
