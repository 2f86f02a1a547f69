import type {
  AgreementRankingDto,
  AgreementScorecardDto,
  ClusterStatusDto,
  DisbursementSummaryDto,
  MonthlyReportDto,
  PublicOverviewDto,
  PublicProvinceDto,
  ScorecardDto,
} from '@provdash/shared/contracts';
import { addDays, fiscalYearOf } from '@provdash/shared/domain';
import { verify } from 'argon2';
import { DataSource } from 'typeorm';
import { as, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';
import { pinClock } from '../../../testing/pin-clock';
import { createTestDatabase, TestDatabase } from '../../../testing/test-database';
import { createDataSource } from '../../data-source';
import { runSeeds } from '../run-seeds';
import { seedDemoMonthlyReports } from './demo-monthly-reports';
import { DEMO_PASSWORD } from './demo-users.seed';

/**
 * A demo that follows the calendar: with the clock pinned at arbitrary days, a demo seeded that day
 * (the real clock's default, no `today` passed) shows its current fiscal year alive on what the
 * overview, a province, compare and the public page read, through their own endpoints.
 * Only `Date` is faked; timers and I/O run as usual.
 */

function pinDay(day: string): void {
  // Noon in Bangkok: the date is the same there and in UTC.
  pinClock(new Date(`${day}T05:00:00Z`));
}

const sum = (counts: Record<string, number>, ...keys: string[]) => keys.reduce((n, k) => n + (counts[k] ?? 0), 0);

describe.each([
  // An ordinary day in the middle of a year, years from now.
  // Ubon Ratchathani's last year's 12-month round is still to be submitted.
  { day: '2031-02-14', fy: 2574, monthsOver: 4, awaiting: { fy: 2573, status: 'evaluated_6', rounds: [6] } },
  // The last day of a fiscal year: eleven months reported, the 6-month round evaluated (Ubon
  // Ratchathani's still to be submitted).
  { day: '2029-09-30', fy: 2572, monthsOver: 11, awaiting: { fy: 2572, status: 'agreed', rounds: [] } },
])('demo seeded on $day (FY $fy)', ({ day, fy, monthsOver, awaiting }) => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedFixture>>['tokens'];

  beforeAll(async () => {
    pinDay(day);
    t = await bootTestApp();
    await runSeeds(t.dataSource, { demo: true });
    ({ tokens } = await seedFixture(t)); // the demo is seeded already: this only signs the users in
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    jest.useRealTimers();
  });

  it('opens the public page on the current year: KPI lights of every colour, money disbursed against a target', async () => {
    const res = await as(t, null).get('/api/public/overview');
    expect(res.status).toBe(200);
    const o = res.body as PublicOverviewDto;
    expect([o.fiscalYear, o.asOf]).toEqual([fy, day]);
    expect(o.kpiCounts.green).toBeGreaterThan(0);
    expect(o.kpiCounts.amber).toBeGreaterThan(0);
    expect(o.kpiCounts.red).toBeGreaterThan(0);
    expect(Number(o.disbursement.allocated)).toBeGreaterThan(0);
    expect(Number(o.disbursement.disbursed)).toBeGreaterThan(0);
    expect(o.disbursement.rate).toBeGreaterThan(0);
    expect(o.disbursementTarget).toBeGreaterThan(0);

    const province = (await as(t, null).get('/api/public/provinces/50')).body as PublicProvinceDto;
    expect(province.fiscalYear).toBe(fy);
    expect(sum(province.scorecard.counts, 'green', 'amber', 'red')).toBeGreaterThan(0);
    // The curve runs to the day's month, which has no payment yet: money stops at last month.
    expect(province.disbursement.curve).toHaveLength(monthsOver + 1);
    const [before, current] = province.disbursement.curve.slice(-2);
    expect(current.cumulativeDisbursed).toBe(before.cumulativeDisbursed);
    expect(province.rounds.map((r) => r.round)).toEqual(monthsOver >= 7 ? [6] : []);
  });

  it("gives the governor's province its year: approved results, a signed agreement, money up to last month", async () => {
    const card = (await as(t, tokens.governor50).get('/api/org-units/50/scorecard')).body as ScorecardDto;
    expect([card.fiscalYear, card.asOf]).toEqual([fy, day]);
    // Lit: KPIs with an approved result for their latest due period; none of the year's KPIs is without a target.
    const due = card.kpis.filter((k) => k.status !== 'none').length;
    expect(due).toBeGreaterThan(0);
    expect(sum(card.counts, 'green', 'amber', 'red')).toBeGreaterThanOrEqual(due / 2);
    expect(card.kpis.every((k) => k.target !== null)).toBe(true);

    const agreement = (await as(t, tokens.governor50).get('/api/org-units/50/agreement-scorecard'))
      .body as AgreementScorecardDto;
    expect(agreement.fiscalYear).toBe(fy);
    expect(agreement.status).toBe(monthsOver >= 7 ? 'evaluated_6' : 'agreed');
    expect(agreement.agreementId).toEqual(expect.any(String));

    const money = (await as(t, tokens.governor50).get('/api/org-units/50/disbursement')).body as DisbursementSummaryDto;
    expect(money.fiscalYear).toBe(fy);
    expect(Number(money.total.disbursed)).toBeGreaterThan(0);
    expect(money.curve.at(-1)?.month).toBe(day.slice(0, 7));
  });

  it("leaves Ubon Ratchathani's latest ended round to be submitted, and only that round of that province", async () => {
    const late = (await as(t, null).get(`/api/org-units/34/agreement-scorecard?fiscalYear=${awaiting.fy}`))
      .body as AgreementScorecardDto;
    expect(late.status).toBe(awaiting.status);
    expect(late.rounds.map((r) => r.round)).toEqual(awaiting.rounds);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id
       WHERE a.fiscal_year = $1 AND u.code <> '34' AND a.status <> $2`,
      [awaiting.fy, awaiting.status],
    );
    // Every other province's round was evaluated: one step on from Ubon Ratchathani's state.
    expect(n).toBe(76);
  });

  it('lets compare rank every province on the current year: clusters lit, every agreement signed and scored', async () => {
    const clusters = (await as(t, tokens.analyst).get('/api/compare/clusters')).body as ClusterStatusDto;
    expect(clusters.fiscalYear).toBe(fy);
    expect(clusters.clusters).toHaveLength(18);
    const ranking = (await as(t, tokens.analyst).get('/api/compare/agreements')).body as AgreementRankingDto;
    expect(ranking.fiscalYear).toBe(fy);
    expect(ranking.rows).toHaveLength(77);
    expect(ranking.rows.filter((r) => r.agreementId && r.status !== 'draft')).toHaveLength(77);
    // Live scores come from approved results: a province whose linked KPIs' newest results are still in review has none yet.
    expect(ranking.rows.filter((r) => r.liveScore !== null).length).toBeGreaterThan(77 * 0.75);
  });

  it("leaves the workspace work: the newest period's results moving through review, a few never reported", async () => {
    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'draft')::int AS draft,
              count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE status = 'returned')::int AS returned,
              count(*) FILTER (WHERE status = 'approved' AND approved_at >= $2::date)::int AS stamped_today_or_later
       FROM kpi_result WHERE fiscal_year = $1`,
      [fy, day],
    );
    expect(row.draft).toBeGreaterThan(0);
    expect(row.submitted).toBeGreaterThan(0);
    expect(row.returned).toBeGreaterThan(0);
    expect(row.stamped_today_or_later).toBe(0);
    const card = (await as(t, tokens.officer50).get('/api/org-units/50/scorecard')).body as ScorecardDto;
    expect(card.kpis.every((k) => k.status !== undefined)).toBe(true);
  });

  it('keeps the three years before complete and nothing after the day', async () => {
    const years: { fiscal_year: number; months: number }[] = await t.dataSource.query(
      `SELECT p.fiscal_year, count(DISTINCT d.month)::int AS months
       FROM project p JOIN disbursement d ON d.project_id = p.id GROUP BY 1 ORDER BY 1`,
    );
    expect(years).toEqual([
      { fiscal_year: fy - 3, months: 12 },
      { fiscal_year: fy - 2, months: 12 },
      { fiscal_year: fy - 1, months: 12 },
      { fiscal_year: fy, months: monthsOver },
    ]);
    const [late] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM kpi_result WHERE submitted_at >= $1::date OR approved_at >= $1::date) AS results,
              (SELECT count(*)::int FROM agreement_round WHERE evaluated_at >= $1::date) AS rounds,
              (SELECT count(*)::int FROM disbursement WHERE month >= date_trunc('month', $1::date)) AS money`,
      [day],
    );
    expect(late).toEqual({ results: 0, rounds: 0, money: 0 });
    const [plan] = await t.dataSource.query(
      `SELECT p.start_fy, p.end_fy FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50'`,
    );
    expect(plan.start_fy <= fy - 3 && fy <= plan.end_fy).toBe(true);
  });

  it("makes last month's report of the demo provinces once, as the schedule would, for the public reports page", async () => {
    expect(await seedDemoMonthlyReports(t.app)).toBe(2);
    expect(await seedDemoMonthlyReports(t.app)).toBe(0);
    const reports = (await as(t, null).get('/api/public/provinces/50/monthly-reports')).body as MonthlyReportDto[];
    expect(reports.map((r) => [r.month, r.trigger])).toEqual([
      [addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7), 'schedule'],
    ]);
    expect(reports[0].pdfBytes).toBeGreaterThan(1000);
    const pdf = await as(t, null).get(reports[0].pdfUrl);
    expect(pdf.status).toBe(200);
  });
});

describe('demo seeded on the first day of a fiscal year (2027-10-01)', () => {
  const day = '2027-10-01';
  const fy = fiscalYearOf(day);
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedFixture>>['tokens'];

  beforeAll(async () => {
    pinDay(day);
    t = await bootTestApp();
    await runSeeds(t.dataSource, { demo: true });
    ({ tokens } = await seedFixture(t));
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    jest.useRealTimers();
  });

  it('opens the new year with its targets, signed agreements and allocated budgets; nothing is due yet', async () => {
    expect(fy).toBe(2571);
    const card = (await as(t, tokens.governor50).get('/api/org-units/50/scorecard')).body as ScorecardDto;
    expect(card.fiscalYear).toBe(fy);
    expect(card.kpis.length).toBeGreaterThan(0);
    expect(card.kpis.every((k) => k.target !== null)).toBe(true);
    const ranking = (await as(t, tokens.analyst).get('/api/compare/agreements')).body as AgreementRankingDto;
    expect(ranking.fiscalYear).toBe(fy);
    expect(ranking.rows.filter((r) => r.status === 'agreed')).toHaveLength(77);
    const o = (await as(t, null).get('/api/public/overview')).body as PublicOverviewDto;
    expect(o.fiscalYear).toBe(fy);
    expect(Number(o.disbursement.allocated)).toBeGreaterThan(0);
    expect(Number(o.disbursement.disbursed)).toBe(0);
  });

  it('has just closed the year before: every month reported and paid, its 12-month round still to be evaluated', async () => {
    const card = (await as(t, tokens.governor50).get(`/api/org-units/50/scorecard?fiscalYear=${fy - 1}`))
      .body as ScorecardDto;
    expect(sum(card.counts, 'green', 'amber', 'red')).toBeGreaterThan(card.kpis.length / 2);
    const money = (await as(t, tokens.governor50).get(`/api/org-units/50/disbursement?fiscalYear=${fy - 1}`))
      .body as DisbursementSummaryDto;
    expect(money.curve).toHaveLength(12);
    const agreement = (await as(t, tokens.governor50).get(`/api/org-units/50/agreement-scorecard?fiscalYear=${fy - 1}`))
      .body as AgreementScorecardDto;
    expect(agreement.status).toBe('evaluated_6');
  });
});

describe('training: DEMO_PROVINCES_WITHOUT_PLAN', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url);
    await ds.initialize();
    await runSeeds(ds, { demo: true, today: '2030-06-10', provincesWithoutPlan: ['96', '95'] });
  }, 240_000);

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('leaves those provinces with no plan, KPI, result, agreement or project, and every other province its full demo', async () => {
    const rows: { code: string; plans: number; kpis: number; results: number; agreements: number; projects: number }[] =
      await ds.query(
        `SELECT u.code,
                (SELECT count(*)::int FROM plan p WHERE p.org_unit_id = u.id) AS plans,
                (SELECT count(*)::int FROM kpi k WHERE k.org_unit_id = u.id) AS kpis,
                (SELECT count(*)::int FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id WHERE k.org_unit_id = u.id) AS results,
                (SELECT count(*)::int FROM agreement a WHERE a.org_unit_id = u.id) AS agreements,
                (SELECT count(*)::int FROM project p WHERE p.org_unit_id = u.id) AS projects
         FROM org_unit u WHERE u.type = 'province' ORDER BY u.code`,
      );
    const empty = rows.filter((r) => r.plans + r.kpis + r.results + r.agreements + r.projects === 0).map((r) => r.code);
    expect(empty).toEqual(['95', '96']);
    const full = rows.filter(
      (r) => r.plans === 1 && r.kpis > 0 && r.results > 0 && r.agreements === 4 && r.projects > 0,
    );
    expect(full).toHaveLength(75);
  });

  it('gives each of them a strategy officer and an approver who sign in with the demo password', async () => {
    const users: { email: string; role: string; code: string; password_hash: string }[] = await ds.query(
      `SELECT usr.email, usr.role, u.code, usr.password_hash FROM app_user usr JOIN org_unit u ON u.id = usr.org_unit_id
       WHERE u.code IN ('95', '96') ORDER BY usr.email`,
    );
    expect(users.map((u) => [u.email, u.role, u.code])).toEqual([
      ['approver.95@demo.go.th', 'province_approver', '95'],
      ['approver.96@demo.go.th', 'province_approver', '96'],
      ['officer.95@demo.go.th', 'province_officer', '95'],
      ['officer.96@demo.go.th', 'province_officer', '96'],
    ]);
    for (const u of users) expect(await verify(u.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('refuses a code that is no province, before seeding anything', async () => {
    const other = await createTestDatabase();
    const ds2 = createDataSource(other.url);
    await ds2.initialize();
    try {
      await expect(runSeeds(ds2, { demo: true, provincesWithoutPlan: ['99'] })).rejects.toThrow(
        'DEMO_PROVINCES_WITHOUT_PLAN: no province has the code 99',
      );
      const [{ n }] = await ds2.query(`SELECT count(*)::int AS n FROM plan`);
      expect(n).toBe(0);
    } finally {
      await ds2.destroy();
      await other.drop();
    }
  });
});
