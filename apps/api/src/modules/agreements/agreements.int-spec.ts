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
 * score → the province submits its 6-month self-assessment → the central evaluator adjusts a
 * result with a reason and freezes the round → a later correction moves the live score but never the
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
    // A draft stays with the province: the ministry sees it once proposed.
    expect((await as(t, f.tokens.analyst).get(`/api/agreements/${a.id}`)).status).toBe(404);
    expect((await as(t, f.tokens.governor50).get(`/api/agreements/${a.id}`)).status).toBe(200);
    expect((await officer().post('/api/agreements').send({ orgUnitCode: '50', templateId: ids.template })).status).toBe(
      409,
    );
  });

  it("finds a province's agreement of a year by its code; a draft only for the province's people", async () => {
    const url = `/api/org-units/50/agreement?fiscalYear=${FY}`;
    const own = await officer().get(url);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: ids.agreement, status: 'draft', orgUnitCode: '50' });
    expect((await anyone().get(url)).status).toBe(404);
    expect((await as(t, f.tokens.officer52).get(url)).status).toBe(404);
    expect((await anyone().get(`/api/org-units/50/agreement?fiscalYear=2599`)).status).toBe(404);
    // A signed one is public, like GET /api/agreements/:id.
    const signed = await anyone().get(`/api/org-units/50/agreement?fiscalYear=2569`);
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('evaluated_12');
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

  it('is proposed by the province, each change from the template with its reason; a governor cannot propose', async () => {
    const url = `/api/agreements/${ids.agreement}`;
    const a = await agreement();
    expect((await as(t, f.tokens.governor50).post(`${url}/propose`).send({ version: a.version })).status).toBe(403);
    expect(
      (
        await officer()
          .post(`${url}/propose`)
          .send({ version: a.version + 5 })
      ).status,
    ).toBe(409);
    // Moved from the template's 60/40 with no reason: refused, naming each indicator's reason field.
    const moved = await officer()
      .patch(`${url}/indicators`)
      .send({
        indicators: [
          { id: ids.t1, version: indicator(a, 'T1').version, weight: 55 },
          { id: ids.t2, version: indicator(a, 'T2').version, weight: 45, changeReason: 'งานเร่งด่วนของจังหวัด' },
        ],
      });
    expect(moved.status).toBe(200);
    expect(indicator(moved.body, 'T2')).toMatchObject({
      changeReason: 'งานเร่งด่วนของจังหวัด',
      templateWeight: '40.00',
    });
    const audits = await auditCount(t);
    const missing = await officer().post(`${url}/propose`).send({ version: a.version });
    expect(missing.status).toBe(422);
    expect(fields(missing.body)).toEqual(['indicators.T1.changeReason']);
    expect(await auditCount(t)).toBe(audits);
    // Back to the template's terms: no reason needed.
    const b = moved.body as AgreementDto;
    await officer()
      .patch(`${url}/indicators`)
      .send({
        indicators: [
          { id: ids.t1, version: indicator(b, 'T1').version, weight: 60 },
          { id: ids.t2, version: indicator(b, 'T2').version, weight: 40 },
        ],
      })
      .expect(200);
    const proposed = await officer().post(`${url}/propose`).send({ version: a.version });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'proposed', returnReason: null });
    expect(proposed.body.proposedAt).toEqual(expect.any(String));
    expect(await auditCount(t)).toBe(audits + 3);
    // With the ministry now: the province cannot change it, the ministry (not the public) sees it.
    const frozen = await officer()
      .patch(`${url}/indicators`)
      .send({ indicators: [{ id: ids.t1, version: indicator(b, 'T1').version + 1, weight: 60 }] });
    expect(frozen.status).toBe(409);
    expect((await analyst().get(url)).status).toBe(200);
    expect((await anyone().get(url)).status).toBe(404);
    expect((await officer().post(`${url}/propose`).send({ version: proposed.body.version })).status).toBe(409);
  });

  it('the ministry returns it with a reason, the province proposes again, the ministry accepts', async () => {
    const url = `/api/agreements/${ids.agreement}`;
    let a = await agreement();
    for (const who of [approver(), officer(), as(t, f.tokens.evaluator), as(t, f.tokens.governor50)]) {
      const refused = await who.post(`${url}/decision`).send({ version: a.version, decision: 'accept' });
      expect(refused.status).toBe(403);
    }
    const audits = await auditCount(t);
    const noReason = await analyst().post(`${url}/decision`).send({ version: a.version, decision: 'return' });
    expect(noReason.status).toBe(422);
    expect(fields(noReason.body)).toEqual(['reason']);
    expect((await analyst().post(`${url}/decision`).send({ version: 99, decision: 'accept' })).status).toBe(409);
    expect(await auditCount(t)).toBe(audits);

    const returned = await analyst()
      .post(`${url}/decision`)
      .send({ version: a.version, decision: 'return', reason: 'เกณฑ์ระดับ 3 ต่ำกว่าค่าเฉลี่ยประเทศ' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'เกณฑ์ระดับ 3 ต่ำกว่าค่าเฉลี่ยประเทศ' });
    expect(await auditCount(t)).toBe(audits + 1);
    // A returned proposal cannot be accepted before it is proposed again.
    expect(
      (await analyst().post(`${url}/decision`).send({ version: returned.body.version, decision: 'accept' })).status,
    ).toBe(409);

    a = (await officer().post(`${url}/propose`).send({ version: returned.body.version }).expect(200)).body;
    expect(a).toMatchObject({ status: 'proposed', returnReason: null });
    const queue = await analyst().get(`/api/agreements/queue?fiscalYear=${FY}`);
    expect(queue.status).toBe(200);
    expect(queue.body).toEqual([
      expect.objectContaining({ kind: 'proposal', agreementId: ids.agreement, orgUnitCode: '50' }),
    ]);
    expect((await officer().get(`/api/agreements/queue`)).status).toBe(403);

    const accepted = await analyst().post(`${url}/decision`).send({ version: a.version, decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect((await analyst().get(`/api/agreements/queue?fiscalYear=${FY}`)).body).toEqual([]);
  });

  it('is signed by the governor only, with the version read; the signed version is frozen', async () => {
    const url = `/api/agreements/${ids.agreement}/sign`;
    const a = await agreement();
    const sign = {
      signedByGovernor: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
      signedByMinistry: 'ปลัดกระทรวงมหาดไทย',
      signedAt: '2022-10-20',
    };
    const audits = await auditCount(t);
    for (const who of [approver(), officer(), analyst(), as(t, f.tokens.evaluator)]) {
      const refused = await who.post(url).send({ ...sign, version: a.version });
      expect(refused.status).toBe(403);
    }
    const byApprover = await approver()
      .post(url)
      .send({ ...sign, version: a.version });
    expect(byApprover.body.message).toBe('เฉพาะผู้ว่าราชการจังหวัดนั้นเท่านั้นที่ลงนามคำรับรองได้');
    expect(
      (
        await as(t, f.tokens.governor50)
          .post(url)
          .send({ ...sign, version: 99 })
      ).status,
    ).toBe(409);
    expect(await auditCount(t)).toBe(audits);

    const signed = await as(t, f.tokens.governor50)
      .post(url)
      .send({ ...sign, version: a.version });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'agreed', signedAt: '2022-10-20' });
    const s = signed.body as AgreementDto;
    expect(s.versions).toEqual([
      expect.objectContaining({
        number: 1,
        reason: null,
        indicators: [
          expect.objectContaining({ code: 'T1', weight: '60.00', levels: ['60', '65', '70', '75', '80'] }),
          expect.objectContaining({ code: 'T2', weight: '40.00' }),
        ],
      }),
    ]);
    const trail = await t.dataSource.query(
      `SELECT entity FROM audit_event WHERE entity IN ('agreement', 'agreement_version') ORDER BY id DESC LIMIT 2`,
    );
    expect(trail.map((r: { entity: string }) => r.entity).sort()).toEqual(['agreement', 'agreement_version']);
    expect(
      (
        await as(t, f.tokens.governor50)
          .post(url)
          .send({ ...sign, version: s.version })
      ).status,
    ).toBe(409);
    expect((await anyone().get(`/api/agreements/${ids.agreement}`)).status).toBe(200);
    await expect(
      t.dataSource.query(`UPDATE agreement_version SET reason = 'x' WHERE agreement_id = $1`, [ids.agreement]),
    ).rejects.toThrow(/frozen/);
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

  it('the province submits its 6-month self-assessment: refused for the wrong role, scope, state or version', async () => {
    const before = await agreement();
    const url = (round: number | string) => `/api/agreements/${ids.agreement}/rounds/${round}/submit`;
    const body = {
      version: before.version,
      indicators: [
        {
          indicatorId: ids.t1,
          narrativeTh: 'คัดกรองครบทุกอำเภอ',
          evidence: [{ url: 'https://example.go.th/report.pdf', title: 'รายงานผลการคัดกรอง' }],
        },
      ],
    };
    const audits = await auditCount(t);
    expect((await anyone().post(url(6)).send(body)).status).toBe(401);
    // Wrong role: the evaluator judges a round, it never submits one; the governor only reads.
    expect((await as(t, f.tokens.evaluator).post(url(6)).send(body)).status).toBe(403);
    expect((await as(t, f.tokens.governor50).post(url(6)).send(body)).status).toBe(403);
    // Wrong scope: Lampang's officer.
    expect((await as(t, f.tokens.officer52).post(url(6)).send(body)).status).toBe(403);
    // Wrong state: the 12-month round comes after the 6-month one.
    expect((await officer().post(url(12)).send(body)).body.code).toBe('agreement.wrongState');
    expect((await officer().post(url(7)).send(body)).status).toBe(400);
    // Stale version.
    expect(
      (
        await officer()
          .post(url(6))
          .send({ ...body, version: before.version + 5 })
      ).status,
    ).toBe(409);
    const unknown = await officer()
      .post(url(6))
      .send({ ...body, indicators: [{ indicatorId: f.userIds.officer50 }] });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['indicators']);
    expect(await auditCount(t)).toBe(audits);

    const res = await officer().post(url(6)).send(body);
    expect(res.status).toBe(200);
    const a = res.body as AgreementDto;
    expect(a.status).toBe('agreed');
    expect(a.reviews).toHaveLength(1);
    expect(a.reviews[0]).toMatchObject({
      round: 6,
      status: 'submitted',
      asOf: H1_DONE,
      submittedBy: f.userIds.officer50,
    });
    expect(a.reviews[0].lines.map((l) => [l.code, l.selfActual, l.decision, l.narrativeTh])).toEqual([
      ['T1', 65, 'pending', 'คัดกรองครบทุกอำเภอ'],
      ['T2', 3, 'pending', ''],
    ]);
    expect(a.reviews[0].lines[0].evidence).toEqual(body.indicators[0].evidence);
    const trail = await t.dataSource.query(`SELECT entity, action FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(trail).toEqual([expect.objectContaining({ entity: 'agreement_round_review' })]);
    expect(await auditCount(t)).toBe(audits + 1);

    expect(
      (
        await officer()
          .post(url(6))
          .send({ ...body, version: a.version })
      ).body.code,
    ).toBe('agreement.roundSubmitted');
    // Under review the indicators hold still, even with a reason.
    const t1 = indicator(a, 'T1');
    const amend = await officer()
      .patch(`/api/agreements/${ids.agreement}/indicators`)
      .send({ reason: 'ปรับเกณฑ์', indicators: [{ id: ids.t1, version: t1.version, weight: '60' }] });
    expect(amend.status).toBe(409);
    expect(amend.body.code).toBe('agreement.roundUnderReview');
    // The public does not see a round under review.
    expect(((await anyone().get(`/api/agreements/${ids.agreement}`)).body as AgreementDto).reviews).toEqual([]);
  });

  it('the central evaluator adjusts one result with a reason and freezes the round; the province approver cannot', async () => {
    const evaluator = () => as(t, f.tokens.evaluator);
    const line = (code: string) =>
      `/api/agreements/${ids.agreement}/rounds/6/indicators/${code === 'T1' ? ids.t1 : ids.t2}`;
    const freeze = `/api/agreements/${ids.agreement}/rounds/6/freeze`;
    let review = (await evaluator().get(`/api/agreements/${ids.agreement}`)).body.reviews[0];
    expect(review.status).toBe('submitted');
    const audits = await auditCount(t);
    const adjust = {
      version: review.version,
      decision: 'adjusted',
      value: '60',
      reason: 'หลักฐานครอบคลุมเพียงบางอำเภอ',
    };

    // Wrong role: the province marks no homework of its own, not even its approver; nor does the ministry's analyst.
    for (const who of ['approver50', 'officer50', 'governor50', 'analyst', 'clusterC15'] as const) {
      expect([who, (await as(t, f.tokens[who]).put(line('T1')).send(adjust)).status]).toEqual([who, 403]);
      expect([who, (await as(t, f.tokens[who]).post(freeze).send({ version: review.version })).status]).toEqual([
        who,
        403,
      ]);
    }
    expect((await anyone().post(freeze).send({ version: review.version })).status).toBe(401);
    // Wrong state: nothing submitted for round 12; a round with an undecided line does not freeze.
    expect(
      (await evaluator().put(`/api/agreements/${ids.agreement}/rounds/12/indicators/${ids.t1}`).send(adjust)).body.code,
    ).toBe('agreement.roundNotSubmitted');
    const undecided = await evaluator().post(freeze).send({ version: review.version });
    expect(undecided.status).toBe(422);
    expect(undecided.body.code).toBe('agreement.roundUndecided');
    // An adjustment needs a reason and a value; stale versions lose nothing.
    const noReason = await evaluator()
      .put(line('T1'))
      .send({ ...adjust, reason: undefined });
    expect(noReason.status).toBe(422);
    expect(fields(noReason.body)).toEqual(['reason']);
    const noValue = await evaluator()
      .put(line('T1'))
      .send({ ...adjust, value: undefined });
    expect(fields(noValue.body)).toEqual(['value']);
    expect(
      (
        await evaluator()
          .put(line('T2'))
          .send({ ...adjust, value: undefined, step: 9 })
      ).status,
    ).toBe(400);
    expect(
      (
        await evaluator()
          .put(line('T1'))
          .send({ ...adjust, version: review.version + 3 })
      ).status,
    ).toBe(409);
    expect(await auditCount(t)).toBe(audits);

    const adjusted = await evaluator().put(line('T1')).send(adjust);
    expect(adjusted.status).toBe(200);
    review = adjusted.body.reviews[0];
    expect(review.lines[0]).toMatchObject({
      code: 'T1',
      selfActual: 65,
      decision: 'adjusted',
      evaluatedActual: 60,
      reason: 'หลักฐานครอบคลุมเพียงบางอำเภอ',
      decidedBy: f.userIds.evaluator,
    });
    const accepted = await evaluator().put(line('T2')).send({ version: review.version, decision: 'accepted' });
    expect(accepted.status).toBe(200);
    review = accepted.body.reviews[0];
    expect(review.lines[1]).toMatchObject({ decision: 'accepted', evaluatedActual: null, reason: null });
    expect(await auditCount(t)).toBe(audits + 2);

    expect(
      (
        await evaluator()
          .post(freeze)
          .send({ version: review.version - 1 })
      ).status,
    ).toBe(409);
    const frozen = await evaluator().post(freeze).send({ version: review.version });
    expect(frozen.status).toBe(200);
    const a = frozen.body as AgreementDto;
    expect(a.status).toBe('evaluated_6');
    // T1 at 60 (level 1) and T2 at step 3: 60 × 1 + 40 × 3 = 180 → 1.8000, not the province's 2.4000.
    expect(a.rounds).toHaveLength(1);
    expect(a.rounds[0]).toMatchObject({ round: 6, score: '1.8000' });
    expect(a.rounds[0].snapshot).toMatchObject({ asOf: H1_DONE, policy: 'zero', formatted: '1.8000' });
    expect(a.rounds[0].snapshot.indicators.map((l) => [l.code, l.actual, l.score])).toEqual([
      ['T1', 60, 1],
      ['T2', 3, 3],
    ]);
    expect(a.reviews[0]).toMatchObject({ status: 'frozen', frozenBy: f.userIds.evaluator });
    // The round, the review and the agreement's status, each audited.
    const trail = await t.dataSource.query(`SELECT entity FROM audit_event ORDER BY id DESC LIMIT 3`);
    expect(trail.map((r: { entity: string }) => r.entity).sort()).toEqual([
      'agreement',
      'agreement_round',
      'agreement_round_review',
    ]);
    expect(await auditCount(t)).toBe(audits + 5);
    ids.round = JSON.stringify(a.rounds[0]);
  });

  it('a frozen round refuses every change, through the API and in the database', async () => {
    const evaluator = () => as(t, f.tokens.evaluator);
    const a = (await evaluator().get(`/api/agreements/${ids.agreement}`)).body as AgreementDto;
    const review = a.reviews[0];
    const audits = await auditCount(t);
    const refused = [
      await evaluator()
        .put(`/api/agreements/${ids.agreement}/rounds/6/indicators/${ids.t1}`)
        .send({ version: review.version, decision: 'accepted' }),
      await evaluator().post(`/api/agreements/${ids.agreement}/rounds/6/freeze`).send({ version: review.version }),
      await officer()
        .post(`/api/agreements/${ids.agreement}/rounds/6/submit`)
        .send({ version: a.version, indicators: [] }),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual([
      [409, 'agreement.roundFrozen'],
      [409, 'agreement.roundFrozen'],
      [409, 'agreement.wrongState'],
    ]);
    await expect(
      t.dataSource.query(`UPDATE agreement_round_review SET lines = '[]' WHERE agreement_id = $1`, [ids.agreement]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.dataSource.query(`DELETE FROM agreement_round_review WHERE agreement_id = $1`, [ids.agreement]),
    ).rejects.toThrow(/frozen/);
    expect(await auditCount(t)).toBe(audits);
    // Frozen, the review is public, without the people's names.
    const open = (await anyone().get(`/api/agreements/${ids.agreement}`)).body as AgreementDto;
    expect(open.reviews).toHaveLength(1);
    expect(open.reviews[0]).toMatchObject({ status: 'frozen', submittedBy: null, frozenBy: null });
    expect(open.reviews[0].lines[0]).toMatchObject({ decision: 'adjusted', evaluatedActual: 60, decidedBy: null });
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
    expect(card.rounds).toEqual([expect.objectContaining({ round: 6, score: 1.8, formatted: '1.8000' })]);
  });

  it('after signing, a change without a reason is refused; with one it waits for the ministry as an amendment', async () => {
    const url = `/api/agreements/${ids.agreement}/indicators`;
    const t1 = indicator(await agreement(), 'T1');
    const audits = await auditCount(t);
    const change = { indicators: [{ id: ids.t1, version: t1.version, levels: [62, 66, 70, 74, 78] }] };
    const refused = await officer().patch(url).send(change);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('คำรับรองลงนามแล้ว การแก้ไขต้องระบุเหตุผลและจะถูกบันทึกเป็นการแก้ไขคำรับรอง');
    expect(
      (
        await as(t, f.tokens.governor50)
          .patch(url)
          .send({ ...change, reason: 'x' })
      ).status,
    ).toBe(403);
    expect(await auditCount(t)).toBe(audits);

    const amended = await officer()
      .patch(url)
      .send({ ...change, reason: 'ปรับเกณฑ์ตามมติคณะกรรมการติดตามผล' });
    expect(amended.status).toBe(200);
    const a = amended.body as AgreementDto;
    expect(a.amendments).toHaveLength(1);
    expect(a.amendments[0]).toMatchObject({
      status: 'pending',
      reason: 'ปรับเกณฑ์ตามมติคณะกรรมการติดตามผล',
      madeBy: f.userIds.officer50,
      versionNumber: null,
    });
    expect(a.amendments[0].changes).toEqual([
      expect.objectContaining({
        indicatorId: ids.t1,
        code: 'T1',
        action: 'update',
        before: expect.objectContaining({ levels: ['60', '65', '70', '75', '80'] }),
        after: expect.objectContaining({ levels: ['62', '66', '70', '74', '78'] }),
      }),
    ]);
    // Nothing changes until the ministry approves; the public does not see the pending amendment.
    expect(indicator(a, 'T1').levels).toEqual(['60', '65', '70', '75', '80']);
    expect(((await anyone().get(`/api/agreements/${ids.agreement}`)).body as AgreementDto).amendments).toEqual([]);
    expect(await auditCount(t)).toBe(audits + 1);
    const again = await officer()
      .patch(url)
      .send({ ...change, reason: 'อีกครั้ง' });
    expect(again.status).toBe(409);
    expect(JSON.stringify(a.rounds[0])).toBe(ids.round);
  });

  it('the ministry approves the amendment (a new version, side by side with the signed one) or returns one with a reason', async () => {
    let a = await agreement();
    const pending = a.amendments[0];
    const decide = `/api/agreements/${ids.agreement}/amendments/${pending.id}/decision`;
    for (const who of [officer(), approver(), as(t, f.tokens.governor50), as(t, f.tokens.evaluator)]) {
      expect((await who.post(decide).send({ version: pending.version, decision: 'approve' })).status).toBe(403);
    }
    expect(
      (
        await analyst()
          .post(decide)
          .send({ version: pending.version + 3, decision: 'approve' })
      ).status,
    ).toBe(409);
    const audits = await auditCount(t);
    const approved = await analyst().post(decide).send({ version: pending.version, decision: 'approve' });
    expect(approved.status).toBe(200);
    a = approved.body as AgreementDto;
    expect(indicator(a, 'T1').levels).toEqual(['62', '66', '70', '74', '78']);
    expect(a.amendments[0]).toMatchObject({ status: 'approved', versionNumber: 2 });
    expect(a.versions.map((v) => [v.number, v.reason, v.indicators[0].levels])).toEqual([
      [1, null, ['60', '65', '70', '75', '80']],
      [2, 'ปรับเกณฑ์ตามมติคณะกรรมการติดตามผล', ['62', '66', '70', '74', '78']],
    ]);
    const trail: { entity: string }[] = await t.dataSource.query(
      `SELECT entity FROM audit_event WHERE id > (SELECT max(id) FROM audit_event) - 3 ORDER BY id`,
    );
    expect(trail.map((r) => r.entity).sort()).toEqual([
      'agreement_amendment',
      'agreement_indicator',
      'agreement_version',
    ]);
    expect(await auditCount(t)).toBe(audits + 3);
    expect(
      (await analyst().post(decide).send({ version: a.amendments[0].version, decision: 'return', reason: 'x' })).status,
    ).toBe(409);

    // A second amendment, returned with a reason: nothing changes.
    const t1 = indicator(a, 'T1');
    const second = await officer()
      .patch(`/api/agreements/${ids.agreement}/indicators`)
      .send({ reason: 'ขอลดเกณฑ์', indicators: [{ id: t1.id, version: t1.version, levels: [50, 55, 60, 65, 70] }] });
    expect(second.status).toBe(200);
    const p2 = (second.body as AgreementDto).amendments[1];
    const url2 = `/api/agreements/${ids.agreement}/amendments/${p2.id}/decision`;
    const noReason = await analyst().post(url2).send({ version: p2.version, decision: 'return' });
    expect(noReason.status).toBe(422);
    expect(fields(noReason.body)).toEqual(['reason']);
    const returned = await analyst()
      .post(url2)
      .send({ version: p2.version, decision: 'return', reason: 'ไม่มีเหตุผลรองรับการลดเกณฑ์' });
    expect(returned.status).toBe(200);
    const r = returned.body as AgreementDto;
    expect(r.amendments[1]).toMatchObject({ status: 'returned', decisionReason: 'ไม่มีเหตุผลรองรับการลดเกณฑ์' });
    expect(indicator(r, 'T1').levels).toEqual(['62', '66', '70', '74', '78']);
    expect(r.versions).toHaveLength(2);
  });

  it('adds no indicator after signing: only an amendment changes a signed agreement', async () => {
    const refused = await officer()
      .post(`/api/agreements/${ids.agreement}/indicators`)
      .send({
        reason: 'เพิ่มตัวชี้วัดเฉพาะจังหวัด',
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
      });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'คำรับรองลงนามแล้ว การเพิ่มตัวชี้วัดทำไม่ได้ แก้ไขได้เฉพาะน้ำหนักและเกณฑ์ผ่านคำขอแก้ไข',
    );
  });

  it('has demo agreements as of the fixture day (2026-11-15): 2567–2569 with both rounds evaluated (but the late province), 2570 signed', async () => {
    const rows: { fiscal_year: number; status: string; n: number; rounds: string }[] = await t.dataSource.query(`
      SELECT a.fiscal_year, a.status, count(DISTINCT a.id)::int AS n, string_agg(DISTINCT r.round::text, ',') AS rounds
      FROM agreement a JOIN org_unit u ON u.id = a.org_unit_id JOIN agreement_round r ON r.agreement_id = a.id
      WHERE u.type = 'province' AND a.fiscal_year BETWEEN 2567 AND 2569 GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(rows).toEqual([
      { fiscal_year: 2567, status: 'evaluated_12', n: 77, rounds: '12,6' },
      { fiscal_year: 2568, status: 'evaluated_12', n: 77, rounds: '12,6' },
      // Its 12-month round was evaluated on 25 October 2026, before the fixture day; Ubon Ratchathani
      // (the demo's late province) has not submitted it: its latest ended round.
      { fiscal_year: 2569, status: 'evaluated_12', n: 76, rounds: '12,6' },
      { fiscal_year: 2569, status: 'evaluated_6', n: 1, rounds: '6' },
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
    expect(ranking.rows.every((r) => r.liveScore !== null)).toBe(true);
    // Every province's last round is the 12-month one, but the demo's late province's (its 6-month).
    expect(
      ranking.rows.filter((r) => r.lastRound?.round !== 12).map((r) => [r.orgUnitCode, r.lastRound?.round]),
    ).toEqual([['34', 6]]);
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
