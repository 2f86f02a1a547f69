import type { ExplorerCellDto, ExplorerDto, ExplorerSavedViewDto } from '@provdash/shared/contracts';
import {
  explorerEntry,
  explorerFigure,
  explorerValueKind,
  periodTargetOf,
  type AggregationKind,
  type ExplorerParts,
  type Frequency,
  type KpiDirection,
  type RollupMethod,
} from '@provdash/shared/domain';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/** One approved result of FY 2569 with what the domain lib needs, read without the explorer's statement. */
interface RawResult {
  kpi: string;
  province: string;
  region: string;
  cluster: string | null;
  pillar: number | null;
  period: string;
  frequency: Frequency;
  rollup: RollupMethod;
  aggregation: AggregationKind;
  direction: KpiDirection;
  multiplier: string | null;
  band_min: string | null;
  band_max: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  yearly: string | null;
  trajectory: string | null;
}

const n = (v: string | null) => (v === null ? null : Number(v));

/**
 * The explorer's statement against the domain lib: every cell and total of a pivot equals
 * `explorerFigure` over the parts the test sums itself from `explorerEntry` of the same rows, read
 * with plain queries (no GROUPING SETS, no CASE of the statement).
 */
describe('GET /api/analysis/explorer (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let raw: RawResult[];

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    raw = await t.dataSource.query(
      `SELECT k.code AS kpi, p.code AS province, k.frequency, k.rollup, k.aggregation, k.direction,
              k.ratio_multiplier AS multiplier, k.band_min, k.band_max, r.period, r.value, r.numerator, r.denominator,
              COALESCE(g.national_pillar, cg.national_pillar) AS pillar,
              CASE WHEN up.type = 'cluster' THEN up.code END AS cluster,
              CASE WHEN up.type = 'cluster' THEN rg.code ELSE up.code END AS region,
              (SELECT target FROM kpi_target t WHERE t.kpi_id = k.id AND t.period = '2569' AND t.state = 'published') AS yearly,
              (SELECT target FROM kpi_target t WHERE t.kpi_id = k.id AND t.period = r.period AND t.state = 'published') AS trajectory
       FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id JOIN goal g ON g.id = k.goal_id
       LEFT JOIN goal cg ON cg.id = g.contributes_to_goal_id
       JOIN org_unit p ON p.id = k.org_unit_id AND p.type = 'province'
       JOIN org_unit up ON up.id = p.parent_id LEFT JOIN org_unit rg ON rg.id = up.parent_id
       WHERE r.status = 'approved' AND r.fiscal_year = 2569`,
    );
  });

  afterAll(() => t.close());

  const entryOf = (r: RawResult) =>
    explorerEntry({
      direction: r.direction,
      rollup: r.rollup,
      multiplier: n(r.multiplier) ?? 1,
      entry: { period: r.period, value: n(r.value), numerator: n(r.numerator), denominator: n(r.denominator) },
      target: periodTargetOf({
        frequency: r.frequency,
        rollup: r.rollup,
        yearlyTarget: n(r.yearly),
        periodTarget: n(r.trajectory),
      }),
      band: r.band_min === null || r.band_max === null ? null : { min: Number(r.band_min), max: Number(r.band_max) },
    });

  /** The parts of `achievement` and `status` summed by the test from each result's entry. */
  const judgedParts = (rows: RawResult[]): ExplorerParts => {
    const entries = rows.map(entryOf);
    const achieved = entries.filter((e) => e.achievement !== null);
    return {
      achievementSum: achieved.reduce((s, e) => s + (e.achievement ?? 0), 0),
      achievementCount: achieved.length,
      met: entries.filter((e) => e.met === true).length,
      judged: entries.filter((e) => e.met !== null).length,
    };
  };

  const expectCell = (cell: ExplorerCellDto, expected: ReturnType<typeof explorerFigure>) => {
    if (expected.value === null) {
      expect(cell).toEqual(expect.objectContaining({ value: null, reason: expected.reason }));
    } else {
      expect(cell.value).toBeCloseTo(expected.value, 9);
    }
  };

  it('pivots achievement by pillar × region as the domain lib pools the same results', async () => {
    const res = await request(t.app.getHttpServer()).get(
      '/api/analysis/explorer?measure=achievement&rows=pillar&cols=region&years=2569',
    );
    expect(res.status).toBe(200);
    const view = res.body as ExplorerDto;
    expect(view.query).toEqual(
      expect.objectContaining({ measure: 'achievement', rows: 'pillar', cols: 'region', fiscalYears: [2569] }),
    );
    const pillars = [...new Set(raw.map((r) => r.pillar).filter((p) => p !== null))].sort();
    expect(view.rows.map((r) => Number(r.key))).toEqual(pillars);
    expect(view.cols.length).toBeGreaterThanOrEqual(4);
    expect(view.cols.every((c) => c.nameTh)).toBe(true);
    const inPillar = raw.filter((r) => r.pillar !== null);
    view.rows.forEach((row, i) => {
      view.cols.forEach((col, j) => {
        const rows = inPillar.filter((r) => String(r.pillar) === row.key && r.region === col.key);
        expectCell(view.cells[i][j], explorerFigure('achievement', judgedParts(rows)));
      });
      expectCell(
        view.rowTotals[i],
        explorerFigure('achievement', judgedParts(inPillar.filter((r) => String(r.pillar) === row.key))),
      );
    });
    view.cols.forEach((col, j) =>
      expectCell(
        view.colTotals[j],
        explorerFigure('achievement', judgedParts(inPillar.filter((r) => r.region === col.key))),
      ),
    );
    expectCell(view.total, explorerFigure('achievement', judgedParts(inPillar)));
    // The total is pooled, not the mean of the row totals.
    const meanOfRows = view.rowTotals.reduce((s, c) => s + (c.value ?? 0), 0) / view.rowTotals.length;
    expect(view.total.value).not.toBeCloseTo(meanOfRows, 6);
    expect(view.total.part).toBeCloseTo(judgedParts(inPillar).achievementSum ?? 0, 6);
    expect(view.total.whole).toBe(judgedParts(inPillar).achievementCount);
  });

  it('gives the share of results on target per province and cluster, with the counts it is made of', async () => {
    const res = await request(t.app.getHttpServer()).get(
      '/api/analysis/explorer?measure=status&rows=province&years=2569&cluster=C15',
    );
    expect(res.status).toBe(200);
    const view = res.body as ExplorerDto;
    const inCluster = raw.filter((r) => r.cluster === 'C15');
    expect(view.rows.map((r) => r.key).sort()).toEqual([...new Set(inCluster.map((r) => r.province))].sort());
    view.rows.forEach((row, i) => {
      const parts = judgedParts(inCluster.filter((r) => r.province === row.key));
      expectCell(view.rowTotals[i], explorerFigure('status', parts));
      expect([view.rowTotals[i].part, view.rowTotals[i].whole]).toEqual([parts.met, parts.judged]);
      // With no columns, the one cell of a row is its total.
      expect(view.cells[i]).toEqual([view.rowTotals[i]]);
    });
    expectCell(view.total, explorerFigure('status', judgedParts(inCluster)));
  });

  it('adds a sum KPI and pools a ratio KPI across provinces, and never adds different KPIs', async () => {
    const byKind = (kind: 'sum' | 'ratio') => raw.find((r) => explorerValueKind(r.rollup, r.aggregation) === kind);
    for (const kind of ['sum', 'ratio'] as const) {
      const sample = byKind(kind);
      expect(sample).toBeDefined();
      const code = (sample as RawResult).kpi;
      const res = await request(t.app.getHttpServer()).get(
        `/api/analysis/explorer?measure=value&rows=region&cols=period&years=2569&kpi=${code}`,
      );
      expect(res.status).toBe(200);
      const view = res.body as ExplorerDto;
      const rows = raw.filter((r) => r.kpi === code);
      const partsOf = (xs: RawResult[]): ExplorerParts => ({
        entries: xs.length,
        kpis: 1,
        valueSum: xs.reduce((s, r) => s + Number(r.value ?? 0), 0),
        numeratorSum: xs.reduce((s, r) => s + Number(r.numerator ?? 0), 0),
        denominatorSum: xs.reduce((s, r) => s + Number(r.denominator ?? 0), 0),
      });
      const options = { valueKind: kind, multiplier: n(rows[0].multiplier) ?? 1 };
      view.rows.forEach((row, i) =>
        view.cols.forEach((col, j) =>
          expectCell(
            view.cells[i][j],
            explorerFigure('value', partsOf(rows.filter((r) => r.region === row.key && r.period === col.key)), options),
          ),
        ),
      );
      expectCell(view.total, explorerFigure('value', partsOf(rows), options));
    }
    const mixed = (
      await request(t.app.getHttpServer()).get(
        '/api/analysis/explorer?measure=value&rows=province&years=2569&province=50',
      )
    ).body as ExplorerDto;
    expect(mixed.total).toEqual(expect.objectContaining({ value: null, reason: 'MIXED_KPIS' }));
  });

  it('rates disbursement by region and month against the places’ allocation, never summing it over months', async () => {
    const res = await request(t.app.getHttpServer()).get(
      '/api/analysis/explorer?measure=disbursementRate&rows=region&cols=period&years=2569',
    );
    expect(res.status).toBe(200);
    const view = res.body as ExplorerDto;
    const money: { region: string; month: string; disbursed: string }[] = await t.dataSource.query(
      `SELECT CASE WHEN up.type = 'cluster' THEN rg.code ELSE up.code END AS region, to_char(d.month, 'YYYY-MM-DD') AS month, d.disbursed
       FROM disbursement d JOIN project pr ON pr.id = d.project_id JOIN org_unit p ON p.id = pr.org_unit_id AND p.type = 'province'
       JOIN org_unit up ON up.id = p.parent_id LEFT JOIN org_unit rg ON rg.id = up.parent_id
       WHERE pr.fiscal_year = 2569 AND pr.status <> 'cancelled'`,
    );
    const alloc: { region: string; allocated: string }[] = await t.dataSource.query(
      `SELECT CASE WHEN up.type = 'cluster' THEN rg.code ELSE up.code END AS region, pr.allocated
       FROM project pr JOIN org_unit p ON p.id = pr.org_unit_id AND p.type = 'province'
       JOIN org_unit up ON up.id = p.parent_id LEFT JOIN org_unit rg ON rg.id = up.parent_id
       WHERE pr.fiscal_year = 2569 AND pr.status <> 'cancelled'`,
    );
    expect(money.length).toBeGreaterThan(0);
    // Baht to satang keeps the test's sums exact.
    const satang = (xs: string[]) => xs.reduce((s, v) => s + BigInt(Math.round(Number(v) * 100)), 0n);
    const baht = (s: bigint) => (Number(s) / 100).toFixed(2);
    const monthKey = (iso: string) => {
      const [y, m] = iso.split('-').map(Number);
      return `${y + (m >= 10 ? 1 : 0) + 543}-M${String(((m + 2) % 12) + 1).padStart(2, '0')}`;
    };
    const allocatedIn = (region: string | null) =>
      baht(satang(alloc.filter((a) => region === null || a.region === region).map((a) => a.allocated)));
    view.rows.forEach((row, i) => {
      view.cols.forEach((col, j) => {
        const disbursed = baht(
          satang(money.filter((m) => m.region === row.key && monthKey(m.month) === col.key).map((m) => m.disbursed)),
        );
        expectCell(
          view.cells[i][j],
          explorerFigure('disbursementRate', { disbursed, allocated: allocatedIn(row.key) }),
        );
      });
      const disbursedYear = baht(satang(money.filter((m) => m.region === row.key).map((m) => m.disbursed)));
      expectCell(
        view.rowTotals[i],
        explorerFigure('disbursementRate', { disbursed: disbursedYear, allocated: allocatedIn(row.key) }),
      );
    });
    view.cols.forEach((col, j) => {
      const disbursed = baht(satang(money.filter((m) => monthKey(m.month) === col.key).map((m) => m.disbursed)));
      expectCell(view.colTotals[j], explorerFigure('disbursementRate', { disbursed, allocated: allocatedIn(null) }));
    });
    expect(view.total.whole).toBeCloseTo(Number(allocatedIn(null)), 2);
    expect(view.cols.every((c) => c.key !== null)).toBe(true);
  });

  it('averages the latest evaluated agreement round over the provinces', async () => {
    const res = await request(t.app.getHttpServer()).get(
      '/api/analysis/explorer?measure=agreementScore&rows=region&cols=fiscalYear&years=2568,2569',
    );
    expect(res.status).toBe(200);
    const view = res.body as ExplorerDto;
    const rounds: { score: string }[] = await t.dataSource.query(
      `SELECT DISTINCT ON (a.id) ar.score FROM agreement a JOIN agreement_round ar ON ar.agreement_id = a.id
       JOIN org_unit p ON p.id = a.org_unit_id AND p.type = 'province'
       WHERE a.fiscal_year IN (2568, 2569) ORDER BY a.id, ar.round DESC`,
    );
    // The demo evaluates its earlier years' agreements.
    expect(rounds.length).toBeGreaterThan(0);
    expectCell(
      view.total,
      explorerFigure('agreementScore', {
        scoreSum: rounds.reduce((s, r) => s + Number(r.score), 0),
        scored: rounds.length,
      }),
    );
    expect(view.total.whole).toBe(rounds.length);
    expect(view.cols.map((c) => c.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^256[89]$/)]));
  });

  it('refuses what has no meaning, field by field, in Thai and English', async () => {
    const cases = [
      ['measure=status&rows=region&cols=region', 'cols'],
      ['measure=disbursementRate&rows=kpi', 'rows'],
      ['measure=agreementScore&rows=province&cols=period', 'cols'],
      ['measure=agreementScore&rows=province&pillar=2', 'pillar'],
      ['measure=achievement&rows=province&years=1999', 'years'],
      ['measure=achievement&rows=province&years=2569,abc', 'years'],
      ['measure=mean&rows=province', 'measure'],
      ['measure=status&rows=district', 'rows'],
      ['measure=status&rows=province&kpi=%27%3BDROP', 'kpi'],
    ];
    for (const [qs, field] of cases) {
      const res = await request(t.app.getHttpServer()).get(`/api/analysis/explorer?${qs}`).set('Accept-Language', 'th');
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('exports the table the screen shows as CSV and as a workbook', async () => {
    const q = 'measure=achievement&rows=pillar&cols=region&years=2569';
    const view = (await request(t.app.getHttpServer()).get(`/api/analysis/explorer?${q}`)).body as ExplorerDto;
    const csv = await request(t.app.getHttpServer()).get(`/api/analysis/explorer/export?${q}&format=csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(view.rows.length + 3);
    expect(lines[1].split(',')).toHaveLength(view.cols.length + 2);
    expect(lines[lines.length - 1].split(',').at(-1)).toBe(
      (view.total.value as number).toFixed(2).replace(/\.?0+$/, ''),
    );

    const xlsx = await request(t.app.getHttpServer())
      .get(`/api/analysis/explorer/export?${q}&format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(view.rows.length + 3);
    expect(Number(sheet.getRow(view.rows.length + 3).getCell(view.cols.length + 2).value)).toBeCloseTo(
      view.total.value as number,
      2,
    );
  });

  it('keeps saved views for the ministry: shared, removed only by their owner or an admin, audited', async () => {
    const query = { measure: 'achievement', rows: 'pillar', cols: 'region', years: '2569' };
    const saved = await as(t, f.tokens.analyst)
      .post('/api/analysis/explorer/views')
      .send({ name: 'ยุทธศาสตร์ชาติ × ภาค', query });
    expect(saved.status).toBe(201);
    const view = saved.body as ExplorerSavedViewDto;
    expect(view).toEqual(
      expect.objectContaining({
        name: 'ยุทธศาสตร์ชาติ × ภาค',
        mine: true,
        query: expect.objectContaining({ fiscalYears: [2569], cols: 'region', pillar: null }),
      }),
    );
    const theirs = (await as(t, f.tokens.evaluator).get('/api/analysis/explorer/views')).body as ExplorerSavedViewDto[];
    expect(theirs.find((v) => v.id === view.id)).toEqual(expect.objectContaining({ mine: false }));
    expect((await as(t, f.tokens.evaluator).delete(`/api/analysis/explorer/views/${view.id}`)).status).toBe(403);
    expect((await as(t, f.tokens.officer50).get('/api/analysis/explorer/views')).status).toBe(403);
    expect((await request(t.app.getHttpServer()).get('/api/analysis/explorer/views')).status).toBe(401);
    const bad = await as(t, f.tokens.analyst)
      .post('/api/analysis/explorer/views')
      .send({ name: 'x', query: { ...query, cols: 'pillar' } });
    expect(bad.status).toBe(400);
    expect((await as(t, f.tokens.analyst).post('/api/analysis/explorer/views').send({ name: '', query })).status).toBe(
      400,
    );

    expect((await as(t, f.tokens.admin).delete(`/api/analysis/explorer/views/${view.id}`)).status).toBe(204);
    expect((await as(t, f.tokens.analyst).delete(`/api/analysis/explorer/views/${view.id}`)).status).toBe(404);
    const trail: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE entity = 'explorer_view' AND entity_id = $1 ORDER BY at`,
      [view.id],
    );
    expect(trail.map((e) => e.action)).toEqual(['insert', 'delete']);
  });
});
