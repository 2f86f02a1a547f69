import { periodsOfYear } from '@provdash/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { as, auditCount, Fixture, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';
import { COLUMNS } from './results-sheet';

const FY = 2569;
const TOURISM = '50/K1.2.1'; // monthly, sum, plausible 0–100,000
const SCREENING = '50/K2.1.2'; // quarterly ratio
const GPP = '50/K1.1.1'; // yearly
const HOTSPOTS = '50/K3.1.1'; // monthly, sum
const HEADER = 'รหัสตัวชี้วัด,งวด,ค่า,ตัวตั้ง,ตัวหาร,คำอธิบาย,ยืนยันค่าผิดปกติ';

/** A CSV as Excel's "CSV UTF-8" saves it: BOM, CRLF. */
const csv = (...lines: string[]) => Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('ผลการดำเนินงาน');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** supertest collects binary bodies only when told how. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('KPI results import from spreadsheets (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    // FY 2569 is over, so every period is open. Clear the KPIs the tests write, then put
    // Chiang Mai's tourism KPI into one of each state.
    for (const kpi of [TOURISM, SCREENING, GPP, HOTSPOTS]) {
      await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = $2`, [f.kpis[kpi], FY]);
    }
    await t.dataSource.query(
      `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, narrative_th, status, submitted_by, submitted_at, approved_by, approved_at)
       VALUES ($1, $2, '2569-M04', 500, 'ร่างเดิม', 'draft', NULL, NULL, NULL, NULL),
              ($1, $2, '2569-M05', 800, '', 'approved', $3, now(), $4, now()),
              ($1, $2, '2569-M06', 900, '', 'submitted', $3, now(), NULL, NULL)`,
      [f.kpis[TOURISM], FY, f.userIds.officer50, f.userIds.approver50],
    );
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const upload = (file: Buffer, name: string, query = `fiscalYear=${FY}`, token = f.tokens.officer50) =>
    as(t, token).post(`/api/provinces/50/results-import?${query}`).attach('file', file, name);
  const result = async (kpi: string, period: string) =>
    (
      await t.dataSource.query(
        `SELECT value, numerator, denominator, narrative_th, status, version FROM kpi_result WHERE kpi_id = $1 AND period = $2`,
        [f.kpis[kpi], period],
      )
    )[0];
  const resultCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM kpi_result`))[0].n;

  describe('template', () => {
    it('is an xlsx with Thai and English headers, one row per KPI × period, approved rows grey and locked', async () => {
      const res = await officer().get(`/api/provinces/50/results-template?fiscalYear=${FY}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain('kpi-results-50-2569.xlsx');
      expect(res.headers['cache-control']).toBe('no-store');

      const wb = new Workbook();
      await wb.xlsx.load(res.body);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.th));
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.en));

      const kpis: { code: string; frequency: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' }[] =
        await t.dataSource.query(
          `SELECT k.code, k.frequency FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = '50'`,
        );
      const expected = kpis.flatMap((k) => periodsOfYear(FY, k.frequency).map((p) => `${k.code}|${p}`));
      const rows: { key: string; row: number }[] = [];
      ws.eachRow((r, n) => {
        if (n > 2) rows.push({ key: `${r.getCell(1).value}|${r.getCell(3).value}`, row: n });
      });
      expect(rows.map((r) => r.key).sort()).toEqual(expected.sort());

      const rowOf = (period: string) => ws.getRow(rows.find((r) => r.key === `K1.2.1|${period}`)?.row ?? 0);
      const approved = rowOf('2569-M05');
      expect(approved.getCell(6).value).toBe(800);
      expect(approved.getCell(11).value).toBe('อนุมัติแล้ว (approved)');
      expect(approved.getCell(6).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
      const draft = rowOf('2569-M04');
      expect(draft.getCell(6).value).toBe(500);
      expect(draft.getCell(9).value).toBe('ร่างเดิม');
      expect(draft.getCell(4).value).toBe('ม.ค. 2569');
      expect(draft.getCell(6).fill).toBeUndefined();
      expect(rowOf('2569-M01').getCell(6).value).toBeNull();
      expect(rowOf('2569-M01').getCell(12).value).toBe('50');
    });

    it('as CSV is UTF-8 with a BOM, and sent back unchanged it changes nothing', async () => {
      const res = await officer()
        .get(`/api/provinces/50/results-template?fiscalYear=${FY}&format=csv`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const body: Buffer = res.body;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(COLUMNS.map((c) => c.th).join(','));
      expect(lines[1]).toBe(COLUMNS.map((c) => c.en).join(','));

      const audits = await auditCount(t);
      const back = await upload(body, 'kpi-results-50-2569.csv');
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ dryRun: false, accepted: 0, errors: [] });
      expect(back.body.rows).toBe(lines.length - 3);
      expect(await auditCount(t)).toBe(audits);
    });
  });

  describe('good files', () => {
    it('the sample in docs/samples is a valid file (dry run)', async () => {
      const sample = readFileSync(join(__dirname, '../../../../../../docs/samples/kpi-results-import.csv'));
      const res = await upload(sample, 'kpi-results-import.csv', `fiscalYear=${FY}&dryRun=true`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: true, rows: 5, accepted: 4, skipped: 1, errors: [] });
    });

    it('a CSV commits every row as a draft, one audit row each; empty values are skipped', async () => {
      const audits = await auditCount(t);
      const res = await upload(
        csv(
          HEADER,
          'K1.2.1,2569-M01,"1,234.5",,,,',
          'K2.1.2,2569-Q1,,45,50,ตรวจคัดกรองครบ,',
          'K1.1.1,2569,3.5,,,เศรษฐกิจขยายตัว,',
          'K1.2.1,2569-M02,,,,,',
        ),
        'ผลงาน.csv',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: false, rows: 4, accepted: 3, skipped: 1, errors: [] });
      expect(await result(TOURISM, '2569-M01')).toMatchObject({ value: '1234.5', status: 'draft' });
      expect(await result(SCREENING, '2569-Q1')).toMatchObject({
        value: null,
        numerator: '45',
        denominator: '50',
        narrative_th: 'ตรวจคัดกรองครบ',
        status: 'draft',
      });
      expect(await result(GPP, '2569')).toMatchObject({ value: '3.5', narrative_th: 'เศรษฐกิจขยายตัว' });
      expect(await result(TOURISM, '2569-M02')).toBeUndefined();

      expect(await auditCount(t)).toBe(audits + 3);
      const trail = await t.dataSource.query(
        `SELECT a.user_id, a.entity, a.action, u.code FROM audit_event a JOIN org_unit u ON u.id = a.org_unit_id
         ORDER BY a.id DESC LIMIT 3`,
      );
      expect(trail).toEqual(
        Array(3).fill({ user_id: f.userIds.officer50, entity: 'kpi_result', action: 'insert', code: '50' }),
      );
    });

    it('an XLSX (title above the header, Excel numbers) commits too, replacing a draft', async () => {
      const audits = await auditCount(t);
      const file = await xlsx([
        ['ผลการดำเนินงาน จังหวัดเชียงใหม่ ปีงบประมาณ 2569'],
        [],
        ['รหัสตัวชี้วัด', 'ชื่อตัวชี้วัด', 'งวด', 'ค่า (value)', 'คำอธิบาย'],
        ['K3.1.1', 'จุดความร้อน', '2569-M01', 0.1 + 0.2, ''],
        ['K3.1.1', 'จุดความร้อน', '2569-M02', 40, 'ไฟป่าลดลง'],
        ['K1.2.1', 'รายได้จากการท่องเที่ยว', '2569-M04', 650, null],
      ]);
      const res = await upload(file, 'results.xlsx');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: false, rows: 3, accepted: 3, skipped: 0, errors: [] });
      expect(await result(HOTSPOTS, '2569-M01')).toMatchObject({ value: '0.3', status: 'draft' });
      expect(await result(HOTSPOTS, '2569-M02')).toMatchObject({ value: '40', narrative_th: 'ไฟป่าลดลง' });
      // The draft is replaced whatever its version; an empty narrative cell keeps the narrative.
      expect(await result(TOURISM, '2569-M04')).toMatchObject({
        value: '650',
        narrative_th: 'ร่างเดิม',
        status: 'draft',
        version: 2,
      });
      expect(await auditCount(t)).toBe(audits + 3);
    });

    it('the xlsx template, filled in and sent back, writes only the row that changed', async () => {
      const res = await officer().get(`/api/provinces/50/results-template?fiscalYear=${FY}`).buffer(true).parse(binary);
      const wb = new Workbook();
      await wb.xlsx.load(res.body);
      const ws = wb.worksheets[0];
      ws.eachRow((r) => {
        if (r.getCell(1).value === 'K1.2.1' && r.getCell(3).value === '2569-M11') r.getCell(6).value = 321;
      });
      const audits = await auditCount(t);
      const back = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'kpi-results-50-2569.xlsx');
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ accepted: 1, errors: [] });
      expect(back.body.skipped).toBe(back.body.rows - 1);
      expect(await result(TOURISM, '2569-M11')).toMatchObject({ value: '321', status: 'draft' });
      expect(await auditCount(t)).toBe(audits + 1);
    });

    it('reads the Windows-874 CSV that Thai Excel saves by default, and ";" as the delimiter', async () => {
      // TIS-620 puts Thai U+0E01… at 0xA1…; ASCII stays as it is.
      const tis620 = (s: string) =>
        Buffer.from([...s].map((ch) => (ch >= '\u0e01' ? ch.charCodeAt(0) - 0xd60 : ch.charCodeAt(0))));
      const res = await upload(
        tis620('รหัสตัวชี้วัด;งวด;ค่า;คำอธิบาย\r\nK1.2.1;2569-M10;100;ดี\r\n'),
        'r.csv',
        `fiscalYear=${FY}&dryRun=true`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 1, accepted: 1, errors: [] });
    });

    it('dryRun=true checks and counts, and writes nothing', async () => {
      const [audits, count] = [await auditCount(t), await resultCount()];
      const res = await upload(csv(HEADER, 'K1.2.1,2569-M10,100,,,,'), 'r.csv', `fiscalYear=${FY}&dryRun=true`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: true, rows: 1, accepted: 1, skipped: 0, errors: [] });
      expect(await result(TOURISM, '2569-M10')).toBeUndefined();
      expect([await auditCount(t), await resultCount()]).toEqual([audits, count]);
    });
  });

  describe('bad files write nothing', () => {
    it('one bad row among good ones: 422 naming the row and column, nothing written', async () => {
      const [audits, count] = [await auditCount(t), await resultCount()];
      const res = await upload(
        csv(HEADER, 'K1.2.1,2569-M07,100,,,,', 'K1.2.1,2569-M08,abc,,,,', 'K1.2.1,2569-M09,300,,,,'),
        'r.csv',
      );
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        message: expect.stringContaining('ไม่มีการบันทึก'),
        rows: 3,
        accepted: 2,
        errors: [{ row: 3, column: 'ค่า', message: expect.stringContaining('ต้องเป็นตัวเลข') }],
      });
      expect(await result(TOURISM, '2569-M07')).toBeUndefined();
      expect([await auditCount(t), await resultCount()]).toEqual([audits, count]);
    });

    it('reports every kind of mistake by row and column, in English when asked', async () => {
      // A KPI only Lampang has: its code in a Chiang Mai file is another province's.
      await t.dataSource.query(
        `INSERT INTO kpi (goal_id, org_unit_id, code, name_th, name_en, unit_th, unit_en, direction, frequency, rollup,
                          owner_agency_th, owner_agency_en, data_source)
         SELECT goal_id, org_unit_id, 'LP9.1', name_th, name_en, unit_th, unit_en, direction, frequency, rollup,
                owner_agency_th, owner_agency_en, data_source FROM kpi WHERE id = $1`,
        [f.kpis['52/K1.2.1']],
      );
      const [audits, count] = [await auditCount(t), await resultCount()];
      const res = await upload(
        csv(
          'ผลการดำเนินงาน ปีงบประมาณ 2569',
          'KPI code,period,value,numerator,denominator,narrative,confirm outlier,province code',
          'K9.9.9,2569-M01,1,,,,,',
          'LP9.1,2569-M01,1,,,,,',
          'K1.2.1,2570-M01,1,,,,,',
          'K1.2.1,2569-M07,1,,,,,',
          'K1.2.1,2569-M07,2,,,,,',
          'K1.2.1,2569-M05,801,,,,,',
          'K1.2.1,2569-M06,901,,,,,',
          'K1.2.1,2569-Q1,1,,,,,',
          'K1.2.1,2569-M08,999999,,,,,',
          'K2.1.2,2569-Q2,,10,,,,',
          'K1.2.1,2569-M09,10,,,,,52',
          'K1.2.1,2569-M10,10,,,,maybe,',
          ',2569-M12,10,,,,,',
          'K1.2.1,,10,,,,,',
          'K1.2.1,2569-M12,1e5,,,,,',
        ),
        'mistakes.csv',
      ).set('Accept-Language', 'en');
      expect(res.status).toBe(422);
      expect(res.body.message).toBe(
        'The file has errors; nothing was saved. Correct the rows listed and import again.',
      );
      expect(res.body.errors).toEqual([
        { row: 3, column: 'KPI code', message: "No KPI with this code in the province's plan for this fiscal year." },
        {
          row: 4,
          column: 'KPI code',
          message: 'This KPI code belongs to another province, not the one being imported.',
        },
        { row: 5, column: 'period', message: 'This period is not in the fiscal year being imported.' },
        { row: 7, column: 'period', message: 'This KPI and period already appear on an earlier row of the file.' },
        { row: 8, column: 'value', message: 'This period is approved and locked; an approver must reopen it first.' },
        {
          row: 9,
          column: 'value',
          message: 'This period is with the approver; it cannot be changed by import unless it is returned.',
        },
        { row: 10, column: 'period', message: "The period does not match this KPI's reporting frequency." },
        {
          row: 11,
          column: 'value',
          message: "The value is outside this KPI's plausible range; confirm it if it is right.",
        },
        {
          row: 12,
          column: 'denominator',
          message: 'This KPI needs both numerator and denominator (denominator above 0).',
        },
        {
          row: 13,
          column: 'province code',
          message: 'The province code on this row is not the province being imported.',
        },
        { row: 14, column: 'confirm outlier', message: 'Enter "yes" to confirm an outlier, or leave it empty.' },
        { row: 15, column: 'KPI code', message: 'Enter the KPI code.' },
        { row: 16, column: 'period', message: 'Enter the period, e.g. 2569-M01.' },
        { row: 17, column: 'value', message: 'Must be a number (at most 15 digits, 6 decimals).' },
      ]);
      expect([await auditCount(t), await resultCount()]).toEqual([audits, count]);
      expect(await result(TOURISM, '2569-M05')).toMatchObject({ value: '800', status: 'approved' });
    });

    it('an outlier needs ใช่ and a narrative saying why, as on the form', async () => {
      const check = (line: string) => upload(csv(HEADER, line), 'r.csv', `fiscalYear=${FY}&dryRun=true`);
      const bare = await check('K1.2.1,2569-M08,999999,,,,ใช่');
      expect(bare.status).toBe(422);
      expect(bare.body.errors).toEqual([{ row: 2, column: 'คำอธิบาย', message: expect.any(String) }]);
      const explained = await check('K1.2.1,2569-M08,999999,,,งานพืชสวนโลก นักท่องเที่ยวสูงเป็นพิเศษ,ใช่');
      expect(explained.status).toBe(200);
      expect(explained.body).toMatchObject({ accepted: 1, errors: [] });
    });
  });

  describe('refusals', () => {
    it("another province's officer gets 403 and writes nothing", async () => {
      const [audits, count] = [await auditCount(t), await resultCount()];
      const res = await upload(csv(HEADER, 'K1.2.1,2569-M12,100,,,,'), 'r.csv', `fiscalYear=${FY}`, f.tokens.officer52);
      expect(res.status).toBe(403);
      const template = await as(t, f.tokens.officer52).get(`/api/provinces/50/results-template?fiscalYear=${FY}`);
      expect(template.status).toBe(403);
      expect([await auditCount(t), await resultCount()]).toEqual([audits, count]);
    });

    it('a file that is not a spreadsheet gets 400, whatever its name says', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
      const res = await upload(png, 'results.csv');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('อ่านไฟล์ไม่ได้ ต้องเป็นไฟล์ Excel (.xlsx) หรือ CSV');
      const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
      expect((await upload(xls, 'results.xls')).body.message).toContain('.xls');
      const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100)]);
      expect((await upload(zip, 'results.xlsx')).status).toBe(400);
      const prose = await upload(Buffer.from('just some notes\nnot a table\n'), 'notes.csv');
      expect(prose.status).toBe(400);
      expect(prose.body.message).toContain('ไม่พบแถวหัวตาราง');
      const none = await officer().post(`/api/provinces/50/results-import?fiscalYear=${FY}`).field('x', '1');
      expect(none.status).toBe(400);
    });

    it('a file over 5 MB gets 413', async () => {
      const big = Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.alloc(5 * 1024 * 1024, 'a')]);
      const res = await upload(big, 'big.csv');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' });
    });

    it('the OpenAPI document publishes both routes with their access rule and the upload field', async () => {
      const doc = (await as(t, null).get('/api/docs-json')).body;
      const template = doc.paths['/api/provinces/{code}/results-template'].get;
      const upload = doc.paths['/api/provinces/{code}/results-import'].post;
      expect(template['x-access']).toBe('write on the org unit given by param "code"');
      expect(upload['x-access']).toBe('write on the org unit given by param "code"');
      expect(upload.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({
        format: 'binary',
      });
    });

    it('bad query parameters get 400', async () => {
      expect((await upload(csv(HEADER), 'r.csv', 'fiscalYear=2025')).status).toBe(400);
      expect((await upload(csv(HEADER), 'r.csv', `fiscalYear=${FY}&dryRun=yes`)).status).toBe(400);
      expect((await officer().get(`/api/provinces/50/results-template?fiscalYear=${FY}&format=pdf`)).status).toBe(400);
    });
  });
});
