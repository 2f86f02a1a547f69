import type { ScorecardDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, periodContaining } from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/*
 * Issue 16.4: an approved result for the running period was invisible on the scorecard until the
 * period was over. It counts and shows at once, marked as early. The API only takes results for
 * periods that have started, so "running" is today's month in Bangkok.
 */
describe('an approved result for the running period (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const today = bangkokDateOf(new Date());
  const fy = fiscalYearOf(today);
  const running = periodContaining(today, 'monthly');
  const TOURISM = '50/K1.2.1'; // monthly, sum

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [f.kpis[TOURISM], running]);
  });

  afterAll(() => t.close());

  const line = async (asOf: string) => {
    const res = await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=${fy}&asOf=${asOf}`);
    expect(res.status).toBe(200);
    return (res.body as ScorecardDto).kpis.find((k) => k.code === 'K1.2.1');
  };

  it('counts on the scorecard at once, marked as early, and says which period', async () => {
    const id = f.kpis[TOURISM];
    const saved = await as(t, f.tokens.officer50).put(`/api/kpis/${id}/results/${running}`).send({
      value: '1',
      confirmOutlier: true,
      narrativeTh: 'ผลเดือนปัจจุบันรายงานก่อนครบกำหนด',
    });
    expect(saved.status).toBe(200);
    const submitted = await as(t, f.tokens.officer50)
      .post(`/api/kpis/${id}/results/${running}/submit`)
      .send({ version: saved.body.version });
    expect(submitted.status).toBe(200);
    const approved = await as(t, f.tokens.approver50)
      .post(`/api/kpis/${id}/results/${running}/approve`)
      .send({ version: submitted.body.version });
    expect(approved.status).toBe(200);

    const kpi = await line(today);
    expect(kpi?.earlyPeriod).toBe(running);
    expect(kpi?.status).not.toBe('none');
    // The expected value covers the running period too: the same months as the actual.
    expect(kpi?.expected).not.toBeNull();
    expect(kpi?.trend.at(-1)).toEqual({ period: running, value: 1 });
  });
});
