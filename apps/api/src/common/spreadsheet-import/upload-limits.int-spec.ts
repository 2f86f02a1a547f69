import { as, auditCount, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { manyRows, padding, rowXml, workbookOf } from '../../testing/xlsx-files';

const FY = 2569;

/**
 * Hostile spreadsheets against both import routes (issue 17, finding 2): each answers 400 naming
 * the limit it crossed (the `code` and the message, in the caller's language), and nothing is written.
 * How early each read stops is asserted in spreadsheet-reader.spec.ts.
 */
describe('spreadsheet upload limits (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const written = async () => ({
    audits: await auditCount(t),
    results: (await t.dataSource.query(`SELECT count(*)::int AS n FROM kpi_result`))[0].n,
    batches: (await t.dataSource.query(`SELECT count(*)::int AS n FROM disbursement_batch`))[0].n,
  });
  const results = (file: Buffer, lang = 'th') =>
    as(t, f.tokens.officer50)
      .post(`/api/provinces/50/results-import?fiscalYear=${FY}`)
      .set('Accept-Language', lang)
      .attach('file', file, 'results.xlsx');
  const gfmis = (file: Buffer, lang = 'th') =>
    as(t, f.tokens.officer50)
      .post(`/api/provinces/50/disbursement-imports?fiscalYear=${FY}`)
      .set('Accept-Language', lang)
      .attach('file', file, 'gfmis.xlsx');

  it('a workbook whose sheet lies about its unpacked size: 400 "unpacked size", nothing written', async () => {
    const before = await written();
    const bomb = workbookOf(
      [rowXml(1, ['รหัสโครงการ', 'เดือน', 'เลขที่เอกสาร', 'เบิกจ่าย']), ...padding(260 * 1024 * 1024)],
      { declaredSize: 2048 },
    );
    const res = await gfmis(bomb, 'en');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'import.limitUnpacked',
      message:
        'The .xlsx file unpacks to more than the limit (at most 200 MB unpacked); it is damaged or not a data table.',
    });
    expect(await written()).toEqual(before);
  }, 120_000);

  it('a results workbook of 5,001 rows: 400 "too many rows" in Thai, nothing written', async () => {
    const before = await written();
    const file = workbookOf([
      rowXml(1, ['รหัสตัวชี้วัด', 'งวด', 'ค่า']),
      ...manyRows(2, 5001, () => ['50/K1.2.1', '2569-M01', 1]),
    ]);
    const res = await results(file);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'import.tooManyRows',
      message: 'ไฟล์มีจำนวนแถวมากเกินกำหนด (ไม่เกิน 5,000 แถว)',
    });
    expect(await written()).toEqual(before);
  }, 60_000);

  it('a workbook of 1,001 parts: 400 "too many parts" on both routes', async () => {
    const junk = Array.from({ length: 1001 }, (_, i) => ({ name: `xl/media/${i}.bin`, parts: ['x'] }));
    const file = workbookOf([rowXml(1, ['รหัสตัวชี้วัด', 'งวด', 'ค่า'])], { extra: junk });
    for (const send of [results, gfmis]) {
      const res = await send(file, 'en');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'import.limitEntries',
        message: 'The .xlsx file holds too many parts inside (at most 1,000).',
      });
    }
  });

  it('a CSV with a line of a million commas: 400 "too many cells"', async () => {
    const res = await results(Buffer.from('รหัสตัวชี้วัด,งวด,ค่า\n' + ','.repeat(1_000_000)));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'import.limitCells', message: expect.stringContaining('เซลล์') });
  });
});
