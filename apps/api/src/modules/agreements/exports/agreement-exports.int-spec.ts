import type { AgreementDto, AgreementScorecardDto, AgreementTemplateDto } from '@provdash/shared/contracts';
import { formatAgreementScore } from '@provdash/shared/domain';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { as, Fixture, seedFixture } from '../../../testing/fixtures';
import { pdfText } from '../../../testing/pdf-text';
import { bootTestApp, TestApp } from '../../../testing/test-app';
import { HEADER_ROW, SCORECARD_COLUMNS, SCORECARD_SHEET } from './agreement-xlsx';

/** supertest collects binary bodies only when told how. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Thai text as it copies out of the PDF: SARA AM is set as NIKHAHIT + SARA AA (see forShaping in
 * agreement-pdf.ts), its compatibility decomposition, so texts are compared NFKC-normalised.
 */
const nfkc = (s: string) => s.normalize('NFKC');

/**
 * The agreement's PDF and spreadsheet on the demo data (every province has a signed FY 2569
 * agreement with its 6-month round evaluated), checked against the JSON scorecard for the same day.
 */
describe('agreement exports: PDF and xlsx (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const FY = 2569;
  const AS_OF = '2026-06-30';
  const query = `fiscalYear=${FY}&asOf=${AS_OF}`;
  let card: AgreementScorecardDto;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    const res = await anyone().get(`/api/org-units/50/agreement-scorecard?${query}`);
    expect(res.status).toBe(200);
    card = res.body;
  });

  afterAll(() => t.close());

  const anyone = () => as(t, null);
  const download = (url: string, token: string | null = null) => as(t, token).get(url).buffer(true).parse(binary);

  describe('GET /api/org-units/:code/agreement.pdf', () => {
    let res: Response;
    let text: string;

    beforeAll(async () => {
      res = await download(`/api/org-units/50/agreement.pdf?${query}`);
      expect(res.status).toBe(200);
      text = (await pdfText(res.body)).text;
    });

    it('is a PDF, streamed with a Thai file name and not cached', () => {
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="agreement-50-2569.pdf"; filename*=UTF-8''` +
          encodeURIComponent('คำรับรองการปฏิบัติราชการ-จังหวัดเชียงใหม่-2569.pdf'),
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(body.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    });

    it('embeds Sarabun (subset, TrueType) and no other font', () => {
      const raw = (res.body as Buffer).toString('latin1');
      const fonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+-]+)/g)].map((m) => m[1]);
      expect(new Set(fonts.map((name) => name.replace(/^[A-Z]{6}\+/, '')))).toEqual(
        new Set(['Sarabun-Regular', 'Sarabun-Bold']),
      );
      for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Sarabun-(Regular|Bold)$/);
      expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(raw).toMatch(/\/ToUnicode \d+ 0 R/);
    });

    it('reads as the official agreement: title, province, parties, B.E. period, signature block', () => {
      const th = nfkc(text);
      for (const expected of [
        'คำรับรองการปฏิบัติราชการ',
        'จังหวัดเชียงใหม่',
        'ประจำปีงบประมาณ พ.ศ. 2569',
        'ผู้รับคำรับรอง',
        'ผู้ทำคำรับรอง',
        'ตั้งแต่วันที่ 1 ต.ค. 2568 ถึงวันที่ 30 ก.ย. 2569',
        'ผลการดำเนินงาน ณ วันที่ 30 มิ.ย. 2569',
        'ปลัดกระทรวงมหาดไทย',
        'ผู้ว่าราชการจังหวัดเชียงใหม่',
      ]) {
        expect(th).toContain(nfkc(expected));
      }
      expect(text).toContain('เชียงใหม่');
      expect(th).not.toContain(nfkc('ร่าง ยังไม่ได้ลงนาม'));
    });

    it("carries the scorecard API's numbers: the weighted score, each indicator's score, the frozen round", () => {
      expect(card.live.formatted).toMatch(/^[0-5]\.\d{4}$/);
      expect(text).toContain(card.live.formatted as string);
      expect(nfkc(text)).toContain(nfkc(`คะแนนรวมถ่วงน้ำหนัก ณ วันที่ 30 มิ.ย. 2569 ${card.live.formatted}`));
      for (const line of card.live.indicators) {
        expect(text).toContain(line.code);
        if (line.score !== null) expect(text).toContain(formatAgreementScore(line.score));
      }
      // By the fixture's day (15 Nov 2026) both rounds of FY 2569 are evaluated; the 6-month one comes first.
      expect(card.rounds.map((r) => r.round)).toEqual([6, 12]);
      expect(text).toContain(card.rounds[0].formatted);
      expect(nfkc(text)).toContain(nfkc('รอบ 6 เดือน'));
    });

    it('answers 404 for a province without an agreement that year, 400 for a malformed query', async () => {
      expect((await anyone().get(`/api/org-units/50/agreement.pdf?fiscalYear=2560`)).status).toBe(404);
      expect((await anyone().get(`/api/org-units/99/agreement.pdf?${query}`)).status).toBe(404);
      expect((await anyone().get(`/api/org-units/50/agreement.pdf?fiscalYear=abc`)).status).toBe(400);
      expect((await anyone().get(`/api/org-units/50/agreement.pdf?asOf=2026-02-30`)).status).toBe(400);
    });
  });

  describe('GET /api/org-units/:code/agreement-scorecard.xlsx', () => {
    let res: Response;
    let wb: Workbook;

    beforeAll(async () => {
      res = await download(`/api/org-units/50/agreement-scorecard.xlsx?${query}`);
      expect(res.status).toBe(200);
      wb = new Workbook();
      await wb.xlsx.load(res.body);
    });

    const col = (header: string) => SCORECARD_COLUMNS.findIndex((c) => c.header === header) + 1;

    it('is an xlsx download with a Thai file name', () => {
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="agreement-scorecard-50-2569.xlsx"; filename*=UTF-8''` +
          encodeURIComponent('คะแนนคำรับรอง-จังหวัดเชียงใหม่-2569.xlsx'),
      );
    });

    it('has the same indicator rows, weights and scores as the API, as numbers with number formats', () => {
      const ws = wb.getWorksheet(SCORECARD_SHEET);
      if (!ws) throw new Error(`no sheet ${SCORECARD_SHEET}`);
      expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(SCORECARD_COLUMNS.map((c) => c.header));
      expect(String(ws.getCell(1, 1).value)).toContain('จังหวัดเชียงใหม่');

      card.live.indicators.forEach((line, k) => {
        const row = ws.getRow(HEADER_ROW + 1 + k);
        const cell = (header: string) => row.getCell(col(header));
        expect(cell('รหัส').value).toBe(line.code);
        expect(cell('ตัวชี้วัด').value).toBe(line.nameTh);
        expect(cell('น้ำหนัก (ร้อยละ)').value).toBe(line.weight);
        expect(typeof cell('น้ำหนัก (ร้อยละ)').value).toBe('number');
        expect(cell('น้ำหนัก (ร้อยละ)').numFmt).toBe('#,##0.00');
        expect([1, 2, 3, 4, 5].map((l) => cell(`เกณฑ์ระดับ ${l}`).value)).toEqual(line.levels);
        expect(cell('ผลการดำเนินงาน').value).toBe(line.actual);
        expect(cell('คะแนน (0–5)').value).toBe(line.score);
        expect(cell('คะแนน (0–5)').numFmt).toBe('0.0000');
        expect(cell('คะแนนถ่วงน้ำหนัก').value).toBe(line.contribution);
      });
      const total = ws.getRow(HEADER_ROW + 1 + card.live.indicators.length);
      expect(total.getCell(col('คะแนนถ่วงน้ำหนัก')).value).toBe(card.live.score);
      expect(total.getCell(col('น้ำหนัก (ร้อยละ)')).value).toBe(card.live.countedWeight);
      expect(card.live.indicators.some((l) => l.score !== null)).toBe(true);

      const rounds = ws.getRow(HEADER_ROW + card.live.indicators.length + 4);
      expect(rounds.getCell(1).value).toBe('รอบ 6 เดือน');
      expect(rounds.getCell(6).value).toBe(card.rounds[0].score);
    });

    it('answers 404 where the scorecard does', async () => {
      expect((await anyone().get(`/api/org-units/50/agreement-scorecard.xlsx?fiscalYear=2560`)).status).toBe(404);
    });
  });

  /**
   * A draft answers 404 to everyone but the province's own people (and admins): the PDF goes through
   * AgreementsService.get, whose rule hides a draft's very existence, exactly as
   * GET /api/agreements/:id does. A 403 would tell the public that an unsigned draft exists.
   */
  describe('a draft agreement (FY 2571, derived for Chiang Mai: the demo signed FY 2570)', () => {
    const DRAFT_FY = 2571;
    let agreementId: string;

    beforeAll(async () => {
      const analyst = as(t, f.tokens.analyst);
      const template = await analyst
        .post('/api/agreement-templates')
        .send({ fiscalYear: DRAFT_FY, nameTh: 'แม่แบบ 2571', nameEn: 'Template 2571' });
      expect(template.status).toBe(201);
      const id = (template.body as AgreementTemplateDto).id;
      const added = await analyst.post(`/api/agreement-templates/${id}/indicators`).send({
        code: 'D1',
        nameTh: 'ร้อยละครัวเรือนที่เข้าถึงน้ำประปาที่มีคุณภาพ',
        nameEn: 'Households with quality tap water',
        unitTh: 'ร้อยละ',
        unitEn: '%',
        direction: 'higher_better',
        kind: 'scale',
        weight: 100,
        levels: [60, 65, 70, 75, 80],
      });
      expect(added.status).toBe(201);
      expect((await analyst.post(`/api/agreement-templates/${id}/publish`).send({ version: 1 })).status).toBe(200);
      const derived = await as(t, f.tokens.officer50)
        .post('/api/agreements')
        .send({ orgUnitCode: '50', templateId: id });
      expect(derived.status).toBe(201);
      expect((derived.body as AgreementDto).status).toBe('draft');
      agreementId = derived.body.id;
    });

    const url = `/api/org-units/50/agreement.pdf?fiscalYear=${DRAFT_FY}`;

    it('is not served to the public, another province or central staff: 404, like the agreement itself', async () => {
      for (const token of [null, f.tokens.officer52, f.tokens.analyst, f.tokens.clusterC15]) {
        expect((await as(t, token).get(url)).status).toBe(404);
      }
      expect((await anyone().get(`/api/agreements/${agreementId}`)).status).toBe(404);
      expect((await anyone().get(`/api/org-units/50/agreement-scorecard.xlsx?fiscalYear=${DRAFT_FY}`)).status).toBe(
        404,
      );
    });

    it("is served to the province's own people, marked as an unsigned draft", async () => {
      for (const token of [f.tokens.officer50, f.tokens.governor50, f.tokens.admin]) {
        const res = await download(url, token);
        expect(res.status).toBe(200);
        const text = nfkc((await pdfText(res.body)).text);
        expect(text).toContain(nfkc('ร่าง ยังไม่ได้ลงนาม'));
        expect(text).toContain(nfkc('ร้อยละครัวเรือนที่เข้าถึงน้ำประปาที่มีคุณภาพ'.slice(0, 12)));
        expect(text).toContain(nfkc('ประจำปีงบประมาณ พ.ศ. 2571'));
      }
    });
  });
});
