import type { KpiDefinitionDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/*
 * Hard limits refuse impossible values on the server, whatever the form or the file says: negative
 * tourism revenue, a reservoir at 500 % of capacity, a screening rate above 100 %. The soft outlier
 * confirmation cannot let them through. FY 2569 is over, so every period of it is open.
 */
const FY = 2569;
const TOURISM = '50/K1.2.1'; // monthly sum, ล้านบาท: never below 0
const RESERVOIR = '50/K3.2.2'; // monthly last, ร้อยละของความจุ: 0–100
const SCREENING = '50/K2.1.2'; // quarterly ratio × 100, ร้อยละ: the rate in 0–100
const GPP = '50/K1.1.1'; // yearly, ร้อยละ growth: −100 and up

describe('KPI hard limits (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    for (const kpi of [TOURISM, RESERVOIR, SCREENING, GPP]) {
      await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = $2`, [f.kpis[kpi], FY]);
    }
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const put = (kpi: string, period: string, body: object, lang = 'th') =>
    officer().put(`/api/kpis/${f.kpis[kpi]}/results/${period}`).set('Accept-Language', lang).send(body);
  const stored = async (kpi: string, period: string) =>
    (await t.dataSource.query(`SELECT value FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [f.kpis[kpi], period]))
      .length;

  it('refuses a negative amount with a message naming the limit, in Thai and English', async () => {
    const th = await put(TOURISM, '2569-M01', { value: '-1200' });
    expect(th.status).toBe(422);
    expect(th.body).toMatchObject({
      code: 'result.belowHardMin',
      message: 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่ต่ำกว่า 0 ล้านบาท',
    });
    const en = await put(TOURISM, '2569-M01', { value: '-1200' }, 'en');
    expect(en.body.message).toBe('This value is impossible: this KPI can never be below 0 million THB.');
    expect(await stored(TOURISM, '2569-M01')).toBe(0);
    expect((await put(TOURISM, '2569-M01', { value: '0' })).status).toBe(200);
  });

  it('refuses a percentage above 100 even when confirmed as an outlier with a note', async () => {
    const res = await put(RESERVOIR, '2569-M02', {
      value: '500',
      confirmOutlier: true,
      narrativeTh: 'น้ำท่วม',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'result.aboveHardMax',
      message: 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่เกิน 100 ร้อยละของความจุ',
    });
    expect(await stored(RESERVOIR, '2569-M02')).toBe(0);
    const full = await put(RESERVOIR, '2569-M02', { value: '100', confirmOutlier: true, narrativeTh: 'เต็มอ่าง' });
    expect(full.status).toBe(200);
  });

  it("checks a ratio KPI's rate, not its parts", async () => {
    const over = await put(SCREENING, '2569-Q1', { numerator: '501', denominator: '500' }, 'en');
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'result.aboveHardMax', message: expect.stringContaining('above 100 %') });
    expect((await put(SCREENING, '2569-Q1', { numerator: '500', denominator: '500' })).status).toBe(200);
  });

  it('lets a growth rate go negative, but not below −100 %', async () => {
    expect((await put(GPP, '2569', { value: '-3.2', confirmOutlier: true, narrativeTh: 'ภัยแล้ง' })).status).toBe(200);
    const res = await put(GPP, '2569', { value: '-101', confirmOutlier: true, narrativeTh: 'x' });
    expect(res.body).toMatchObject({ code: 'result.belowHardMin', message: expect.stringContaining('-100') });
  });

  it('exposes the limits on the KPI and lets the province set its own', async () => {
    const kpi = (await as(t, null).get(`/api/kpis/${f.kpis[RESERVOIR]}`)).body as KpiDefinitionDto;
    expect(kpi).toMatchObject({ hardMin: null, hardMax: null, hardLimits: { min: '0', max: '100' } });

    const crossed = await officer()
      .patch(`/api/kpis/${kpi.id}`)
      .send({ version: kpi.version, hardMin: '150', hardMax: '120' });
    expect(crossed.status).toBe(422);
    expect(crossed.body.code).toBe('kpi.hardLimitsInvalid');

    const raised = await officer().patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, hardMax: '120' });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ hardMin: null, hardMax: '120', hardLimits: { min: '0', max: '120' } });
    const res = await put(RESERVOIR, '2569-M03', { value: '110', confirmOutlier: true, narrativeTh: 'ล้นอ่าง' });
    expect(res.status).toBe(200);
    expect((await put(RESERVOIR, '2569-M04', { value: '121', confirmOutlier: true, narrativeTh: 'x' })).status).toBe(
      422,
    );
  });

  it('refuses an impossible value in a results file, naming the limit in the row error', async () => {
    const file = Buffer.from(
      '\ufeff' +
        [
          'รหัสตัวชี้วัด,งวด,ค่า,ตัวตั้ง,ตัวหาร,คำอธิบาย,ยืนยันค่าผิดปกติ',
          'K1.2.1,2569-M05,-50,,,,',
          'K1.2.1,2569-M06,40,,,,',
        ].join('\r\n') +
        '\r\n',
      'utf8',
    );
    const res = await officer()
      .post(`/api/provinces/50/results-import?fiscalYear=${FY}`)
      .attach('file', file, 'results.csv');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { row: 2, column: 'ค่า', message: 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่ต่ำกว่า 0 ล้านบาท' },
    ]);
    expect(await stored(TOURISM, '2569-M06')).toBe(0);
  });
});
