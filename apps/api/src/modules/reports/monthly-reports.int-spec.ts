import { Workbook } from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { pdfText } from '../../testing/pdf-text';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { JOBS } from '../jobs/job-definitions';
import { Jobs } from '../jobs/jobs.service';
import { waitFor } from '../../testing/wait-for';
import { MonthlyReportsService, previousMonth } from './monthly-reports.service';

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Runs a poppler tool (Debian's poppler-utils); a missing one fails the test, never skips it. */
function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error) throw new Error(`${tool} failed (apt-get install poppler-utils): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

/** Pixels of a binary PPM (P6, 8-bit) close to a colour. */
function pixelsNear(ppm: Buffer, [r, g, b]: [number, number, number]): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - r) < 40 && Math.abs(ppm[i + 1] - g) < 40 && Math.abs(ppm[i + 2] - b) < 40) n++;
  }
  return n;
}

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const SECRETS = ['DRAFT-NARRATIVE', 'RETURNED-NARRATIVE', 'RETURN-REASON'];
const RED_NARRATIVE = 'นักท่องเที่ยวลดลงจากปัญหาฝุ่นควัน PM2.5 ในเดือนมีนาคม';

describe('monthly reports (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const MONTH = '2026-03';

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    // FY 2569 in Chiang Mai: work in progress on OTOP sales in January and February (due by March,
    // so it would count if it leaked), and tourism revenue red against a target it cannot reach, its
    // approved March result explained.
    const otop = f.kpis['50/K1.2.2'];
    const tourism = f.kpis['50/K1.2.1'];
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period IN ('2569-M04', '2569-M05')`, [otop]);
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = '2569-M06'`, [tourism]);
    await t.dataSource.query(
      `INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, status, narrative_th, submitted_by, approved_by,
                               approved_at, return_reason)
       VALUES ($1, 2569, '2569-M04', 98765.4321, 'draft', 'DRAFT-NARRATIVE', NULL, NULL, NULL, NULL),
              ($1, 2569, '2569-M05', 98765.4321, 'returned', 'RETURNED-NARRATIVE', $3, NULL, NULL, 'RETURN-REASON'),
              ($2, 2569, '2569-M06', 1500, 'approved', $5, $3, $4, '2026-04-02', NULL)`,
      [otop, tourism, f.userIds.officer50, f.userIds.approver50, RED_NARRATIVE],
    );
    await t.dataSource.query(`UPDATE kpi_target SET target = 999999 WHERE kpi_id = $1 AND period = '2569'`, [tourism]);
  });

  afterAll(() => t.close());

  it('is made on request, announced in the workspace room, audited, and listed for the province', async () => {
    const made = await as(t, f.tokens.approver50).post('/api/provinces/50/monthly-reports').send({ month: MONTH });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      orgUnitCode: '50',
      month: MONTH,
      fiscalYear: 2569,
      asOf: '2026-03-31',
      trigger: 'manual',
    });
    expect(made.body.pdfBytes).toBeGreaterThan(10_000);

    const [event] = await t.dataSource.query(
      `SELECT room, payload FROM realtime_event WHERE event = 'monthly-report.ready' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({
      room: 'workspace:50',
      payload: expect.objectContaining({ reportId: made.body.id, orgUnitCode: '50', month: MONTH }),
    });
    const [audit] = await t.dataSource.query(
      `SELECT action, user_id FROM audit_event WHERE entity = 'monthly_report' AND entity_id = $1`,
      [made.body.id],
    );
    expect(audit).toEqual({ action: 'insert', user_id: f.userIds.approver50 });

    const list = await as(t, f.tokens.governor50).get('/api/provinces/50/monthly-reports').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: made.body.id, pdfUrl: `/api/monthly-reports/${made.body.id}/pdf` }),
    ]);
    await as(t, f.tokens.officer52).get('/api/provinces/50/monthly-reports').expect(403);
    await as(t, f.tokens.officer52).get(`/api/monthly-reports/${made.body.id}/pdf`).expect(403);
  });

  it('is open to the public by province and month, files included, without a sign-in', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM monthly_report ORDER BY created_at DESC LIMIT 1`);
    const list = await as(t, null).get('/api/public/provinces/50/monthly-reports').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id,
        orgUnitCode: '50',
        month: MONTH,
        pdfUrl: `/api/public/monthly-reports/${id}/pdf`,
        xlsxUrl: `/api/public/monthly-reports/${id}/xlsx`,
      }),
    ]);
    expect((await as(t, null).get('/api/public/provinces/52/monthly-reports').expect(200)).body).toEqual([]);
    const pdf = await as(t, null).get(`/api/public/monthly-reports/${id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await as(t, null).get(`/api/public/monthly-reports/${id}/xlsx`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    await as(t, null).get(`/api/public/monthly-reports/${id}/doc`).expect(400);
    await as(t, null).get('/api/public/provinces/x/monthly-reports').expect(400);
  });

  it('writes Thai text in the PDF, and shows no unapproved result or officer', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM monthly_report ORDER BY created_at DESC LIMIT 1`);
    const res = await as(t, f.tokens.governor50)
      .get(`/api/monthly-reports/${id}/pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Page 1 rendered to an image (poppler) is checked end to end: apps/api-e2e/src/start/pdf.e2e-spec.ts.
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const phrase of [
      'รายงานผลการดำเนินงานประจำเดือนมีนาคม 2569',
      'จังหวัดเชียงใหม่',
      'การเบิกจ่ายสะสมเทียบเป้าหมาย',
      'ตัวชี้วัดตามประเด็นยุทธศาสตร์',
      'คำอธิบายของจังหวัด',
      'K1.2.1',
      RED_NARRATIVE,
    ]) {
      expect(nfkc(text)).toContain(nfkc(phrase));
    }
    const users: { display_name: string }[] = await t.dataSource.query(`SELECT display_name FROM app_user`);
    for (const s of [...SECRETS, ...users.map((u) => u.display_name), '98,765', '98765']) expect(text).not.toContain(s);

    const xlsx = await as(t, f.tokens.governor50)
      .get(`/api/monthly-reports/${id}/xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['สรุป', 'ตัวชี้วัด', 'การเบิกจ่าย', 'ต่ำกว่าเป้าหมาย']);
    const cells = wb.worksheets
      .flatMap((w) => w.getSheetValues())
      .flat()
      .map((v) => String(v ?? ''))
      .join('|');
    for (const s of SECRETS) expect(cells).not.toContain(s);
    expect(cells).toContain(RED_NARRATIVE);
    expect(cells).not.toContain('98765.4321');
  });

  it('typesets Thai at word boundaries (pdftotext), and draws the disbursement bars (pdftoppm)', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM monthly_report WHERE month = '2026-03-01' LIMIT 1`);
    const res = await as(t, f.tokens.governor50)
      .get(`/api/monthly-reports/${id}/pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'provdash-report-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, res.body as Buffer);
      // -raw: the text in drawing order, a line of output per line drawn (cells of a row side by side).
      const lines = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).normalize('NFKC').split('\n');
      const words = lines.flatMap((l) => l.split(/\s+/)).filter(Boolean);
      // "ร้อยละของเป้า" (the KPI table's header) was drawn "ร้อยละของเ" / "ป้า": the word เป้า is whole.
      expect(words.filter((w) => w.includes('เป้า')).length).toBeGreaterThan(0);
      expect(words.filter((w) => w.endsWith('ป้า') && !w.endsWith('เป้า'))).toEqual([]);
      // A Thai leading vowel never ends a drawn line: it belongs to the syllable after it.
      expect(words.filter((w) => /[เแโใไ]$/.test(w))).toEqual([]);
      // An opening bracket never ends a line, a closing one never starts one.
      expect(words.filter((w) => w === '(' || w.endsWith('('))).toEqual([]);
      expect(lines.filter((l) => l.startsWith(')'))).toEqual([]);
      expect(nfkc(lines.join(''))).toContain(nfkc('(GPP)'));

      // Page 1, rendered: the chart's bars (#1565c0) are there, October to March.
      poppler('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      const page = readdirSync(dir).find((n) => n.endsWith('.ppm'));
      expect(page).toBeDefined();
      expect(pixelsNear(readFileSync(join(dir, page as string)), [0x15, 0x65, 0xc0])).toBeGreaterThan(400);
      const text = nfkc(lines.join(''));
      for (const month of ['ต.ค.', 'มี.ค.', 'ก.ย.']) expect(text).toContain(nfkc(month));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in words that a year without allocated budget has no disbursement to chart', async () => {
    // The demo budgets the current fiscal year and the three before it; its plan's first year (FY 2566
    // on the fixture's day) has none.
    const made = await as(t, f.tokens.approver50).post('/api/provinces/50/monthly-reports').send({ month: '2023-09' });
    expect(made.status).toBe(201);
    const res = await as(t, f.tokens.governor50).get(made.body.pdfUrl).buffer(true).parse(binary).expect(200);
    const { text } = await pdfText(res.body as Buffer);
    expect(nfkc(text)).toContain(nfkc('ยังไม่มีโครงการที่ได้รับจัดสรรงบประมาณในปีงบประมาณ พ.ศ. 2566'));
  });

  it('on schedule makes every province’s report once, however many instances run it', async () => {
    const reports = t.app.get(MonthlyReportsService);
    expect(previousMonth('2026-04-05')).toBe('2026-03');
    expect(previousMonth('2026-01-05')).toBe('2025-12');
    // The scheduled run is the scheduler's job, worked by this app's own worker.
    const jobs = t.app.get(Jobs);
    const id = await jobs.send('monthly-reports', { month: '2026-02' });
    expect(id).toBeTruthy();
    await waitFor(async () => (await jobs.state('monthly-reports', String(id))) === 'completed', 240_000);
    // A retried run, or another instance's run racing it, makes nothing twice.
    const [first, second] = await Promise.all([reports.generateAll('2026-02'), reports.generateAll('2026-02')]);
    expect(first + second).toBe(0);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM monthly_report WHERE month = '2026-02-01' AND trigger = 'schedule'`,
    );
    expect(n).toBe(77);
  }, 300_000);

  it('is declared once, on the 5th at 06:00 Bangkok time, retried with back-off', () => {
    expect(JOBS['monthly-reports']).toMatchObject({ cron: '0 6 5 * *' });
    expect(JOBS['monthly-reports'].retryLimit).toBeGreaterThan(0);
  });
});
