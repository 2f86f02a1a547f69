import type { DataQualityDto, DataQualityFindingDto, ProvinceDataQualityDto } from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  classifyResult,
  countFindings,
  effectiveHardLimits,
  historyRange,
  plausibleRange,
  QualityInput,
} from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * The data-quality follow-up: results crafted to be each kind of finding, through result entry and
 * the review workflow as officers do it, are listed exactly; and the SQL agrees with the domain
 * lib's `classifyResult` on every result of a province, demo data included.
 */
describe('GET /api/analysis/quality (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  // November 2026 (2570-M02) has ended; its deadline is 15 December. October's (2570-M01) was 15 November.
  const AS_OF = '2026-12-31';
  const FY = 2570;
  const MONTH = '2570-M02';

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const get = async <T>(url: string, token = f.tokens.analyst): Promise<T> => {
    const res = await as(t, token).get(url);
    expect(res.status).toBe(200);
    return res.body as T;
  };
  const key = (x: Pick<DataQualityFindingDto, 'kind' | 'kpiCode' | 'period'>) => `${x.kind} ${x.kpiCode} ${x.period}`;

  /** The domain lib's verdict on every result of a province and year, from the same tables. */
  async function domainFindings(code: string, fiscalYear: number, asOf: string): Promise<string[]> {
    const rows: {
      kpi_code: string;
      period: string;
      status: QualityInput['status'];
      value: string | null;
      numerator: string | null;
      denominator: string | null;
      narrative_th: string;
      first_sent: Date | null;
      rollup: string;
      ratio_multiplier: string | null;
      plausible_min: string | null;
      plausible_max: string | null;
      hard_min: string | null;
      hard_max: string | null;
      unit_th: string;
      unit_en: string;
      name_th: string;
      name_en: string;
      mean: number | null;
      sd: number | null;
      n: number;
      approved: { value: string | null; numerator: string | null; denominator: string | null } | null;
    }[] = await t.dataSource.query(
      `SELECT k.code AS kpi_code, r.period, r.status, r.value, r.numerator, r.denominator, r.narrative_th,
              COALESCE(r.first_submitted_at, r.submitted_at) AS first_sent, k.rollup, k.ratio_multiplier,
              k.plausible_min, k.plausible_max, k.hard_min, k.hard_max, k.unit_th, k.unit_en, k.name_th, k.name_en,
              h.mean, h.sd, COALESCE(h.n, 0) AS n,
              (SELECT CASE WHEN e.after->>'status' = 'approved' THEN e.after ELSE e.before END
                 FROM audit_event e WHERE e.entity = 'kpi_result' AND e.entity_id = r.id::text
                  AND (e.after->>'status' = 'approved' OR e.before->>'status' = 'approved')
                ORDER BY e.id LIMIT 1) AS approved
       FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id JOIN org_unit u ON u.id = k.org_unit_id
       LEFT JOIN LATERAL (SELECT avg(value)::float8 AS mean, stddev_samp(value)::float8 AS sd, count(value)::int AS n
                          FROM kpi_result WHERE kpi_id = k.id AND status = 'approved') h ON true
       WHERE u.code = $1 AND r.fiscal_year = $2 AND k.retired_at IS NULL`,
      [code, fiscalYear],
    );
    return rows.flatMap((r) => {
      const history = r.plausible_min === null && r.plausible_max === null ? historyRange(r) : null;
      const input: QualityInput = {
        period: r.period,
        status: r.status,
        firstSubmittedOn: r.first_sent ? bangkokDateOf(r.first_sent) : null,
        narrative: r.narrative_th,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        ratio: r.rollup === 'ratio',
        multiplier: r.ratio_multiplier,
        plausible: plausibleRange(
          { plausibleMin: r.plausible_min, plausibleMax: r.plausible_max, rollup: r.rollup },
          history,
        ),
        hardLimits: effectiveHardLimits({
          unitTh: r.unit_th,
          unitEn: r.unit_en,
          nameTh: r.name_th,
          nameEn: r.name_en,
          hardMin: r.hard_min,
          hardMax: r.hard_max,
        }),
        approved: r.approved && {
          value: r.approved.value ?? null,
          numerator: r.approved.numerator ?? null,
          denominator: r.approved.denominator ?? null,
        },
      };
      return classifyResult(input, asOf).map((kind) => key({ kind, kpiCode: r.kpi_code, period: r.period }));
    });
  }

  /** Enters a result as province 50's officer and sends it; returns its version. */
  async function enterAndSubmit(kpiCode: string, body: Record<string, unknown>): Promise<number> {
    const url = `/api/kpis/${f.kpis[`50/${kpiCode}`]}/results/${MONTH}`;
    const saved = await as(t, f.tokens.officer50).put(url).send(body);
    expect(saved.status).toBe(200);
    const sent = await as(t, f.tokens.officer50).post(`${url}/submit`).send({ version: saved.body.version });
    expect(sent.status).toBe(200);
    return sent.body.version as number;
  }

  /** Pins when a result was first sent (the API stamps today), so the spec does not move with the day it runs. */
  const firstSent = (kpiCode: string, at: string) =>
    t.dataSource.query(
      `UPDATE kpi_result SET first_submitted_at = $3, submitted_at = $3 WHERE kpi_id = $1 AND period = $2`,
      [f.kpis[`50/${kpiCode}`], MONTH, at],
    );

  it('lists exactly the crafted findings of each kind, and agrees with the domain lib', async () => {
    const before = await get<ProvinceDataQualityDto>(`/api/analysis/quality/50?fiscalYear=${FY}&asOf=${AS_OF}`);
    expect(before.findings.filter((x) => x.period === MONTH)).toEqual([]);

    // An outlier, confirmed: points of service (plausible 0–20,000) at 25,000, with a narrative.
    await enterAndSubmit('K3.1.1', {
      value: '25000',
      confirmOutlier: true,
      narrativeTh: 'เปิดจุดบริการเพิ่มช่วงงานกาชาด',
    });
    await firstSent('K3.1.1', '2026-12-10T09:00:00+07:00');
    // Near a hard limit: a reservoir at 98 % of capacity (a share in percent: 0–100, near is 95 and above).
    await enterAndSubmit('K3.2.2', { value: '98', narrativeTh: 'ฝนตกหนักปลายฤดู' });
    await firstSent('K3.2.2', '2026-12-10T09:00:00+07:00');
    // Late: November's revenue first sent on 20 December, after the 15 December deadline.
    await enterAndSubmit('K1.2.1', { value: '5000', narrativeTh: 'ตามแผน' });
    await firstSent('K1.2.1', '2026-12-20T09:00:00+07:00');
    // Changed after approval: sent, approved, reopened by the approver, changed from 10 to 12, sent again.
    const url = `/api/kpis/${f.kpis['50/K2.1.1']}/results/${MONTH}`;
    let version = await enterAndSubmit('K2.1.1', { value: '10', narrativeTh: 'ตามแผน' });
    const approved = await as(t, f.tokens.approver50).post(`${url}/approve`).send({ version });
    expect(approved.status).toBe(200);
    const reopened = await as(t, f.tokens.approver50)
      .post(`${url}/reopen`)
      .send({ version: approved.body.version, reason: 'ตัวเลขผู้ป่วยจากสาธารณสุขจังหวัดปรับใหม่' });
    expect(reopened.status).toBe(200);
    const changed = await as(t, f.tokens.officer50).put(url).send({ value: '12', version: reopened.body.version });
    expect(changed.status).toBe(200);
    version = changed.body.version;
    expect((await as(t, f.tokens.officer50).post(`${url}/submit`).send({ version })).status).toBe(200);
    await firstSent('K2.1.1', '2026-12-10T09:00:00+07:00');

    const after = await get<ProvinceDataQualityDto>(`/api/analysis/quality/50?fiscalYear=${FY}&asOf=${AS_OF}`);
    const crafted = after.findings.filter((x) => x.period === MONTH);
    expect(crafted.map(key)).toEqual([
      `outlier K3.1.1 ${MONTH}`,
      `near_limit K3.2.2 ${MONTH}`,
      `changed_after_approval K2.1.1 ${MONTH}`,
      `late K1.2.1 ${MONTH}`,
    ]);
    // Nothing else moved: the earlier findings are as they were.
    expect(after.findings.filter((x) => x.period !== MONTH)).toEqual(before.findings);
    const [outlier, near, change, late] = crafted;
    expect(outlier).toEqual(
      expect.objectContaining({
        value: '25000',
        reference: '20000',
        side: 'max',
        note: 'เปิดจุดบริการเพิ่มช่วงงานกาชาด',
        on: '2026-12-10',
        provinceCode: '50',
        status: 'submitted',
      }),
    );
    expect(outlier.by).toEqual(expect.any(String));
    expect(near).toEqual(expect.objectContaining({ value: '98', reference: '100', side: 'max' }));
    expect(change).toEqual(
      expect.objectContaining({ value: '12', reference: '10', note: 'ตัวเลขผู้ป่วยจากสาธารณสุขจังหวัดปรับใหม่' }),
    );
    const [approver] = await t.dataSource.query(`SELECT display_name FROM app_user WHERE id = $1`, [
      f.userIds.approver50,
    ]);
    expect(change.by).toBe(approver.display_name);
    expect(change.on).toBe(bangkokDateOf(new Date()));
    expect(late).toEqual(
      expect.objectContaining({ value: '5000', reference: null, note: '2026-12-15', on: '2026-12-20' }),
    );
    expect(after.counts).toEqual(countFindings(after.findings.map((x) => x.kind)));
    expect(after.counts.outlier - before.counts.outlier).toBe(1);

    // The statement against the domain lib, on every result of the province (the demo's too).
    expect(after.findings.map(key).sort()).toEqual((await domainFindings('50', FY, AS_OF)).sort());

    // The country: province 50's counts are its drill-down's, the country's are the provinces' sums, worst first.
    const country = await get<DataQualityDto>(`/api/analysis/quality?fiscalYear=${FY}&asOf=${AS_OF}`);
    expect(country.provinces).toHaveLength(77);
    expect(country.provinces.find((p) => p.code === '50')?.counts).toEqual(after.counts);
    const totals = country.provinces.map((p) => p.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const p of country.provinces) expect(p.total).toBe(Object.values(p.counts).reduce((a, b) => a + b, 0));
    expect(country.counts.late).toBe(country.provinces.reduce((s, p) => s + p.counts.late, 0));
    expect(country).toEqual(
      expect.objectContaining({ fiscalYear: FY, asOf: AS_OF, nearLimitShare: '0.05', deadlineDays: 15 }),
    );
  });

  it('lists a result approved before the audit trail began (the seeded history) once reopened and changed', async () => {
    const kpiId = f.kpis['50/K1.2.1'];
    const [seeded]: { period: string; value: string; version: number }[] = await t.dataSource.query(
      `SELECT period, value, version FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = 2569 AND status = 'approved'
        ORDER BY period DESC LIMIT 1`,
      [kpiId],
    );
    const url = `/api/kpis/${kpiId}/results/${seeded.period}`;
    const reopened = await as(t, f.tokens.approver50)
      .post(`${url}/reopen`)
      .send({ version: seeded.version, reason: 'คลังจังหวัดแจ้งตัวเลขใหม่' });
    expect(reopened.status).toBe(200);
    const changed = await as(t, f.tokens.officer50)
      .put(url)
      .send({ value: String(Number(seeded.value) + 1.5), version: reopened.body.version });
    expect(changed.status).toBe(200);
    // Still a draft: not judged yet.
    const draft = await get<ProvinceDataQualityDto>('/api/analysis/quality/50?fiscalYear=2569&asOf=2026-11-15');
    expect(draft.findings.filter((x) => x.period === seeded.period && x.kpiCode === 'K1.2.1')).toEqual([]);
    expect((await as(t, f.tokens.officer50).post(`${url}/submit`).send({ version: changed.body.version })).status).toBe(
      200,
    );

    const drill = await get<ProvinceDataQualityDto>('/api/analysis/quality/50?fiscalYear=2569&asOf=2026-11-15');
    const change = drill.findings.find((x) => x.kind === 'changed_after_approval');
    expect(change).toEqual(
      expect.objectContaining({
        kpiCode: 'K1.2.1',
        period: seeded.period,
        note: 'คลังจังหวัดแจ้งตัวเลขใหม่',
        status: 'submitted',
      }),
    );
    expect(Number(change?.reference)).toBe(Number(seeded.value));
    expect(Number(change?.value)).toBe(Number(seeded.value) + 1.5);
    expect(drill.counts.changed_after_approval).toBe(1);
    expect(drill.findings.map(key).sort()).toEqual((await domainFindings('50', 2569, '2026-11-15')).sort());
  });

  it('agrees with the domain lib on a complete demo year, across regions', async () => {
    const country = await get<DataQualityDto>('/api/analysis/quality?fiscalYear=2569&asOf=2026-11-15');
    // The demo sends one result in eight after its deadline.
    expect(country.counts.late).toBeGreaterThan(0);
    for (const code of ['10', '34', '83']) {
      const drill = await get<ProvinceDataQualityDto>(`/api/analysis/quality/${code}?fiscalYear=2569&asOf=2026-11-15`);
      expect(drill.findings.map(key).sort()).toEqual((await domainFindings(code, 2569, '2026-11-15')).sort());
      expect(country.provinces.find((p) => p.code === code)?.counts).toEqual(drill.counts);
    }
  });

  it('is for central staff: province people are refused, anonymous readers must sign in, bad input is 4xx', async () => {
    expect((await as(t, f.tokens.governor50).get('/api/analysis/quality')).status).toBe(403);
    expect((await as(t, f.tokens.officer50).get('/api/analysis/quality/50')).status).toBe(403);
    expect((await as(t, f.tokens.clusterC15).get('/api/analysis/quality')).status).toBe(403);
    expect((await as(t, null).get('/api/analysis/quality')).status).toBe(401);
    expect((await as(t, null).get('/api/analysis/quality/50')).status).toBe(401);
    expect((await as(t, f.tokens.admin).get('/api/analysis/quality?fiscalYear=2569')).status).toBe(200);
    expect((await as(t, f.tokens.analyst).get('/api/analysis/quality?fiscalYear=abc')).status).toBe(400);
    expect((await as(t, f.tokens.analyst).get('/api/analysis/quality?asOf=2026-02-30')).status).toBe(400);
    expect((await as(t, f.tokens.analyst).get("/api/analysis/quality/'%3B--")).status).toBe(400);
    expect((await as(t, f.tokens.analyst).get('/api/analysis/quality/99')).status).toBe(404);
  });
});
