import type { ScorecardDto, StrategyMapDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * A strategy office's year, through the REST API on a real database: plan → issue → goal →
 * strategy → KPI → target → results → submit → approve → the scorecard shows the right light.
 */
describe('strategy map to scorecard (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);

  it('builds a plan with an issue, goals, a strategy, a cause → effect arrow and an upward link', async () => {
    const plan = await officer().post('/api/plans').send({
      orgUnitCode: '50',
      nameTh: 'แผนพัฒนาจังหวัดเชียงใหม่ (ทดสอบ)',
      nameEn: 'Chiang Mai test plan',
      visionTh: 'เมืองน่าอยู่',
      visionEn: 'A liveable city',
      startFy: 2571,
      endFy: 2575,
    });
    expect(plan.status).toBe(201);
    ids.plan = plan.body.id;
    // A new plan is a draft until the approver publishes it (plan-publishing.int-spec.ts); publish it now
    // so the public reads below see it.
    const published = await approver().post(`/api/plans/${ids.plan}/publish`).send({ version: plan.body.version });
    expect(published.body.status).toBe('published');

    const issue = await officer()
      .post(`/api/plans/${ids.plan}/issues`)
      .send({ code: 'T1', nameTh: 'เศรษฐกิจ', nameEn: 'Economy' });
    expect(issue.body).toMatchObject({ code: 'T1', seq: 1, retired: false, version: 1 });
    ids.issue = issue.body.id;

    const [clusterGoal] = await t.dataSource.query(
      `SELECT g.id FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
       JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = 'C15' AND g.code = 'CG1.1'`,
    );
    const goal = await officer().post(`/api/issues/${ids.issue}/goals`).send({
      code: 'TG1',
      nameTh: 'รายได้เพิ่มขึ้น',
      nameEn: 'Income grows',
      nationalPillar: 2,
      contributesToGoalId: clusterGoal.id,
    });
    expect(goal.status).toBe(201);
    ids.goal = goal.body.id;
    const cause = await officer()
      .post(`/api/issues/${ids.issue}/goals`)
      .send({ code: 'TG2', nameTh: 'ทักษะแรงงาน', nameEn: 'Skills' });
    ids.goal2 = cause.body.id;

    expect((await officer().post(`/api/goals/${ids.goal2}/links`).send({ effectGoalId: ids.goal })).status).toBe(201);
    // The reverse arrow would close a loop.
    const loop = await officer().post(`/api/goals/${ids.goal}/links`).send({ effectGoalId: ids.goal2 });
    expect(loop.status).toBe(400);
    expect(loop.body.details[0].field).toBe('effectGoalId');

    const strategy = await officer()
      .post(`/api/goals/${ids.goal}/strategies`)
      .send({ code: 'TS1', nameTh: 'ส่งเสริมการท่องเที่ยวชุมชน', nameEn: 'Community tourism' });
    expect(strategy.status).toBe(201);

    // A goal of Lampang's plan is not above Chiang Mai: the upward link is refused.
    const [lampangGoal] = await t.dataSource.query(
      `SELECT g.id FROM goal g JOIN strategic_issue i ON i.id = g.issue_id JOIN plan p ON p.id = i.plan_id
       JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '52' LIMIT 1`,
    );
    const sideways = await officer()
      .patch(`/api/goals/${ids.goal2}`)
      .send({ version: 1, contributesToGoalId: lampangGoal.id });
    expect(sideways.status).toBe(400);
  });

  it('adds a monthly KPI with a yearly target and a trajectory', async () => {
    const kpi = await officer().post(`/api/goals/${ids.goal}/kpis`).send({
      code: 'TK1',
      nameTh: 'รายได้จากการท่องเที่ยวชุมชน',
      nameEn: 'Community tourism revenue',
      unitTh: 'ล้านบาท',
      unitEn: 'million THB',
      direction: 'higher_better',
      frequency: 'monthly',
      rollup: 'sum',
      plausibleMin: 0,
      plausibleMax: 1000,
    });
    expect(kpi.status).toBe(201);
    ids.kpi = kpi.body.id;

    const bad = await officer()
      .put(`/api/kpis/${ids.kpi}/targets/2570`)
      .send({ target: '120', trajectory: [{ period: '2570-Q1', target: '30' }] });
    expect(bad.status).toBe(422);

    const target = await officer().put(`/api/kpis/${ids.kpi}/targets/2570`).send({ target: '120' });
    expect(target.status).toBe(200);
    expect(target.body.targets).toEqual([
      { fiscalYear: 2570, target: '120', version: 1, trajectory: [], state: 'published' },
    ]);

    // A stale version loses nothing: 409, and the target stays.
    const stale = await officer().put(`/api/kpis/${ids.kpi}/targets/2570`).send({ target: '999' });
    expect(stale.status).toBe(409);
    const again = await officer().put(`/api/kpis/${ids.kpi}/targets/2570`).send({ target: '130', version: 1 });
    expect(again.body.targets[0]).toMatchObject({ target: '130', version: 2 });
    const back = await officer().put(`/api/kpis/${ids.kpi}/targets/2570`).send({ target: '120', version: 2 });
    expect(back.body.targets[0]).toMatchObject({ target: '120', version: 3 });

    const map = (await as(t, null).get(`/api/plans/${ids.plan}`)).body as StrategyMapDto;
    expect(map.issues[0].goals.map((g) => g.code)).toEqual(['TG1', 'TG2']);
    expect(map.issues[0].goals[0].kpis.map((k) => k.code)).toEqual(['TK1']);
    expect(map.issues[0].goals[0].strategies.map((s) => s.code)).toEqual(['TS1']);
    expect(map.links).toEqual([{ causeGoalId: ids.goal2, effectGoalId: ids.goal }]);
  });

  it('carries the chain to the projects: each project under its strategy, with the KPIs it serves', async () => {
    const plans = (await as(t, null).get('/api/plans?unit=50')).body as { id: string; startFy: number }[];
    const demo = plans.find((p) => p.startFy === 2566);
    const map = (await as(t, null).get(`/api/plans/${demo?.id}`)).body as StrategyMapDto;
    const strategies = new Set(map.issues.flatMap((i) => i.goals.flatMap((g) => g.strategies.map((s) => s.id))));
    const kpis = new Set(map.issues.flatMap((i) => i.goals.flatMap((g) => g.kpis.map((k) => k.id))));
    const fy2569 = map.projects.filter((p) => p.fiscalYear === 2569);
    // The demo gives Chiang Mai 20 projects a year, each under a strategy and serving one KPI.
    expect(fy2569).toHaveLength(20);
    for (const p of map.projects) {
      expect(strategies.has(p.strategyId)).toBe(true);
      for (const k of p.kpiIds) expect(kpis.has(k)).toBe(true);
    }
    expect(fy2569[0]).toMatchObject({ code: 'P69-001', fiscalYear: 2569 });
    expect(fy2569.every((p) => p.kpiIds.length === 1)).toBe(true);
    const [db] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM project p JOIN project_kpi pk ON pk.project_id = p.id
         JOIN kpi k ON k.id = pk.kpi_id JOIN org_unit u ON u.id = p.org_unit_id
        WHERE u.code = '50' AND p.fiscal_year = 2569`,
    );
    expect(fy2569.flatMap((p) => p.kpiIds)).toHaveLength(db.n);
  });

  it('enters, submits and approves a result; the scorecard turns the right colour', async () => {
    const url = `/api/kpis/${ids.kpi}/results/2570-M01`;
    // 120 a year pro-rated to one month is 10 expected; 9 is 90 % → amber.
    const outlier = await officer().put(url).send({ value: '5000' });
    expect(outlier.status).toBe(422);
    expect(outlier.body.message).toBe('ค่าที่ระบุอยู่นอกช่วงที่เป็นไปได้ของตัวชี้วัดนี้ กรุณายืนยันหากถูกต้อง');

    const draft = await officer().put(url).send({ value: '9', narrativeTh: 'เริ่มฤดูท่องเที่ยว' });
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });

    const conflict = await officer().put(url).send({ value: '8', version: 99 });
    expect(conflict.status).toBe(409);

    // Drafts do not count: the light is grey (due, nothing approved).
    let card = (await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=2570&asOf=2026-11-15`))
      .body as ScorecardDto;
    expect(card.kpis.find((k) => k.code === 'TK1')).toMatchObject({ status: 'grey', actual: null });

    const submitted = await officer().post(`${url}/submit`).send({ version: 1 });
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    const locked = await officer().put(url).send({ value: '8', version: 2 });
    expect(locked.status).toBe(409);
    const approved = await approver().post(`${url}/approve`).send({ version: 2 });
    expect(approved.body).toMatchObject({ status: 'approved', version: 3, approvedBy: f.userIds.approver50 });
    const afterApproval = await officer().put(url).send({ value: '8', version: 3 });
    expect(afterApproval.status).toBe(409);
    expect(afterApproval.body.message).toMatch(/ล็อก/);

    card = (await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=2570&asOf=2026-11-15`)).body as ScorecardDto;
    const tk1 = card.kpis.find((k) => k.code === 'TK1');
    expect(tk1).toMatchObject({
      status: 'amber',
      actual: 9,
      expected: 10,
      achievement: 90,
      issueCode: 'T1',
      goalCode: 'TG1',
    });
    expect(tk1?.trend).toEqual([{ period: '2570-M01', value: 9 }]);
    expect(Object.values(card.counts).reduce((a, b) => a + b, 0)).toBe(card.kpis.length);
  });

  it('reopens with a reason, corrects and re-approves: the light follows', async () => {
    const url = `/api/kpis/${ids.kpi}/results/2570-M01`;
    expect((await approver().post(`${url}/reopen`).send({ version: 3 })).status).toBe(422);
    const reopened = await approver().post(`${url}/reopen`).send({ version: 3, reason: 'ตัวเลขยังไม่รวมอำเภอแม่แตง' });
    expect(reopened.body).toMatchObject({ status: 'returned', returnReason: 'ตัวเลขยังไม่รวมอำเภอแม่แตง' });
    const fixed = await officer().put(url).send({ value: '11', version: 4 });
    const submitted = await officer().post(`${url}/submit`).send({ version: fixed.body.version });
    await approver().post(`${url}/approve`).send({ version: submitted.body.version });
    const card = (await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=2570&asOf=2026-11-15`))
      .body as ScorecardDto;
    expect(card.kpis.find((k) => k.code === 'TK1')).toMatchObject({ status: 'green', actual: 11, achievement: 110 });
  });

  it('retires a goal instead of deleting it; the retired goal leaves the scorecard but keeps its results', async () => {
    const retired = await officer().patch(`/api/goals/${ids.goal}`).send({ version: 1, retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body.retired).toBe(true);
    const card = (await as(t, null).get(`/api/org-units/50/scorecard?fiscalYear=2570&asOf=2026-11-15`))
      .body as ScorecardDto;
    expect(card.kpis.find((k) => k.code === 'TK1')).toBeUndefined();
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM kpi_result WHERE kpi_id = $1`, [ids.kpi]);
    expect(n).toBe(1);
  });

  it('compares one KPI across all 77 provinces with ranks, approved data only', async () => {
    const res = await as(t, null).get(`/api/compare/kpis/K1.2.1?fiscalYear=2569&asOf=2026-10-15`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(77);
    const ranks = res.body.rows.map((r: { rank: number | null }) => r.rank).filter((r: number | null) => r !== null);
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a: number, b: number) => a - b)).toEqual(ranks);
    const cm = res.body.rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === '50');
    expect(cm).toMatchObject({ nameTh: 'เชียงใหม่', clusterCode: 'C15' });
    expect(['green', 'amber', 'red', 'grey']).toContain(cm.status);
  });

  it('ranks clusters on a summable KPI and refuses to combine a growth rate', async () => {
    const revenue = (await as(t, null).get(`/api/compare/kpis/K1.2.1?fiscalYear=2569&asOf=2026-10-15`)).body;
    expect(revenue.clusters).toHaveLength(18);
    expect(revenue.clusters[0]).toMatchObject({ rank: 1, aggregation: 'sum' });
    const c15 = revenue.clusters.find((c: { clusterCode: string }) => c.clusterCode === 'C15');
    const members = revenue.rows.filter((r: { clusterCode: string }) => r.clusterCode === 'C15');
    expect(members).toHaveLength(4);
    const sum = members.reduce((a: number, r: { actual: number | null }) => a + (r.actual ?? 0), 0);
    expect(c15.value).toBeCloseTo(sum, 6);

    const growth = (await as(t, null).get(`/api/compare/kpis/K1.1.1?fiscalYear=2569&asOf=2026-10-15`)).body;
    expect(
      growth.clusters.every((c: { value: number | null; rank: number | null }) => c.value === null && c.rank === null),
    ).toBe(true);
  });

  it("shows a cluster's member provinces side by side, with pooled ratios", async () => {
    const res = await as(t, null).get(`/api/org-units/C15/cluster-view?fiscalYear=2569&asOf=2026-10-15`);
    expect(res.status).toBe(200);
    expect(res.body.provinces.map((p: { code: string }) => p.code)).toEqual(['50', '51', '52', '58']);
    const elderly = res.body.kpis.find((k: { code: string }) => k.code === 'K2.1.2');
    expect(elderly.aggregation).toBe('weighted_ratio');
    expect(elderly.cells).toHaveLength(4);
    // Pooled parts, not a mean of percentages: the cluster figure lies within the members' range.
    const actuals = elderly.cells.map((c: { actual: number }) => c.actual);
    expect(elderly.clusterValue).toBeGreaterThanOrEqual(Math.min(...actuals));
    expect(elderly.clusterValue).toBeLessThanOrEqual(Math.max(...actuals));
  });

  it('rolls the lights up to goals, issues and the plan, and compares one goal across provinces', async () => {
    const card = (await as(t, null).get(`/api/org-units/52/scorecard?fiscalYear=2569&asOf=2026-10-15`))
      .body as ScorecardDto;
    expect(card.rollup.issues.map((i) => i.code)).toEqual(['I1', 'I2', 'I3', 'I4']);
    expect(card.rollup.goals).toHaveLength(8);
    expect(card.rollup.plan.kpiCount).toBe(card.kpis.length);
    const i1 = card.rollup.issues[0].summary;
    const goalsOfI1 = card.rollup.goals.filter((g) => g.issueCode === 'I1');
    expect(i1.kpiCount).toBe(goalsOfI1.reduce((n, g) => n + g.summary.kpiCount, 0));

    const res = await as(t, null).get(`/api/compare/goals/G1.2?fiscalYear=2569&asOf=2026-10-15`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(77);
    expect(res.body.rows[0].rank).toBe(1);
    expect(res.body.rows[0].summary.kpiCount).toBe(2);
  });
});
