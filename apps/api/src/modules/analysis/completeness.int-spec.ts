import type { CompletenessDto, ProvinceCompletenessDto, ReportingCountsDto } from '@provdash/shared/contracts';
import { addReporting, countReporting, NO_REPORTING, reportingFlags } from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * Reporting completeness: the national statement (SQL, GROUPING SETS) against the domain lib's
 * `countReporting` over each province's owed results, on the same demo data.
 */
describe('GET /api/analysis/completeness (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const AS_OF = '2026-11-15';
  const sum = (xs: ReportingCountsDto[]) => xs.reduce(addReporting, { ...NO_REPORTING });

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  it('counts every province as the domain lib counts its owed results, and sums clusters, regions and the country', async () => {
    const res = await as(t, f.tokens.analyst).get(`/api/analysis/completeness?fiscalYear=2569&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const body = res.body as CompletenessDto;
    expect(body).toEqual(expect.objectContaining({ fiscalYear: 2569, month: null, asOf: AS_OF, deadlineDays: 15 }));
    expect(body.provinces).toHaveLength(77);
    expect(body.clusters).toHaveLength(18);
    expect(body.months).toHaveLength(12);
    // FY 2569 ended on 30 September 2026: everything is due, and the demo leaves a few results never reported.
    expect(body.country.due).toBeGreaterThan(0);
    expect(body.country.reported).toBeLessThan(body.country.due);
    expect(body.country.late).toBeGreaterThan(0);

    // Sums, never means of rates.
    expect(body.country).toEqual(sum(body.provinces.map((p) => p.counts)));
    for (const c of body.clusters)
      expect(c.counts).toEqual(sum(body.provinces.filter((p) => p.clusterCode === c.code).map((p) => p.counts)));
    for (const r of body.regions)
      expect(r.counts).toEqual(sum(body.provinces.filter((p) => p.regionCode === r.code).map((p) => p.counts)));
    expect(body.provinces.find((p) => p.code === '10')).toEqual(
      expect.objectContaining({ clusterCode: null, regionCode: 'central' }),
    );

    // The statement against the domain lib, province by province (a sample across regions).
    for (const code of ['10', '50', '34', '83']) {
      const drill = (
        await as(t, f.tokens.analyst).get(`/api/analysis/completeness/${code}?fiscalYear=2569&asOf=${AS_OF}`)
      ).body as ProvinceCompletenessDto;
      const owed = drill.kpis.flatMap((k) => k.owed);
      expect(drill.counts).toEqual(countReporting(owed, AS_OF));
      expect(body.provinces.find((p) => p.code === code)?.counts).toEqual(drill.counts);
    }
  });

  it('judges timeliness by the first submission: a result returned and sent again stays on time', async () => {
    const kpiId = f.kpis['50/K1.2.1'];
    const month = '2570-M01'; // October 2569 BE: its deadline is 15 November
    const before = (await as(t, f.tokens.analyst).get(`/api/analysis/completeness/50?month=${month}&asOf=2026-11-20`))
      .body as ProvinceCompletenessDto;
    const owed = before.kpis.find((k) => k.id === kpiId)?.owed[0];
    expect(owed).toEqual(expect.objectContaining({ period: month, deadline: '2026-11-15' }));
    // Sent on 9 November 2026, returned, then sent again after the deadline: still first sent in time.
    await t.dataSource.query(
      `UPDATE kpi_result SET status = 'submitted', first_submitted_at = '2026-11-09T09:00:00+07:00',
              submitted_at = '2026-11-18T09:00:00+07:00' WHERE kpi_id = $1 AND period = $2`,
      [kpiId, month],
    );
    const after = (await as(t, f.tokens.analyst).get(`/api/analysis/completeness/50?month=${month}&asOf=2026-11-20`))
      .body as ProvinceCompletenessDto;
    const row = after.kpis.find((k) => k.id === kpiId)?.owed[0];
    expect(row).toEqual(expect.objectContaining({ status: 'submitted', firstSubmittedOn: '2026-11-09' }));
    expect(reportingFlags(row as NonNullable<typeof row>, '2026-11-20')).toEqual(
      expect.objectContaining({ reported: true, onTime: true, late: false }),
    );
    // A month holds only the results whose period ends in it.
    expect(after.kpis.every((k) => k.owed.every((o) => o.period === month))).toBe(true);
    const national = (await as(t, f.tokens.analyst).get(`/api/analysis/completeness?month=${month}&asOf=2026-11-20`))
      .body as CompletenessDto;
    expect(national.provinces.find((p) => p.code === '50')?.counts).toEqual(after.counts);
  });

  it('is for central staff: a governor is refused, anonymous readers must sign in, bad months are refused with 400', async () => {
    expect((await as(t, f.tokens.governor50).get('/api/analysis/completeness')).status).toBe(403);
    expect((await as(t, null).get('/api/analysis/completeness')).status).toBe(401);
    expect((await as(t, f.tokens.analyst).get('/api/analysis/completeness?month=2570-Q1')).status).toBe(400);
    const outside = await as(t, f.tokens.analyst).get('/api/analysis/completeness?fiscalYear=2569&month=2570-M02');
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('เดือนที่เลือกไม่อยู่ในปีงบประมาณที่ระบุ');
    expect((await as(t, f.tokens.analyst).get('/api/analysis/completeness/99')).status).toBe(404);
  });
});
