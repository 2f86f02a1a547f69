import type { PlanSummaryDto, ScorecardDto, StrategyMapDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * Issue 18 item 1: a plan built in the plan builder is a draft, seen by its province's own people
 * only, until the province approver publishes it; then every public read shows it. Every read path
 * that reads plans, goals or KPIs is asked before and after: the plan list and the map, the
 * scorecard, the comparison across provinces, the open-data datasets and the public KPI page.
 */
describe('draft and published plans (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let plan: PlanSummaryDto;
  let kpiId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const approver = () => as(t, f.tokens.approver50);
  const visitor = () => as(t, null);

  it('creates the next four-year plan as a draft, with an issue, a goal and a KPI', async () => {
    const res = await officer().post('/api/plans').send({
      orgUnitCode: '50',
      nameTh: 'แผนพัฒนาจังหวัดเชียงใหม่ 2571–2574',
      nameEn: 'Chiang Mai development plan 2571–2574',
      visionTh: 'นครแห่งชีวิตและความมั่งคั่ง',
      visionEn: 'A city of life and prosperity',
      startFy: 2571,
      endFy: 2574,
    });
    expect(res.status).toBe(201);
    plan = res.body;
    expect(plan).toMatchObject({ status: 'draft', publishedAt: null, version: 1 });

    const issue = await officer()
      .post(`/api/plans/${plan.id}/issues`)
      .send({ code: 'D1', nameTh: 'ร่าง', nameEn: 'Draft' });
    const goal = await officer()
      .post(`/api/issues/${issue.body.id}/goals`)
      .send({ code: 'DG1', nameTh: 'เป้าร่าง', nameEn: 'Draft goal' });
    const kpi = await officer().post(`/api/goals/${goal.body.id}/kpis`).send({
      code: 'DK1',
      nameTh: 'ตัวชี้วัดในแผนร่าง',
      nameEn: 'A KPI of the draft plan',
      unitTh: 'ร้อยละ',
      unitEn: 'percent',
      direction: 'higher_better',
      frequency: 'yearly',
      rollup: 'last',
    });
    expect(kpi.status).toBe(201);
    kpiId = kpi.body.id;
    expect((await officer().put(`/api/kpis/${kpiId}/targets/2571`).send({ target: '80' })).status).toBe(200);
  });

  it('shows the draft to the province only: absent from every public and shared read', async () => {
    // The province's own people and admins see it…
    for (const who of [officer(), approver(), as(t, f.tokens.governor50), as(t, f.tokens.admin)]) {
      const list = (await who.get('/api/plans?unit=50')).body as PlanSummaryDto[];
      expect(list.map((p) => p.id)).toContain(plan.id);
      expect((await who.get(`/api/plans/${plan.id}`)).status).toBe(200);
    }
    // …nobody else does: not the public, nor the cluster office, nor the ministry, nor another province.
    for (const who of [visitor(), as(t, f.tokens.clusterC15), as(t, f.tokens.analyst), as(t, f.tokens.officer52)]) {
      const list = (await who.get('/api/plans?unit=50')).body as PlanSummaryDto[];
      expect(list.map((p) => p.id)).not.toContain(plan.id);
      expect(list.length).toBeGreaterThan(0);
      expect((await who.get(`/api/plans/${plan.id}`)).status).toBe(404);
    }
    const card = (await visitor().get('/api/org-units/50/scorecard?fiscalYear=2571')).body as ScorecardDto;
    expect(card.kpis.find((k) => k.code === 'DK1')).toBeUndefined();
    const compare = await visitor().get('/api/compare/kpis/DK1?fiscalYear=2571');
    const rows = (compare.body.rows ?? []) as { orgUnitCode: string }[];
    expect(rows.filter((r) => r.orgUnitCode === '50')).toEqual([]);
    const plans = (await visitor().get('/api/public/plans?scope=50&fiscalYear=2571')).body;
    expect(plans.data.filter((r: { plan_id: string }) => r.plan_id === plan.id)).toEqual([]);
    const kpis = (await visitor().get('/api/public/kpis?scope=50&fiscalYear=2571')).body;
    expect(kpis.data.filter((r: { kpi_code: string }) => r.kpi_code === 'DK1')).toEqual([]);
    expect((await visitor().get(`/api/public/kpis/${kpiId}?fiscalYear=2571`)).status).toBe(404);
  });

  it('refuses publishing by the officer, and a stale version', async () => {
    const byOfficer = await officer().post(`/api/plans/${plan.id}/publish`).send({ version: plan.version });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.code).toBe('plan.publishNotAllowed');
    const stale = await approver()
      .post(`/api/plans/${plan.id}/publish`)
      .send({ version: plan.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict.version');
  });

  it('publishes by the approver: audited, live to open screens, and on every public read', async () => {
    const [{ n: before }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM realtime_event WHERE room = 'province:50' AND payload->>'kind' = 'definition'`,
    );
    const res = await approver().post(`/api/plans/${plan.id}/publish`).send({ version: plan.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', version: plan.version + 1 });
    expect(res.body.publishedAt).toEqual(expect.any(String));

    const [audit] = await t.dataSource.query(
      `SELECT user_id, action, before->>'status' AS was, after->>'status' AS now FROM audit_event
        WHERE entity = 'plan' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [plan.id],
    );
    expect(audit).toEqual({ user_id: f.userIds.approver50, action: 'update', was: 'draft', now: 'published' });

    const live = await t.dataSource.query(
      `SELECT room, payload FROM realtime_event WHERE payload->>'kind' = 'definition' AND payload->>'entity' = 'plan'
        AND payload->>'orgUnitCode' = '50' ORDER BY id`,
    );
    expect(live.map((r: { room: string }) => r.room)).toEqual(expect.arrayContaining(['province:50', 'national']));
    const [{ n: after }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM realtime_event WHERE room = 'province:50' AND payload->>'kind' = 'definition'`,
    );
    expect(after).toBeGreaterThan(before);

    const list = (await visitor().get('/api/plans?unit=50')).body as PlanSummaryDto[];
    expect(list.find((p) => p.id === plan.id)).toMatchObject({ status: 'published' });
    const map = (await visitor().get(`/api/plans/${plan.id}`)).body as StrategyMapDto;
    expect(map.issues[0].goals[0].kpis.map((k) => k.code)).toEqual(['DK1']);
    const card = (await visitor().get('/api/org-units/50/scorecard?fiscalYear=2571')).body as ScorecardDto;
    expect(card.kpis.find((k) => k.code === 'DK1')).toBeDefined();
    // The open-data reads keep their answer half a minute (FreshFor): a new address reaches PostgreSQL.
    const plans = (await visitor().get('/api/public/plans?scope=50&fiscalYear=2571&pageSize=50')).body;
    expect(plans.data.filter((r: { plan_id: string }) => r.plan_id === plan.id)).toHaveLength(1);
    const kpis = (await visitor().get('/api/public/kpis?scope=50&fiscalYear=2571&pageSize=50')).body;
    expect(kpis.data.filter((r: { kpi_code: string }) => r.kpi_code === 'DK1')).toHaveLength(1);
    expect((await visitor().get(`/api/public/kpis/${kpiId}?fiscalYear=2571`)).status).toBe(200);

    const again = await approver().post(`/api/plans/${plan.id}/publish`).send({ version: res.body.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('plan.alreadyPublished');
  });

  it('keeps the demo plans published (the migration published the rows that existed)', async () => {
    const [{ drafts }] = await t.dataSource.query(
      `SELECT count(*)::int AS drafts FROM plan WHERE status = 'draft' AND id <> $1`,
      [plan.id],
    );
    expect(drafts).toBe(0);
  });
});
