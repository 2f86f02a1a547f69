import { Workbook } from 'exceljs';
import request from 'supertest';
import type { Response } from 'supertest';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { DATASET_IDS } from './datasets';

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Strings that must never leave the province: work in progress and who did it. */
const SECRETS = ['DRAFT-NARRATIVE', 'SUBMITTED-NARRATIVE', 'RETURNED-NARRATIVE', 'RETURN-REASON'];
/** Values of the unpublished results, odd enough to appear nowhere else. */
const VALUES = ['2222.98765', '3333.98765', '4444.98765'];
const FY = 2570;

describe('open data: public API and downloads (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let people: string[];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    // Chiang Mai's tourism KPI in FY 2570: one result in each state, the unpublished ones marked.
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = ${FY}`, [f.kpis['50/K1.2.1']]);
    await t.dataSource.query(
      `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, status, narrative_th, submitted_by, submitted_at,
                               approved_by, approved_at, return_reason)
       VALUES ($1, ${FY}, '2570-M01', 111.5, 'approved', 'ผลเดือนตุลาคม เผยแพร่ได้', $2, now(), $3, now(), NULL),
              ($1, ${FY}, '2570-M02', 2222.98765, 'draft', 'DRAFT-NARRATIVE ร่าง', NULL, NULL, NULL, NULL, NULL),
              ($1, ${FY}, '2570-M03', 3333.98765, 'submitted', 'SUBMITTED-NARRATIVE รออนุมัติ', $2, now(), NULL, NULL, NULL),
              ($1, ${FY}, '2570-M04', 4444.98765, 'returned', 'RETURNED-NARRATIVE ส่งกลับ', $2, now(), NULL, NULL, 'RETURN-REASON')`,
      [f.kpis['50/K1.2.1'], f.userIds.officer50, f.userIds.approver50],
    );
    const users: { id: string; email: string; display_name: string }[] = await t.dataSource.query(
      `SELECT id, email, display_name FROM app_user`,
    );
    people = users.flatMap((u) => [u.id, u.email, u.display_name]);
  });

  afterAll(() => t.close());

  const expectNothingPrivate = (text: string) => {
    const found = [...SECRETS, ...people, ...VALUES].filter((s) => text.includes(s));
    expect(found).toEqual([]);
  };

  it('serves approved results only, without narratives of unapproved ones or anyone’s identity', async () => {
    const res = await http().get(`/api/public/results?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1`).expect(200);
    expect(res.body).toMatchObject({ dataset: 'results', page: 1, pageSize: 100, total: 1 });
    expect(res.body.data).toEqual([
      expect.objectContaining({
        org_unit_code: '50',
        kpi_code: 'K1.2.1',
        fiscal_year: FY,
        period: '2570-M01',
        value: 111.5,
        narrative_th: 'ผลเดือนตุลาคม เผยแพร่ได้',
      }),
    ]);
    expectNothingPrivate(res.text);
    // Signed in as the province's own officer changes nothing: the public API is public data only.
    const insider = await as(t, f.tokens.officer50).get(
      `/api/public/results?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1&pageSize=99`,
    );
    expect(insider.body.total).toBe(1);
    expectNothingPrivate(insider.text);
  });

  it('never shows unpublished data or people in any dataset', async () => {
    for (const id of DATASET_IDS) {
      const res = await http().get(`/api/public/${id}?pageSize=1000`).expect(200);
      expect(res.body.dataset).toBe(id);
      expectNothingPrivate(res.text);
    }
  });

  it('pages and filters, and refuses bad parameters with 400', async () => {
    const all = await http().get('/api/public/org-units?type=province&pageSize=1000').expect(200);
    expect(all.body.total).toBe(77);
    const p2 = await http().get('/api/public/org-units?type=province&pageSize=10&page=2').expect(200);
    expect(p2.body.data.map((r: { code: string }) => r.code)).toEqual(
      all.body.data.slice(10, 20).map((r: { code: string }) => r.code),
    );
    const past = await http().get('/api/public/org-units?type=province&pageSize=10&page=9').expect(200);
    expect(past.body).toMatchObject({ total: 77, data: [] });
    const cluster = await http().get('/api/public/org-units?scope=C15&type=province').expect(200);
    expect(cluster.body.data.every((r: { cluster_code: string }) => r.cluster_code === 'C15')).toBe(true);
    await http().get('/api/public/org-units?pageSize=1001').expect(400);
    await http().get('/api/public/org-units?fiscalYear=2569').expect(400);
    await http().get('/api/public/results?period=2569-X1').expect(400);
    await http().get('/api/public/results?scope=ZZ').expect(404);
    const kpis = await http().get('/api/public/kpis?scope=50&fiscalYear=2569&kpiCode=K1.2.1').expect(200);
    expect(kpis.body.data).toEqual([
      expect.objectContaining({ org_unit_code: '50', kpi_code: 'K1.2.1', frequency: 'monthly' }),
    ]);
    const rounds = await http().get('/api/public/agreement-scores?fiscalYear=2569&round=6&pageSize=1000').expect(200);
    expect(rounds.body.total).toBe(77);
    const ranks = rounds.body.data.map((r: { national_rank: number }) => r.national_rank);
    expect(Math.min(...ranks)).toBe(1);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(77);
  });

  it('answers with CDN cache headers, an ETag and a 304 when unchanged, and from memory for a while', async () => {
    const url = `/api/public/results?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1`;
    const first = await http().get(url).expect(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(first.headers['etag']).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    await http().get(url).set('If-None-Match', first.headers['etag']).expect(304);
    await http().get(url).set('If-Modified-Since', first.headers['last-modified']).expect(304);

    // A change in the database is not seen by the same read until the server copy expires: the
    // read did not reach PostgreSQL.
    await t.dataSource.query(
      `UPDATE kpi_result SET narrative_th = 'ผลเดือนตุลาคม เผยแพร่ได้ (แก้ไข)' WHERE kpi_id = $1 AND period = '2570-M01'`,
      [f.kpis['50/K1.2.1']],
    );
    const again = await http().get(url).expect(200);
    expect(again.body).toEqual(first.body);
    expect(Number(again.headers['age'])).toBeGreaterThanOrEqual(0);
    expect(again.headers['last-modified']).toBe(first.headers['last-modified']);
    const other = await http().get(`${url}&pageSize=50`).expect(200);
    expect(other.body.data[0].narrative_th).toBe('ผลเดือนตุลาคม เผยแพร่ได้ (แก้ไข)');
  });

  it('is described in the OpenAPI document, each route public', async () => {
    const doc = await http().get('/api/docs-json').expect(200);
    for (const id of DATASET_IDS) {
      const op = doc.body.paths[`/api/public/${id}`]?.get;
      expect(op?.['x-access']).toBe('public: no sign-in');
      expect(op.responses['200'].content['application/json'].schema.properties.data.items.properties).toBeTruthy();
    }
    expect(doc.body.paths['/api/public/datasets/{file}'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'fiscalYear' })]),
    );
  });

  it('lists the datasets in a catalogue with their last update and licence, and a dictionary each', async () => {
    const res = await http().get('/api/public/catalogue').expect(200);
    expect(res.body.licence).toEqual({
      name: 'Open Government Licence – Thailand',
      url: expect.stringMatching(/^https:\/\//),
    });
    expect(res.body.datasets.map((d: { id: string }) => d.id)).toEqual(DATASET_IDS);
    const results = res.body.datasets.find((d: { id: string }) => d.id === 'results');
    expect(results.lastUpdated).toEqual(expect.any(String));
    const dict = await http().get('/api/public/catalogue/results').expect(200);
    expect(dict.body.columns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'value',
          type: 'number',
          unitTh: expect.any(String),
          descriptionTh: expect.any(String),
        }),
      ]),
    );
    await http().get('/api/public/catalogue/nothing').expect(404);
  });

  describe('downloads', () => {
    const get = (url: string) => http().get(url).buffer(true).parse(binary);

    it('CSV: UTF-8 with a BOM, Thai intact, approved rows only', async () => {
      const res = await get(`/api/public/datasets/results.csv?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="results-50-2570\.csv"; filename\*=UTF-8''/,
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0].split(',')).toContain('narrative_th');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('ผลเดือนตุลาคม เผยแพร่ได้');
      expect(lines[1]).toContain('เชียงใหม่');
      expectNothingPrivate(text);
    });

    it('JSON and XLSX carry the same rows; every dataset downloads without private data', async () => {
      const json = await get(`/api/public/datasets/results.json?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1`).expect(200);
      const rows = JSON.parse((json.body as Buffer).toString('utf8'));
      expect(rows).toEqual([expect.objectContaining({ period: '2570-M01', value: 111.5 })]);

      const xlsx = await get(`/api/public/datasets/results.xlsx?scope=50&fiscalYear=${FY}&kpiCode=K1.2.1`).expect(200);
      const wb = new Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('results');
      expect(sheet?.rowCount).toBe(2);
      const header = (sheet?.getRow(1).values as unknown[]).slice(1);
      const value = sheet?.getRow(2).getCell(header.indexOf('value') + 1).value;
      expect(value).toBe(111.5);
      expect(wb.getWorksheet('dictionary')).toBeTruthy();

      for (const id of DATASET_IDS) {
        for (const format of ['csv', 'json']) {
          const res = await get(`/api/public/datasets/${id}.${format}?fiscalYear=${FY}`).expect(200);
          expectNothingPrivate((res.body as Buffer).toString('utf8'));
        }
      }
    });

    it('answers 304 to a CDN revalidating an unchanged file, 404 to an unknown one', async () => {
      const url = '/api/public/datasets/org-units.csv?type=province';
      const first = await get(url).expect(200);
      expect(first.headers['etag']).toMatch(/^W\//);
      await get(url).set('If-None-Match', first.headers['etag']).expect(304);
      const other = await get('/api/public/datasets/org-units.csv?type=cluster').expect(200);
      expect(other.headers['etag']).not.toBe(first.headers['etag']);
      await get('/api/public/datasets/secrets.csv').expect(404);
      await get('/api/public/datasets/results.pdf').expect(404);
    });
  });

  it('limits each address on the public API with its own budget (429 beyond it)', async () => {
    let status = 200;
    for (let i = 0; i < 130 && status !== 429; i++) {
      status = (await http().get(`/api/public/org-units?page=${(i % 5) + 1}`)).status;
    }
    expect(status).toBe(429);
    // The rest of the API keeps its own, larger budget.
    await http().get('/api/org-units/clusters').expect(200);
  });
});
