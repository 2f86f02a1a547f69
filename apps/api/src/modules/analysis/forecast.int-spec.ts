import type { GoalContributionsDto, LikelyToMissDto, ProvinceForecastsDto, ProvinceViewDto } from '@provdash/shared/contracts';
import {
  forecastOutlook,
  type Frequency,
  parseBahtToSatang,
  periodRange,
  periodsPerYear,
  type RollupEntry,
  type RollupMethod,
  screenForecast,
} from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * The province view's year-end forecasts: what the API answers (one SQL statement for every KPI of
 * the province, one for its money) against the domain lib's `screenForecast` and `forecastOutlook`
 * computed here from rows this spec reads on its own, on the same demo data.
 */
describe('GET /api/analysis/forecasts/:unitCode (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const anonymous = () => as(t, null);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  /** A KPI's definition, target and approved results of every year up to `fy`, read plainly. */
  async function independently(kpiId: string, fy: number, asOf: string) {
    const [k]: {
      rollup: RollupMethod;
      frequency: Frequency;
      direction: 'higher_better' | 'lower_better' | 'band';
      ratio_multiplier: string | null;
      band_min: string | null;
      band_max: string | null;
    }[] = await t.dataSource.query(`SELECT rollup, frequency, direction, ratio_multiplier, band_min, band_max FROM kpi WHERE id = $1`, [kpiId]);
    const [target] = await t.dataSource.query(
      `SELECT target FROM kpi_target WHERE kpi_id = $1 AND period = $2 AND state = 'published'`,
      [kpiId, String(fy)],
    );
    const rows: { fiscal_year: number; period: string; value: string | null; numerator: string | null; denominator: string | null }[] =
      await t.dataSource.query(
        `SELECT fiscal_year, period, value, numerator, denominator FROM kpi_result
         WHERE kpi_id = $1 AND status = 'approved' AND fiscal_year <= $2`,
        [kpiId, fy],
      );
    const n = (x: string | null) => (x === null ? null : Number(x));
    const entry = (r: (typeof rows)[number]): RollupEntry =>
      k.rollup === 'ratio' ? { period: r.period, numerator: n(r.numerator), denominator: n(r.denominator) } : { period: r.period, value: n(r.value) };
    const earlier = [...new Set(rows.filter((r) => r.fiscal_year < fy).map((r) => r.fiscal_year))].sort();
    const result = screenForecast({
      method: k.rollup,
      periodsInYear: periodsPerYear(k.frequency),
      // This year as known on asOf: the periods begun by then.
      current: rows.filter((r) => r.fiscal_year === fy && periodRange(r.period).start <= asOf).map(entry),
      history: earlier.map((y) => rows.filter((r) => r.fiscal_year === y).map(entry)),
      multiplier: k.rollup === 'ratio' ? Number(k.ratio_multiplier ?? 1) : undefined,
    });
    const band = k.direction === 'band' ? { min: Number(k.band_min), max: Number(k.band_max) } : null;
    const yearTarget = k.direction === 'band' ? null : n(target?.target ?? null);
    return {
      rollup: k.rollup,
      ...result,
      outlook: result.forecast ? forecastOutlook(result.forecast, k.direction, { target: yearTarget, band }) : null,
    };
  }

  it("forecasts every KPI of a province as the domain lib does on the same rows: sums scaled by the earlier years", async () => {
    // FY 2570 with October reported; FY 2567–2569 complete: three earlier years for every KPI.
    const res = await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2570&asOf=2026-11-15');
    expect(res.status).toBe(200);
    const body = res.body as ProvinceForecastsDto;
    expect(body).toEqual(expect.objectContaining({ orgUnitCode: '50', fiscalYear: 2570, asOf: '2026-11-15' }));
    expect(body.kpis.length).toBeGreaterThan(3);
    for (const k of body.kpis) {
      const mine = await independently(k.kpiId, 2570, '2026-11-15');
      expect({ forecast: k.forecast, reason: k.reason, outlook: k.outlook }).toEqual({
        forecast: mine.forecast,
        reason: mine.reason,
        outlook: mine.outlook,
      });
      expect(k.rollup).toBe(mine.rollup);
    }
    const scaled = body.kpis.filter((k) => k.rollup === 'sum' && k.forecast?.method === 'scaled');
    expect(scaled.length).toBeGreaterThan(0);
    expect(scaled.every((k) => k.forecast?.years === 3 && (k.forecast?.through ?? 0) >= 1)).toBe(true);
    // The outlook is there wherever a forecast and a target are.
    expect(body.kpis.filter((k) => k.forecast && k.target !== null).every((k) => k.outlook !== null)).toBe(true);
  });

  it('projects a ratio KPI as its rate of sums so far, carried forward (the back-test: scaling adds only noise)', async () => {
    // The demo's ratio KPIs are quarterly: FY 2569 made half-way (its Q3 and Q4 back to submitted, this database only).
    const id = f.kpis['50/K2.1.2'];
    await t.dataSource.query(
      `UPDATE kpi_result SET status = 'submitted' WHERE kpi_id = $1 AND period IN ('2569-Q3', '2569-Q4')`,
      [id],
    );
    const body = (await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2569&asOf=2026-04-15')).body as ProvinceForecastsDto;
    const k = body.kpis.find((x) => x.kpiId === id);
    const mine = await independently(id, 2569, '2026-04-15');
    expect(k).toEqual(expect.objectContaining({ rollup: 'ratio', periodsInYear: 4, forecast: mine.forecast, outlook: mine.outlook }));
    expect(k?.forecast).toEqual(expect.objectContaining({ method: 'naive', through: 2, years: 0 }));
    const [{ rate }] = await t.dataSource.query(
      `SELECT SUM(numerator) / SUM(denominator) * 100 AS rate FROM kpi_result
       WHERE kpi_id = $1 AND period IN ('2569-Q1', '2569-Q2')`,
      [id],
    );
    expect(k?.forecast?.projected).toBeCloseTo(Number(rate), 9);
  });

  it('gives a KPI with no earlier year the naive method (a sum pro-rated)', async () => {
    const res = (await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2570&asOf=2026-11-15')).body as ProvinceForecastsDto;
    const sum = res.kpis.find((k) => k.rollup === 'sum' && k.forecast?.method === 'scaled');
    expect(sum).toBeDefined();
    const id = (sum as NonNullable<typeof sum>).kpiId;
    // Its earlier years taken away (this test database only): nothing to learn the year's shape from.
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year < 2570`, [id]);
    const after = (await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2570&asOf=2026-11-15')).body as ProvinceForecastsDto;
    const k = after.kpis.find((x) => x.kpiId === id);
    const mine = await independently(id, 2570, '2026-11-15');
    expect(k?.forecast).toEqual(mine.forecast);
    expect(k?.forecast).toEqual(
      expect.objectContaining({ method: 'naive', years: 0, projected: ((k?.forecast?.toDate ?? NaN) * (k?.periodsInYear ?? NaN)) / (k?.forecast?.through ?? NaN) }),
    );
    expect(k?.forecast?.low).toBe(k?.forecast?.projected);
  });

  it("forecasts the province's disbursement from its months so far and its earlier years' shape, against the year-end target", async () => {
    // Six months of FY 2569 ended by 15 April 2026 (October–March); FY 2567 and 2568 before it.
    const res = await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2569&asOf=2026-04-15');
    expect(res.status).toBe(200);
    const money = (res.body as ProvinceForecastsDto).disbursement;

    const months: { fiscal_year: number; m: string; disbursed: string }[] = await t.dataSource.query(
      `SELECT p.fiscal_year, to_char(d.month, 'YYYY-MM') AS m, SUM(d.disbursed)::text AS disbursed
       FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.status <> 'cancelled' AND p.fiscal_year <= 2569 AND d.month <= '2026-04-15' GROUP BY 1, 2`,
    );
    const [{ allocated }] = await t.dataSource.query(
      `SELECT COALESCE(SUM(p.allocated), 0)::text AS allocated FROM project p JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.code = '50' AND p.status <> 'cancelled' AND p.fiscal_year = 2569`,
    );
    const [{ q4 }] = await t.dataSource.query(`SELECT q4 FROM disbursement_target WHERE fiscal_year = 2569 AND budget_type = 'overall'`);
    // The fiscal year's months in order: October (M01) … September (M12), as calendar months.
    const calendar = (fy: number) =>
      Array.from({ length: 12 }, (_, i) => (i < 3 ? `${fy - 544}-${String(i + 10)}` : `${fy - 543}-0${i - 2}`));
    const inMonth = (fy: number, m: string) =>
      Number(parseBahtToSatang(months.find((r) => r.fiscal_year === fy && r.m === m)?.disbursed ?? '0'));
    const whole = Number(parseBahtToSatang(allocated));
    const current = calendar(2569)
      .slice(0, 6)
      .map((m, i) => ({ period: `2569-M${String(i + 1).padStart(2, '0')}`, value: (inMonth(2569, m) / whole) * 100 }));
    const earlier = [...new Set(months.filter((r) => r.fiscal_year < 2569).map((r) => r.fiscal_year))].sort();
    expect(earlier).toEqual([2567, 2568]);
    const history = earlier.map((fy) =>
      calendar(fy).map((m, i) => ({ period: `${fy}-M${String(i + 1).padStart(2, '0')}`, value: inMonth(fy, m) })),
    );
    const mine = screenForecast({ method: 'sum', periodsInYear: 12, current, history });
    expect(mine.forecast).toEqual(expect.objectContaining({ method: 'scaled', through: 6, years: 2 }));
    expect(money).toEqual({
      allocated,
      target: Number(q4),
      forecast: mine.forecast,
      reason: null,
      outlook: forecastOutlook(mine.forecast as NonNullable<typeof mine.forecast>, 'higher_better', { target: Number(q4) }),
    });
  });

  it("says what each goal contributes to: the cluster goal it is linked to and its pillar, on the province view too", async () => {
    const res = await anonymous().get('/api/analysis/contributions/50?fiscalYear=2569');
    expect(res.status).toBe(200);
    const body = res.body as GoalContributionsDto;
    const links: { code: string; cg: string | null; cluster: string | null; pillar: number | null; cg_pillar: number | null }[] =
      await t.dataSource.query(
        `SELECT g.code, cg.code AS cg, cu.code AS cluster, g.national_pillar AS pillar, cg.national_pillar AS cg_pillar
         FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id
         LEFT JOIN goal cg ON cg.id = g.contributes_to_goal_id LEFT JOIN strategic_issue ci ON ci.id = cg.issue_id
         LEFT JOIN plan cp ON cp.id = ci.plan_id LEFT JOIN org_unit cu ON cu.id = cp.org_unit_id
         WHERE u.code = '50' AND p.status = 'published' AND 2569 BETWEEN p.start_fy AND p.end_fy AND g.retired_at IS NULL`,
      );
    expect(body.goals.map((g) => g.code).sort()).toEqual(links.map((l) => l.code).sort());
    for (const l of links) {
      const g = body.goals.find((x) => x.code === l.code);
      expect(g?.clusterGoal?.code ?? null).toBe(l.cg);
      expect(g?.clusterGoal?.clusterCode ?? null).toBe(l.cluster);
      expect(g?.pillar).toBe(l.pillar ?? l.cg_pillar);
    }
    // The demo links Chiang Mai's goals up to its cluster's (C15, the upper north).
    expect(body.goals.some((g) => g.clusterGoal !== null && g.pillar !== null)).toBe(true);
    const view = (await anonymous().get('/api/screens/province/50?fiscalYear=2569')).body as ProvinceViewDto;
    expect(view.contributions).toEqual(body);
  });

  it('forecasts a past day from what that day knew: the periods begun by then', async () => {
    // FY 2568 is complete in the demo; as of 15 January 2025 only October to January had begun.
    const body = (await anonymous().get('/api/analysis/forecasts/50?fiscalYear=2568&asOf=2025-01-15')).body as ProvinceForecastsDto;
    const monthlySums = body.kpis.filter((k) => k.rollup === 'sum' && k.periodsInYear === 12 && k.forecast);
    expect(monthlySums.length).toBeGreaterThan(0);
    for (const k of monthlySums) {
      expect(k.forecast).toEqual((await independently(k.kpiId, 2568, '2025-01-15')).forecast);
      expect(k.forecast?.through).toBeLessThanOrEqual(4);
      expect(k.forecast?.method).toBe('scaled');
    }
  });

  it("lists the KPIs likely to miss across provinces, each as its province's own forecasts say", async () => {
    const res = await anonymous().get('/api/analysis/likely-to-miss?fiscalYear=2570&asOf=2026-11-15');
    expect(res.status).toBe(200);
    const body = res.body as LikelyToMissDto;
    expect(body.kpis.length).toBeGreaterThan(0);
    expect(body.kpis.every((k) => k.outlook === 'likely_to_miss')).toBe(true);
    // Each province's list against its own route: the same KPIs likely to miss, the same forecasts.
    for (const code of [...new Set(body.kpis.map((k) => k.provinceCode))].slice(0, 5)) {
      const own = (await anonymous().get(`/api/analysis/forecasts/${code}?fiscalYear=2570&asOf=2026-11-15`)).body as ProvinceForecastsDto;
      const listed = body.kpis.filter((k) => k.provinceCode === code);
      expect(listed.map(({ provinceCode, provinceNameTh, provinceNameEn, nameTh, nameEn, ...k }) => k)).toEqual(
        own.kpis.filter((k) => k.outlook === 'likely_to_miss' && k.forecast?.method !== 'final'),
      );
      expect(listed.every((k) => k.provinceNameTh && k.nameTh)).toBe(true);
    }
  });

  it('refuses a unit that is no province', async () => {
    expect((await anonymous().get('/api/analysis/forecasts/ZZ?fiscalYear=2570')).status).toBe(404);
    expect((await anonymous().get('/api/analysis/contributions/ZZ?fiscalYear=2570')).status).toBe(404);
  });
});
