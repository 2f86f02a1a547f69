import type { ClusterStatusDto, ScorecardDto } from '@provdash/shared/contracts';
import { as, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/** The national overview's cluster tiles, checked against the province scorecards they summarise. */
describe('GET /api/compare/clusters (real PostgreSQL)', () => {
  let t: TestApp;
  const AS_OF = '2026-03-31';

  beforeAll(async () => {
    t = await bootTestApp();
    await seedFixture(t);
  });

  afterAll(() => t.close());

  it('lists the 18 clusters with their member provinces, each lit like its own scorecard', async () => {
    const res = await as(t, null).get(`/api/compare/clusters?fiscalYear=2569&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const body = res.body as ClusterStatusDto;
    expect(body).toEqual(expect.objectContaining({ fiscalYear: 2569, asOf: AS_OF }));
    expect(body.clusters).toHaveLength(18);
    expect(body.clusters.map((c) => c.clusterCode)).toEqual([...body.clusters.map((c) => c.clusterCode)].sort());
    // Bangkok belongs to no cluster: 76 provinces.
    expect(body.clusters.reduce((n, c) => n + c.provinces.length, 0)).toBe(76);

    const c15 = body.clusters.find((c) => c.clusterCode === 'C15');
    expect(c15).toEqual(expect.objectContaining({ regionCode: 'north', nameEn: expect.any(String) }));
    expect(c15?.provinces.map((p) => p.code)).toEqual(['50', '51', '52', '58']);

    const card = (await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=2569&asOf=${AS_OF}`))
      .body as ScorecardDto;
    const chiangMai = c15?.provinces.find((p) => p.code === '50');
    expect(chiangMai?.summary).toEqual(card.rollup.plan);

    // The cluster counts every member's KPIs together.
    const counts = c15?.provinces.reduce((n, p) => n + p.summary.kpiCount, 0);
    expect(c15?.summary.kpiCount).toBe(counts);
    for (const status of ['green', 'amber', 'red', 'grey', 'none'] as const) {
      expect(c15?.summary.counts[status]).toBe(c15?.provinces.reduce((n, p) => n + p.summary.counts[status], 0));
    }
  });

  it('refuses a malformed fiscal year with 400', async () => {
    expect((await as(t, null).get('/api/compare/clusters?fiscalYear=abc')).status).toBe(400);
  });
});
