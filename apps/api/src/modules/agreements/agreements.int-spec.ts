import type {
  AgreementDistributionDto,
  AgreementDto,
  AgreementRankingDto,
  AgreementScorecardDto,
  AgreementTemplateDto,
} from '@provdash/shared/contracts';
import { as, auditCount, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * A performance agreement's year through the REST API on a real database: a national template →
 * Chiang Mai's agreement → signed → KPI results approved through the results API move the live
 * score → the 6-month round is frozen → a later correction moves the live score but never the
 * round. FY 2566 is used: the demo seeds agreements for 2567–2569 and its rounds are long over.
 */
describe('performance agreements (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const ids: Record<string, string> = {};
  const FY = 2566;
  const H1_DONE = '2023-04-01';

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const analyst = () => as(t, f.tokens.analyst);
  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);
  const anyone = () => as(t, null);
  const agreement = async (asOf = H1_DONE) =>
    (await officer().get(`/api/agreements/${ids.agreement}?asOf=${asOf}`)).body as AgreementDto;
  const indicator = (a: AgreementDto, code: string) =>
    a.indicators.find((i) => i.code === code) as AgreementDto['indicators'][number];
  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

  /** Enters, submits and approves a K2.1.2 (quarterly ratio) result through the KPI results API. */
  async function approvedRatio(period: string, numerator: string, version?: number) {
    const url = `/api/kpis/${f.kpis['50/K2.1.2']}/results/${period}`;
    const saved = await officer().put(url).send({ numerator, denominator: '100', version });
    expect(saved.status).toBe(200);
    const submitted = await officer().post(`${url}/submit`).send({ version: saved.body.version });
    expect(submitted.status).toBe(200);
    const approved = await approver().post(`${url}/approve`).send({ version: submitted.body.version });
    expect(approved.status).toBe(200);
    return approved.body.version as number;
  }

  it('builds a national template; non-monotonic levels and a sum of 99.99 are refused', async () => {
    const created = await analyst()
      .post('/api/agreement-templates')
      .send({ fiscalYear: FY, nameTh: 'แม่แบบคำรับรอง (ทดสอบ)', nameEn: 'Test template' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, indicators: [] });
    ids.template = created.body.id;
    const url = `/api/agreement-templates/${ids.template}/indicators`;

    const base = {
      code: 'T1',
      nameTh: 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ',
      nameEn: 'Elderly screened',
      unitTh: 'ร้อยละ',
      unitEn: '%',
      direction: 'higher_better',
      kind: 'scale',
      weight: 60,
      kpiCode: 'K2.1.2',
    };
    const flat = await analyst()
      .post(url)
      .send({ ...base, levels: [60, 65, 65, 75, 80] });
    expect(flat.status).toBe(422);
    expect(fields(flat.body)).toEqual(['indicator.levels']);
    expect(flat.body.details[0].messages[0]).toBe('เกณฑ์ต้องเพิ่มขึ้นจากระดับ 1 ถึงระดับ 5 (ยิ่งมากยิ่งดี)');

    expect(
      (
        await analyst()
          .post(url)
          .send({ ...base, levels: [60, 65, 70, 75, 80] })
      ).status,
    ).toBe(201);
    const milestone = await analyst()
      .post(url)
      .send({
        code: 'T2',
        nameTh: 'ระดับความสำเร็จของการขับเคลื่อนแผนพัฒนาจังหวัด',
        nameEn: 'Plan put into practice',
        unitTh: 'ระดับ',
        unitEn: 'level',
        direction: 'higher_better',
        kind: 'milestone',
        weight: '39.99',
        levels: ['1', '2', '3', '4', '5'],
      });
    expect(milestone.status).toBe(201);
    const template = milestone.body as AgreementTemplateDto;
    expect(template.indicators.map((i) => [i.code, i.weight, i.seq])).toEqual([
      ['T1', '60.00', 1],
      ['T2', '39.99', 2],
    ]);

    const short = await analyst().post(`/api/agreement-templates/${ids.template}/publish`).send({ version: 1 });
    expect(short.status).toBe(422);
    expect(fields(short.body)).toEqual(['weights']);

    const t2 = template.indicators[1];
    const fixed = await analyst().patch(`${url}/${t2.id}`).send({ version: t2.version, weight: 40 });
    expect(fixed.status).toBe(200);
    const published = await analyst().post(`/api/agreement-templates/${ids.template}/publish`).send({ version: 1 });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    // Published: frozen.
    expect((await analyst().patch(`${url}/${t2.id}`).send({ version: 2, weight: 40 })).status).toBe(409);
    expect((await anyone().get(`/api/agreement-templates?fiscalYear=${FY}`)).body).toHaveLength(1);
  });

  it("derives Chiang Mai's agreement, linked to its own KPI; drafts stay with the province", async () => {
    const res = await officer().post('/api/agreements').send({ orgUnitCode: '50', templateId: ids.template });
    expect(res.status).toBe(201);
    const a = res.body as AgreementDto;
    ids.agreement = a.id;
    expect(a).toMatchObject({ orgUnitCode: '50', fiscalYear: FY, status: 'draft', version: 1 });
    expect(indicator(a, 'T1')).toMatchObject({ kpiId: f.kpis['50/K2.1.2'], kpiCode: 'K2.1.2', fromTemplate: true });
    expect(indicator(a, 'T2')).toMatchObject({ kpiId: null, weight: '40.00', levels: ['1', '2', '3', '4', '5'] });
    ids.t1 = indicator(a, 'T1').id;
    ids.t2 = indicator(a, 'T2').id;

    expect((await anyone().get(`/api/agreements/${a.id}`)).status).toBe(404);
    expect((await as(t, f.tokens.analyst).get(`/api/agreements/${a.id}`)).status).toBe(404);
    expect((await as(t, f.tokens.governor50).get(`/api/agreements/${a.id}`)).status).toBe(200);
    expect((await officer().post('/api/agreements').send({ orgUnitCode: '50', templateId: ids.template })).status).toBe(
      409,
    );
  });

  it('refuses a weight sum of 99.99, non-monotonic levels and a stale version, writing nothing', async () => {
    const audits = await auditCount(t);
    const url = `/api/agreements/${ids.agreement}/indicators`;
    const short = await officer()
      .patch(url)
      .send({ indicators: [{ id: ids.t1, version: 1, weight: '59.99' }] });
    expect(short.status).toBe(422);
    expect(short.body.details).toEqual([{ field: 'weights', messages: ['ผลรวมน้ำหนักต้องเท่ากับ 100 พอดี'] }]);

    const flat = await officer()
      .patch(url)
      .send({ indicators: [{ id: ids.t1, version: 1, levels: [60, 65, 65, 75, 80] }] });
    expect(flat.status).toBe(422);
    expect(fields(flat.body)).toEqual(['indicators.T1.levels']);

    const stale = await officer()
      .patch(url)
      .send({ indicators: [{ id: ids.t1, version: 7, levels: [61, 65, 70, 75, 80] }] });
    expect(stale.status).toBe(409);
    expect(await auditCount(t)).toBe(audits);

    // While draft, a change needs no reason and is no amendment.
    const moved = await officer()
      .patch(url)
      .send({
        indicators: [
          { id: ids.t1, version: 1, weight: 50 },
          { id: ids.t2, version: 1, weight: 50 },
        ],
      });
    expect(moved.status).toBe(200);
    const back = await officer()
      .patch(url)
      .send({
        indicators: [
          { id: ids.t1, version: 2, weight: 60 },
          { id: ids.t2, version: 2, weight: 40 },
        ],
      });
    expect(back.status).toBe(200);
    expect((back.body as AgreementDto).amendments).toEqual([]);
    expect(await auditCount(t)).toBe(audits + 4);
  });

  it('is signed by the approver, with the version read', async () => {
    const sign = {
      signedByGovernor: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
      signedByMinistry: 'ปลัดกระทรวงมหาดไทย',
      signedAt: '2022-10-20',
    };
    expect(
      (
        await officer()
          .post(`/api/agreements/${ids.agreement}/sign`)
          .send({ ...sign, version: 1 })
      ).status,
    ).toBe(403);
    expect(
      (
        await approver()
          .post(`/api/agreements/${ids.agreement}/sign`)
          .send({ ...sign, version: 9 })
      ).status,
    ).toBe(409);
    const signed = await approver()
      .post(`/api/agreements/${ids.agreement}/sign`)
      .send({ ...sign, version: 1 });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'agreed', version: 2, signedAt: '2022-10-20' });
    expect((await anyone().get(`/api/agreements/${ids.agreement}`)).status).toBe(200);
  });

  it('moves the live score as KPI results are approved and manual results arrive', async () => {
    expect((await agreement()).live).toMatchObject({ score: null, countedWeight: 0 });
    await approvedRatio(`${FY}-Q1`, '62');
    ids.q2Version = String(await approvedRatio(`${FY}-Q2`, '68'));
    // (62 + 68) / 200 = 65 % → level 2 on 60…80; the milestone has no result yet and leaves the live mean.
    let a = await agreement();
    expect(a.live.indicators[0]).toMatchObject({
      actual: 65,
      score: 2,
      counted: true,
      nextLevel: { level: 3, value: 70 },
    });
    expect(a.live).toMatchObject({ formatted: '2.0000', countedWeight: 60, policy: 'exclude' });

    const url = `/api/agreement-indicators/${ids.t2}/results/${FY}-H1`;
    expect((await officer().put(url).send({ value: '3' })).status).toBe(422);
    expect(
      (await officer().put(`/api/agreement-indicators/${ids.t1}/results/${FY}-H1`).send({ value: '3' })).status,
    ).toBe(422);
    const entered = await officer().put(url).send({ step: 3, narrativeTh: 'จัดทำแผนปฏิบัติการแล้วเสร็จ' });
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ status: 'draft', step: 3, value: null, version: 1 });
    // Drafts do not count.
    expect((await agreement()).live.formatted).toBe('2.0000');
    expect((await officer().post(`${url}/approve`).send({ version: 1 })).status).toBe(403);
    expect((await approver().post(`${url}/approve`).send({ version: 1 })).body.status).toBe('approved');
    // 60 × 2 + 40 × 3 = 240 → 2.4000.
    a = await agreement();
    expect(a.live.formatted).toBe('2.4000');
    expect(indicator(a, 'T2').results.map((r) => r.status)).toEqual(['approved']);
  });

  it('evaluates the 6-month round: score and snapshot frozen', async () => {
    const before = await agreement();
    expect(
      (await officer().post(`/api/agreements/${ids.agreement}/rounds/6/evaluate`).send({ version: 2 })).status,
    ).toBe(403);
    expect(
      (await approver().post(`/api/agreements/${ids.agreement}/rounds/12/evaluate`).send({ version: 2 })).status,
    ).toBe(409);
    expect(
      (await approver().post(`/api/agreements/${ids.agreement}/rounds/7/evaluate`).send({ version: 2 })).status,
    ).toBe(400);
    const res = await approver()
      .post(`/api/agreements/${ids.agreement}/rounds/6/evaluate`)
      .send({ version: before.version });
    expect(res.status).toBe(200);
    const a = res.body as AgreementDto;
    expect(a.status).toBe('evaluated_6');
    expect(a.rounds).toHaveLength(1);
    expect(a.rounds[0]).toMatchObject({ round: 6, score: '2.4000' });
    expect(a.rounds[0].snapshot).toMatchObject({ asOf: H1_DONE, policy: 'zero', formatted: '2.4000' });
    expect(a.rounds[0].snapshot.indicators.map((l) => [l.code, l.actual, l.score])).toEqual([
      ['T1', 65, 2],
      ['T2', 3, 3],
    ]);
    ids.round = JSON.stringify(a.rounds[0]);
    expect(
      (await approver().post(`/api/agreements/${ids.agreement}/rounds/6/evaluate`).send({ version: a.version })).status,
    ).toBe(409);
  });

  it('a later result change moves the live score, never the frozen round', async () => {
    const url = `/api/kpis/${f.kpis['50/K2.1.2']}/results/${FY}-Q2`;
    const reopened = await approver()
      .post(`${url}/reopen`)
      .send({ version: Number(ids.q2Version), reason: 'ตัวเลขยังไม่รวมอำเภอแม่แจ่ม' });
    expect(reopened.status).toBe(200);
    await approvedRatio(`${FY}-Q2`, '78', reopened.body.version);
    // (62 + 78) / 200 = 70 % → level 3: 60 × 3 + 40 × 3 = 300 → 3.0000.
    const a = await agreement();
    expect(a.live.formatted).toBe('3.0000');
    expect(JSON.stringify(a.rounds[0])).toBe(ids.round);
    // Frozen in the database too: no statement rewrites a round.
    await expect(
      t.dataSource.query(`UPDATE agreement_round SET score = 5 WHERE agreement_id = $1`, [ids.agreement]),
    ).rejects.toThrow(/frozen/);
    const card = (await anyone().get(`/api/org-units/50/agreement-scorecard?fiscalYear=${FY}&asOf=${H1_DONE}`))
      .body as AgreementScorecardDto;
    expect(card.live.formatted).toBe('3.0000');
    expect(card.rounds).toEqual([expect.objectContaining({ round: 6, score: 2.4, formatted: '2.4000' })]);
  });

  it('after agreement, a change without a reason is refused; with one it is recorded as an amendment', async () => {
    const url = `/api/agreements/${ids.agreement}/indicators`;
    const t1 = indicator(await agreement(), 'T1');
    const audits = await auditCount(t);
    const change = { indicators: [{ id: ids.t1, version: t1.version, levels: [62, 66, 70, 74, 78] }] };
    const refused = await officer().patch(url).send(change);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('คำรับรองลงนามแล้ว การแก้ไขต้องระบุเหตุผลและจะถูกบันทึกเป็นการแก้ไขคำรับรอง');
    expect(await auditCount(t)).toBe(audits);

    const amended = await officer()
      .patch(url)
      .send({ ...change, reason: 'ปรับเกณฑ์ตามมติคณะกรรมการติดตามผล' });
    expect(amended.status).toBe(200);
    const a = amended.body as AgreementDto;
    expect(a.amendments).toHaveLength(1);
    expect(a.amendments[0]).toMatchObject({ reason: 'ปรับเกณฑ์ตามมติคณะกรรมการติดตามผล', madeBy: f.userIds.officer50 });
    expect(a.amendments[0].changes).toEqual([
      expect.objectContaining({
        indicatorId: ids.t1,
        code: 'T1',
        action: 'update',
        before: expect.objectContaining({ levels: ['60', '65', '70', '75', '80'] }),
        after: expect.objectContaining({ levels: ['62', '66', '70', '74', '78'] }),
      }),
    ]);
    // The indicator row and the amendment, in one transaction.
    const trail = await t.dataSource.query(`SELECT entity FROM audit_event ORDER BY id DESC LIMIT 2`);
    expect(trail.map((r: { entity: string }) => r.entity).sort()).toEqual([
      'agreement_amendment',
      'agreement_indicator',
    ]);
    expect(await auditCount(t)).toBe(audits + 2);
    expect(JSON.stringify(a.rounds[0])).toBe(ids.round);
  });

  it('adds a province-specific indicator after agreement, re-weighting the others in the same amendment', async () => {
    const a = await agreement();
    const t1 = indicator(a, 'T1');
    const add = {
      reason: 'เพิ่มตัวชี้วัดเฉพาะจังหวัดตามนโยบายผู้ว่าราชการจังหวัด',
      indicator: {
        code: 'CM1',
        nameTh: 'จำนวนจุดความร้อนสะสมลดลง',
        nameEn: 'Fewer hotspots',
        unitTh: 'ร้อยละ',
        unitEn: '%',
        direction: 'higher_better',
        kind: 'scale',
        weight: 10,
        levels: [10, 15, 20, 25, 30],
      },
    };
    const unbalanced = await officer().post(`/api/agreements/${ids.agreement}/indicators`).send(add);
    expect(unbalanced.status).toBe(422);
    expect(fields(unbalanced.body)).toEqual(['weights']);
    const added = await officer()
      .post(`/api/agreements/${ids.agreement}/indicators`)
      .send({ ...add, weights: [{ id: t1.id, version: t1.version, weight: 50 }] });
    expect(added.status).toBe(201);
    const b = added.body as AgreementDto;
    expect(b.indicators.map((i) => [i.code, i.weight, i.fromTemplate])).toEqual([
      ['T1', '50.00', true],
      ['T2', '40.00', true],
      ['CM1', '10.00', false],
    ]);
    expect(b.amendments[1].changes.map((c) => [c.code, c.action])).toEqual([
      ['T1', 'update'],
      ['CM1', 'add'],
    ]);
  });

  it('has demo agreements as of the fixture day (2026-11-15): 2567–2569 with both rounds evaluated, 2570 signed', async () => {
    const rows: { fiscal_year: number; status: string; n: number; rounds: string }[] = await t.dataSource.query(`
      SELECT a.fiscal_year, a.status, count(DISTINCT a.id)::int AS n, string_agg(DISTINCT r.round::text, ',') AS rounds
      FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id JOIN agreement_round r ON r.agreement_id = a.id
      WHERE u.type = 'province' AND a.fiscal_year BETWEEN 2567 AND 2569 GROUP BY 1, 2 ORDER BY 1`);
    expect(rows).toEqual([
      { fiscal_year: 2567, status: 'evaluated_12', n: 77, rounds: '12,6' },
      { fiscal_year: 2568, status: 'evaluated_12', n: 77, rounds: '12,6' },
      // Its 12-month round was evaluated on 25 October 2026, before the fixture day.
      { fiscal_year: 2569, status: 'evaluated_12', n: 77, rounds: '12,6' },
    ]);
    const current: { status: string; n: number; rounds: number }[] = await t.dataSource.query(`
      SELECT a.status, count(*)::int AS n, count(r.agreement_id)::int AS rounds
      FROM agreement a LEFT JOIN agreement_round r ON r.agreement_id = a.id WHERE a.fiscal_year = 2570 GROUP BY 1`);
    expect(current).toEqual([{ status: 'agreed', n: 77, rounds: 0 }]);
    const [{ weights }] = await t.dataSource.query(
      `SELECT array_agg(DISTINCT total::text) AS weights FROM (SELECT sum(weight) AS total FROM agreement_indicator GROUP BY agreement_id) x`,
    );
    expect(weights).toEqual(['100.00']);
  });

  it('ranks all 77 provinces by live score and by the last round, with cluster means', async () => {
    const res = await anyone().get('/api/compare/agreements?fiscalYear=2569&asOf=2026-11-15');
    expect(res.status).toBe(200);
    const ranking = res.body as AgreementRankingDto;
    expect(ranking.rows).toHaveLength(77);
    expect(ranking.rows.every((r) => r.liveScore !== null && r.lastRound?.round === 12)).toBe(true);
    const ranks = ranking.rows.map((r) => r.liveRank as number);
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    // Ranked on the four decimals shown: equal figures share a rank.
    const shown = ranking.rows.map((r) => Number(r.liveFormatted));
    expect([...shown].sort((x, y) => y - x)).toEqual(shown);
    expect(ranking.clusters).toHaveLength(18);
    const c15 = ranking.clusters.find((c) => c.clusterCode === 'C15');
    const members = ranking.rows.filter((r) => r.clusterCode === 'C15');
    expect(c15?.provinces).toBe(members.length);
    expect(c15?.liveMean).toBeCloseTo(members.reduce((s, r) => s + (r.liveScore ?? 0), 0) / members.length, 10);
  });

  it("shows a province's scorecard and each indicator's spread across provinces (public, approved only)", async () => {
    const card = (await anyone().get('/api/org-units/50/agreement-scorecard?fiscalYear=2568&asOf=2025-10-01'))
      .body as AgreementScorecardDto;
    expect(card.live.indicators).toHaveLength(8);
    expect(card.live.indicators.filter((l) => l.kpiCode).map((l) => l.kpiCode)).toEqual(['K2.1.2', 'K3.1.2', 'K4.2.1']);
    const sum = card.live.indicators.reduce((s, l) => s + (l.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(card.live.score as number, 10);
    expect(card.rounds.map((r) => r.round)).toEqual([6, 12]);
    // As of the 12-month round's day, with every result in, live and frozen agree.
    expect(card.live.formatted).toBe(card.rounds[1].formatted);

    const dist = (await anyone().get('/api/compare/agreement-indicators?fiscalYear=2569&asOf=2026-11-15'))
      .body as AgreementDistributionDto;
    expect(dist.indicators.map((i) => i.code)).toEqual(['PA1', 'PA2', 'PA3', 'PA4', 'PA5', 'PA6', 'PA7', 'PA8']);
    for (const i of dist.indicators) {
      expect(i.provinces).toBe(77);
      expect(i.bands.reduce((s, n) => s + n, 0)).toBe(i.scored);
      expect(i.min as number).toBeLessThanOrEqual(i.median as number);
    }
    expect((await anyone().get('/api/org-units/50/agreement-scorecard?fiscalYear=2571')).status).toBe(404);
  });
});
