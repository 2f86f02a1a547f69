import { DataSource } from 'typeorm';
import { createDataSource } from '../../data-source';
import { createTestDatabase, TestDatabase } from '../../../testing/test-database';
import { runSeeds } from '../run-seeds';
import { PROVINCE_ISSUES } from './demo-catalogue';

/** Pinned: the shape of the demo on one day (the calendar's other days: demo-calendar.int-spec.ts). */
const TODAY = '2026-11-15';

const KPIS_PER_PROVINCE = PROVINCE_ISSUES.flatMap((i) => i.goals.flatMap((g) => g.kpis)).length;

describe('demo seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url);
    await ds.initialize();
    await runSeeds(ds, { demo: true, today: TODAY });
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const one = async <T>(sql: string): Promise<T> => (await ds.query(sql))[0] as T;

  it('gives every province and cluster a plan, and every province the full strategy map', async () => {
    const counts = await one<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.type = 'province') AS province_plans,
             (SELECT count(*)::int FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.type = 'cluster') AS cluster_plans,
             (SELECT count(DISTINCT org_unit_id)::int FROM kpi) AS provinces_with_kpis,
             (SELECT count(*)::int FROM kpi) AS kpis`);
    expect(counts).toEqual({
      province_plans: 77,
      cluster_plans: 18,
      provinces_with_kpis: 77,
      kpis: 77 * KPIS_PER_PROVINCE,
    });
  });

  it('links province goals up to goals of their own cluster (Bangkok has none)', async () => {
    const wrong = await ds.query(`
      SELECT g.code FROM goal g
      JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id JOIN org_unit pu ON pu.id = p.org_unit_id
      JOIN goal cg ON cg.id = g.contributes_to_goal_id
      JOIN strategic_issue ci ON ci.id = cg.issue_id JOIN plan cp ON cp.id = ci.plan_id
      WHERE cp.org_unit_id <> pu.parent_id`);
    expect(wrong).toEqual([]);
    const linked = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal WHERE contributes_to_goal_id IS NOT NULL`,
    );
    expect(linked.n).toBe(76 * 2);
  });

  it('has targets and results for the three fiscal years before the seeding day and its own (2567–2570), named in Thai', async () => {
    const years = await ds.query(`SELECT DISTINCT fiscal_year FROM kpi_target ORDER BY 1`);
    expect(years.map((r: { fiscal_year: number }) => r.fiscal_year)).toEqual([2567, 2568, 2569, 2570]);
    const resultYears = await ds.query(`SELECT DISTINCT fiscal_year FROM kpi_result ORDER BY 1`);
    expect(resultYears.map((r: { fiscal_year: number }) => r.fiscal_year)).toEqual([2567, 2568, 2569, 2570]);
    const latest = await one<{ period: string }>(
      `SELECT max(period) AS period FROM kpi_result WHERE fiscal_year = 2570`,
    );
    expect(latest.period).toBe('2570-M01');
    const plan = await one<{ name_th: string }>(
      `SELECT p.name_th FROM plan p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50'`,
    );
    expect(plan.name_th).toBe('แผนพัฒนาจังหวัดเชียงใหม่ พ.ศ. 2566–2570');
  });

  it('keeps results plausible: ratio parts consistent, values inside the KPI range, periods in their year', async () => {
    const bad = await one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE k.rollup = 'ratio' AND (r.numerator IS NULL OR r.denominator <= 0 OR r.numerator > r.denominator))::int AS bad_ratio,
             count(*) FILTER (WHERE k.rollup <> 'ratio' AND (r.value IS NULL OR r.value < k.plausible_min OR r.value > k.plausible_max))::int AS out_of_range,
             count(*) FILTER (WHERE r.period NOT LIKE r.fiscal_year || '%')::int AS wrong_year,
             count(*) FILTER (WHERE r.status = 'approved' AND r.approved_at IS NULL)::int AS unapproved
      FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id`);
    expect(bad).toEqual({ bad_ratio: 0, out_of_range: 0, wrong_year: 0, unapproved: 0 });
  });

  it('leaves the newest month moving through the workflow and earlier years approved', async () => {
    const rows: { fiscal_year: number; status: string }[] = await ds.query(
      `SELECT DISTINCT fiscal_year, status FROM kpi_result ORDER BY 1, 2`,
    );
    const statuses = (fy: number) => rows.filter((r) => r.fiscal_year === fy).map((r) => r.status);
    expect(statuses(2567)).toEqual(['approved']);
    expect(statuses(2568)).toEqual(['approved']);
    expect(statuses(2570)).toEqual(['approved', 'draft', 'returned', 'submitted']);
  });

  it('is seeded once: running the seeds again adds nothing', async () => {
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_result`);
    await runSeeds(ds, { demo: true });
    const after = await one<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_result`);
    expect(after.n).toBe(before.n);
  });
});
