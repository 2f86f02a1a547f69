import type { AgreementMinistryViewDto, AgreementRankingDto } from '@provdash/shared/contracts';
import { Workbook } from 'exceljs';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import {
  RANKING_CLUSTERS_SHEET,
  RANKING_HEADER_ROW,
  RANKING_PROGRESS_SHEET,
  RANKING_PROVINCES_SHEET,
} from './exports/agreement-ranking-xlsx';

/**
 * The ministry's view on a real database. FY 2565 and 2564 (which the demo does not seed) get
 * frozen rounds of known scores for Bangkok, Chiang Mai, Lamphun and Lampang, and round-12 reviews
 * in progress for Lampang's neighbours, so ranks, ties, clusters, movers and progress are exact.
 */
describe("the ministry's agreement ranking (real PostgreSQL)", () => {
  let t: TestApp;
  let f: Fixture;
  const FY = 2565;

  const analyst = () => as(t, f.tokens.analyst);
  const get = async (query: string) => {
    const res = await analyst().get(`/api/ministry/agreement-ranking?${query}`);
    expect(res.status).toBe(200);
    return res.body as AgreementMinistryViewDto;
  };
  const entry = (rows: AgreementMinistryViewDto['provinces'], code: string) =>
    rows.find((r) => r.code === code) as AgreementMinistryViewDto['provinces'][number];

  async function agreement(fy: number, code: string, status = 'agreed'): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO agreement (org_unit_id, fiscal_year, template_id, status)
       SELECT u.id, $1, tpl.id, $3 FROM org_unit u, agreement_template tpl
       WHERE u.code = $2 AND tpl.fiscal_year = $1 RETURNING id`,
      [fy, code, status],
    );
    return row.id;
  }
  const round = (agreementId: string, r: 6 | 12, score: string) =>
    t.dataSource.query(
      `INSERT INTO agreement_round (agreement_id, round, as_of, evaluated_at, score, snapshot)
       VALUES ($1, $2, '2022-04-01', now(), $3, '{}')`,
      [agreementId, r, score],
    );
  const review = (agreementId: string, decisions: string[]) =>
    t.dataSource.query(
      `INSERT INTO agreement_round_review (agreement_id, round, as_of, lines, submitted_at)
       VALUES ($1, 12, '2022-10-01', $2, now())`,
      [
        agreementId,
        JSON.stringify(decisions.map((decision, i) => ({ indicatorId: `i${i}`, code: `T${i}`, decision }))),
      ],
    );

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    for (const fy of [FY - 1, FY]) {
      await t.dataSource.query(
        `INSERT INTO agreement_template (fiscal_year, name_th, name_en, status) VALUES ($1, 'แม่แบบ', 'Template', 'published')`,
        [fy],
      );
    }
    const last: Record<string, string> = {};
    for (const code of ['50', '51', '52']) last[code] = await agreement(FY - 1, code);
    await round(last['50'], 12, '3.0000');
    await round(last['51'], 12, '4.8000');
    await round(last['52'], 12, '3.1000');

    const now: Record<string, string> = {};
    for (const code of ['10', '50', '51', '52', '53', '54']) now[code] = await agreement(FY, code);
    await agreement(FY, '55', 'draft');
    // Round 6: Chiang Mai and Lamphun tie on the four-decimal figure.
    await round(now['10'], 6, '2.5000');
    await round(now['50'], 6, '4.2000');
    await round(now['51'], 6, '4.2000');
    await round(now['52'], 6, '3.1000');
    await round(now['50'], 12, '3.9000');
    await round(now['51'], 12, '4.5000');
    await round(now['52'], 12, '3.1000');
    // Round 12 of Uttaradit submitted (one line still pending); of Phrae submitted and fully decided.
    await review(now['53'], ['accepted', 'pending']);
    await review(now['54'], ['accepted', 'adjusted']);
  });

  afterAll(() => t.close());

  it('ranks all 77 provinces by the 6-month round: ties share a rank, the unscored come last by code', async () => {
    const v = await get(`fiscalYear=${FY}&round=6`);
    expect(v).toMatchObject({ fiscalYear: FY, round: 6, previous: { fiscalYear: FY - 1, round: 12 } });
    expect(v.provinces).toHaveLength(77);
    expect(v.provinces.slice(0, 5).map((p) => [p.code, p.rank, p.formatted])).toEqual([
      ['50', 1, '4.2000'],
      ['51', 1, '4.2000'],
      ['52', 3, '3.1000'],
      ['10', 4, '2.5000'],
      ['11', null, null],
    ]);
    expect(entry(v.provinces, '10').clusterCode).toBeNull();
    expect(entry(v.provinces, '50').clusterCode).toBe(entry(v.provinces, '51').clusterCode);
  });

  it("pairs each province with last year's 12-month round: score and rank change, gains and falls", async () => {
    const v = await get(`fiscalYear=${FY}&round=6`);
    // Last year: Lamphun 4.8 (1st), Lampang 3.1 (2nd), Chiang Mai 3.0 (3rd).
    expect(entry(v.provinces, '50')).toMatchObject({
      previousScore: 3,
      previousRank: 3,
      scoreChange: 1.2,
      rankChange: 2,
    });
    expect(entry(v.provinces, '51')).toMatchObject({ previousRank: 1, scoreChange: -0.6, rankChange: 0 });
    expect(entry(v.provinces, '52')).toMatchObject({ previousRank: 2, scoreChange: 0, rankChange: -1 });
    expect(entry(v.provinces, '10')).toMatchObject({ previousScore: null, scoreChange: null, rankChange: null });
    expect(v.movers.gains.map((m) => m.code)).toEqual(['50']);
    expect(v.movers.falls.map((m) => m.code)).toEqual(['51']);
  });

  it('compares the 12-month round with the 6-month round of the same year', async () => {
    const v = await get(`fiscalYear=${FY}&round=12`);
    expect(v.previous).toEqual({ fiscalYear: FY, round: 6 });
    expect(v.provinces.slice(0, 3).map((p) => [p.code, p.rank, p.rankChange])).toEqual([
      ['51', 1, 0],
      ['50', 2, -1],
      ['52', 3, 0],
    ]);
    expect(v.movers.gains.map((m) => [m.code, m.scoreChange])).toEqual([['51', 0.3]]);
    expect(v.movers.falls.map((m) => [m.code, m.scoreChange])).toEqual([['50', -0.3]]);
  });

  it('ranks the 18 clusters by the mean of their scored members', async () => {
    const v = await get(`fiscalYear=${FY}&round=6`);
    expect(v.clusters).toHaveLength(18);
    const cluster = entry(v.provinces, '50').clusterCode as string;
    const members = v.provinces.filter((p) => p.clusterCode === cluster && p.score !== null);
    const expected = Number((members.reduce((a, p) => a + (p.score as number), 0) / members.length).toFixed(4));
    expect(v.clusters[0]).toMatchObject({ code: cluster, rank: 1, score: expected, scoredProvinces: members.length });
    expect(v.clusters[0].memberProvinces).toBeGreaterThanOrEqual(members.length);
    expect(v.clusters.filter((c) => c.rank !== null)).toHaveLength(
      new Set(v.provinces.filter((p) => p.score !== null && p.clusterCode).map((p) => p.clusterCode)).size,
    );
  });

  it('counts the histogram by score band and summarises the scores', async () => {
    const v = await get(`fiscalYear=${FY}&round=6`);
    expect(v.distribution.bands.map((b) => b.provinces)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(v.distribution.statistics).toMatchObject({ count: 4, min: 2.5, max: 4.2, median: 3.65, mean: 3.5 });
  });

  it("counts the evaluation's progress of both rounds, of 77 provinces", async () => {
    const v = await get(`fiscalYear=${FY}&round=live`);
    expect(v.progress).toEqual([
      { round: 6, provinces: 77, agreed: 6, submitted: 4, evaluated: 4, frozen: 4 },
      { round: 12, provinces: 77, agreed: 6, submitted: 5, evaluated: 4, frozen: 3 },
    ]);
    expect(v.previous).toEqual({ fiscalYear: FY, round: 12 });
  });

  it("ranks the live round as the national ranking does (demo's current year)", async () => {
    const v = await get('fiscalYear=2569&round=live');
    const national = (await as(t, null).get('/api/compare/agreements?fiscalYear=2569')).body as AgreementRankingDto;
    const liveRank = new Map(national.rows.map((r) => [r.orgUnitCode, r.liveRank]));
    expect(v.provinces).toHaveLength(77);
    expect(v.provinces.filter((p) => p.rank !== null).length).toBeGreaterThan(0);
    for (const p of v.provinces) expect([p.code, p.rank]).toEqual([p.code, liveRank.get(p.code) ?? null]);
  });

  it('refuses a province officer, a cluster officer, the anonymous, and a bad round or year', async () => {
    expect((await as(t, f.tokens.officer50).get('/api/ministry/agreement-ranking')).status).toBe(403);
    expect((await as(t, f.tokens.clusterC15).get('/api/ministry/agreement-ranking.xlsx')).status).toBe(403);
    expect((await as(t, null).get('/api/ministry/agreement-ranking')).status).toBe(401);
    const bad = await analyst().get('/api/ministry/agreement-ranking?round=9');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('round');
    expect((await analyst().get('/api/ministry/agreement-ranking?fiscalYear=abc')).status).toBe(400);
    expect((await as(t, f.tokens.evaluator).get('/api/ministry/agreement-ranking')).status).toBe(200);
  });

  it('exports the same figures in the same order as XLSX with Thai headers', async () => {
    const v = await get(`fiscalYear=${FY}&round=6`);
    const res = await analyst()
      .get(`/api/ministry/agreement-ranking.xlsx?fiscalYear=${FY}&round=6`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`agreement-ranking-${FY}-round-6.xlsx`);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet(RANKING_PROVINCES_SHEET);
    if (!ws) throw new Error('no provinces sheet');
    expect(ws.getRow(RANKING_HEADER_ROW).getCell(1).value).toBe('อันดับ');
    expect(ws.getRow(RANKING_HEADER_ROW).getCell(3).value).toBe('จังหวัด');
    const rows = v.provinces.map((_, i) => ws.getRow(RANKING_HEADER_ROW + 1 + i));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(v.provinces.map((p) => p.code));
    expect(rows.map((r) => r.getCell(1).value ?? null)).toEqual(v.provinces.map((p) => p.rank));
    expect(rows.map((r) => r.getCell(5).value ?? null)).toEqual(v.provinces.map((p) => p.score));
    expect(rows[0].getCell(5).numFmt).toBe('0.0000');
    expect(rows[0].getCell(7).value).toBe(1.2);
    expect(
      wb
        .getWorksheet(RANKING_CLUSTERS_SHEET)
        ?.getRow(RANKING_HEADER_ROW + 1)
        .getCell(2).value,
    ).toBe(v.clusters[0].code);
    const progress = wb.getWorksheet(RANKING_PROGRESS_SHEET);
    expect(progress?.getRow(RANKING_HEADER_ROW + 2).values).toEqual([undefined, 'รอบ 12 เดือน', 77, 6, 5, 4, 3]);
  });
});
