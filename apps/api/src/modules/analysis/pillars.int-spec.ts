import type { PillarsDto, ScorecardDto } from '@provdash/shared/contracts';
import { as, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

const WHEN = 'fiscalYear=2569&asOf=2026-03-31';

/** The cascade to the six pillars, checked against the province scorecards it is lit from. */
describe('GET /api/analysis/pillars (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
    await seedFixture(t);
  });

  afterAll(() => t.close());

  it("lights each pillar's provincial goals as their scorecards do and rolls their KPIs up together", async () => {
    const res = await as(t, null).get(`/api/analysis/pillars?${WHEN}`);
    expect(res.status).toBe(200);
    const body = res.body as PillarsDto;
    expect(body.pillars.map((p) => p.pillar)).toEqual([1, 2, 3, 4, 5, 6]);
    const served = body.pillars.filter((p) => p.provinces.length);
    expect(served.length).toBeGreaterThan(0);
    for (const p of served) {
      // Counts add up: the country's pillar is its provinces', a province's is its goals'.
      expect(p.summary.kpiCount).toBe(p.provinces.reduce((n, x) => n + x.summary.kpiCount, 0));
      for (const x of p.provinces) expect(x.summary.kpiCount).toBe(x.goals.reduce((n, g) => n + g.summary.kpiCount, 0));
    }
    // Chiang Mai's goals are lit exactly as its own scorecard lights them.
    const card = (await as(t, null).get(`/api/org-units/50/scorecard?${WHEN}`)).body as ScorecardDto;
    const chiangMai = served.flatMap((p) => p.provinces).filter((x) => x.code === '50');
    expect(chiangMai.length).toBeGreaterThan(0);
    for (const g of chiangMai.flatMap((x) => x.goals)) {
      expect(g.summary).toEqual(card.rollup.goals.find((r) => r.code === g.code)?.summary);
    }
  });

  it('refuses a malformed year with 400', async () => {
    expect((await as(t, null).get('/api/analysis/pillars?fiscalYear=abc')).status).toBe(400);
  });
});
