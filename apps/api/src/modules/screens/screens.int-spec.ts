import type { ClusterScreenDto, NationalOverviewDto, ProvinceViewDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

const FY = 2569;
const AS_OF = '2026-03-31';
const WHEN = `fiscalYear=${FY}&asOf=${AS_OF}`;

/**
 * A screen's first paint in one answer: each part is exactly what its own route answers (the
 * dashboard's stores keep those routes for everything after the first paint), kept and sent as its
 * kept bytes while nothing changes, and answered anew once a change is published.
 */
describe('GET /api/screens/... composed first-paint answers (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const anonymous = () => as(t, null);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  async function part(path: string): Promise<unknown> {
    const res = await anonymous().get(path);
    return res.status === 404 ? null : (expect(res.status).toBe(200), res.body);
  }

  /** Chiang Mai with its signed agreement; Lampang with its agreement back in draft (not signed: none to show). */
  async function provinceWith(agreement: boolean): Promise<string> {
    if (agreement) return '50';
    await t.dataSource.query(
      `UPDATE agreement SET status = 'draft'
        WHERE fiscal_year = $1 AND org_unit_id = (SELECT id FROM org_unit WHERE code = '52')`,
      [FY],
    );
    return '52';
  }

  it.each([true, false])(
    'the province view (signed agreement: %s) holds the scorecard, agreement, disbursement, slowest projects, forecasts and goal contributions of their own routes',
    async (agreement) => {
      const code = await provinceWith(agreement);
      const res = await anonymous().get(`/api/screens/province/${code}?${WHEN}`);
      expect(res.status).toBe(200);
      const view = res.body as ProvinceViewDto;
      const unit = `/api/org-units/${code}`;
      expect(view.unit).toEqual({ code, nameTh: expect.any(String), nameEn: expect.any(String) });
      expect(view.scorecard).toEqual(await part(`${unit}/scorecard?${WHEN}`));
      expect(view.agreement).toEqual(await part(`${unit}/agreement-scorecard?${WHEN}`));
      expect(view.agreement === null).toBe(!agreement);
      expect(view.disbursement).toEqual(await part(`${unit}/disbursement?${WHEN}`));
      expect(view.slowest).toEqual(await part(`${unit}/slowest-projects?${WHEN}&limit=5`));
      expect(view.forecasts).toEqual(await part(`/api/analysis/forecasts/${code}?${WHEN}`));
      expect(view.contributions).toEqual(await part(`/api/analysis/contributions/${code}?${WHEN}`));
      expect(view.scorecard.kpis.length).toBeGreaterThan(0);
      expect(view.forecasts.kpis.map((k) => k.kpiId).sort()).toEqual(view.scorecard.kpis.map((k) => k.kpiId).sort());
    },
  );

  it('the national overview holds the cluster lights and both rankings of their own routes', async () => {
    const res = await anonymous().get(`/api/screens/overview?${WHEN}`);
    expect(res.status).toBe(200);
    const view = res.body as NationalOverviewDto;
    expect(view.clusters).toEqual(await part(`/api/compare/clusters?${WHEN}`));
    expect(view.disbursement).toEqual(
      await part(`/api/disbursement/ranking?${WHEN}&level=province&budgetType=overall`),
    );
    expect(view.agreements).toEqual(await part(`/api/compare/agreements?${WHEN}`));
    expect(view.clusters.clusters).toHaveLength(18);
  });

  it("the cluster screen holds the provinces side by side, the cluster's own plan and its disbursement of their own routes", async () => {
    const res = await anonymous().get(`/api/screens/cluster/C15?${WHEN}`);
    expect(res.status).toBe(200);
    const view = res.body as ClusterScreenDto;
    expect(view.unit).toEqual({
      code: 'C15',
      nameTh: expect.any(String),
      nameEn: expect.any(String),
      regionCode: 'north',
    });
    expect(view.view).toEqual(await part(`/api/org-units/C15/cluster-view?${WHEN}`));
    expect(view.plan).toEqual(await part(`/api/org-units/C15/scorecard?${WHEN}`));
    expect(view.disbursement).toEqual(await part(`/api/org-units/C15/disbursement?${WHEN}`));
    expect(view.view.provinces.map((p) => p.code)).toEqual(['50', '51', '52', '58']);
    // The cluster's plan: its goals, each carried by the member provinces' goals linked up to it.
    expect(view.plan.orgUnitCode).toBe('C15');
    expect(view.strategy.planId).toEqual(expect.any(String));
    expect(view.strategy.goals.length).toBeGreaterThan(0);
    const carried = view.strategy.goals.find((g) => g.contributors.length > 0);
    expect(carried).toBeDefined();
    for (const c of carried?.contributors ?? []) {
      // Each contributor's light is its province's own goal light on its scorecard.
      const card = (await part(`/api/org-units/${c.provinceCode}/scorecard?${WHEN}`)) as ProvinceViewDto['scorecard'];
      expect(c.summary).toEqual(card.rollup.goals.find((g) => g.code === c.goalCode)?.summary);
    }
    // The cluster goal counts all its contributing KPIs together.
    expect(carried?.summary.kpiCount).toBe(carried?.contributors.reduce((n, c) => n + c.summary.kpiCount, 0));
    // A province is no cluster.
    expect((await anonymous().get(`/api/screens/cluster/50?${WHEN}`)).status).toBe(404);
  });

  it('goes out as kept bytes: compressed, one strong ETag while it stands, 304 when unchanged', async () => {
    const first = await anonymous().get(`/api/screens/province/50?${WHEN}`).set('Accept-Encoding', 'gzip, br');
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['etag']).toMatch(/^"[\w-]+"$/);
    const again = await anonymous().get(`/api/screens/province/50?${WHEN}`).set('Accept-Encoding', 'gzip');
    expect(again.headers['content-encoding']).toBe('gzip');
    expect(again.headers['etag']).toBe(first.headers['etag']);
    const unchanged = await anonymous()
      .get(`/api/screens/province/50?${WHEN}`)
      .set('If-None-Match', first.headers['etag']);
    expect(unchanged.status).toBe(304);

    const overview = await anonymous().get(`/api/screens/overview?${WHEN}`);
    expect((await anonymous().get(`/api/screens/overview?${WHEN}`)).headers['etag']).toBe(overview.headers['etag']);
  });

  it('answers anew once a change is published (a KPI renamed), never a kept answer that outlived it', async () => {
    const before = (await anonymous().get(`/api/screens/province/50?${WHEN}`)).body as ProvinceViewDto;
    const kpiId = f.kpis['50/K1.2.1'];
    const [{ version }] = await t.dataSource.query(`SELECT version FROM kpi WHERE id = $1`, [kpiId]);
    const edited = await as(t, f.tokens.officer50)
      .patch(`/api/kpis/${kpiId}`)
      .send({ version, nameEn: 'Renamed for the composed answer' });
    expect(edited.status).toBe(200);

    const after = (await anonymous().get(`/api/screens/province/50?${WHEN}`)).body as ProvinceViewDto;
    expect(before.scorecard.kpis.find((k) => k.kpiId === kpiId)?.nameEn).not.toBe('Renamed for the composed answer');
    expect(after.scorecard.kpis.find((k) => k.kpiId === kpiId)?.nameEn).toBe('Renamed for the composed answer');
    expect(after.scorecard).toEqual(await part(`/api/org-units/50/scorecard?${WHEN}`));
  });

  it('refuses an unknown province with 404 and a malformed year with 400, each with its message', async () => {
    const unknown = await anonymous().get(`/api/screens/province/ZZ?${WHEN}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toEqual(expect.any(String));
    const bad = await anonymous().get('/api/screens/overview?fiscalYear=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.any(String));
    expect((await anonymous().get('/api/screens/province/50?asOf=2026-02-30')).status).toBe(400);
  });
});
