import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/*
 * Defining a KPI under a goal (issue 18.2) through REST on a real database: the setup read, the
 * owner person (a user of the province, never a neighbour's), optimistic locking and the audit.
 */
describe('KPI setup (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let goalId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    [{ goal_id: goalId }] = await t.dataSource.query(`SELECT goal_id FROM kpi WHERE id = $1`, [f.kpis['50/K1.2.1']]);
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const base = {
    code: 'K9.1',
    nameTh: 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรอง',
    nameEn: 'Elderly screened',
    unitTh: 'ร้อยละ',
    unitEn: 'percent',
    direction: 'higher_better',
    frequency: 'quarterly',
    rollup: 'ratio',
    ratioMultiplier: '100',
    numeratorTh: 'ผู้สูงอายุที่ได้รับการคัดกรอง',
    denominatorTh: 'ผู้สูงอายุทั้งหมด',
    ownerAgencyTh: 'สำนักงานสาธารณสุขจังหวัด',
    dataSource: 'HDC',
  };

  it("reads a goal's KPIs with their targets and the province's people, for its writers only", async () => {
    const res = await officer().get(`/api/goals/${goalId}/kpi-setup`);
    expect(res.status).toBe(200);
    const body = res.body as KpiSetupDto;
    expect(body.goal).toMatchObject({ id: goalId, orgUnitCode: '50' });
    expect(body.kpis.map((k) => k.id)).toContain(f.kpis['50/K1.2.1']);
    expect(body.people.map((p) => p.id)).toEqual(expect.arrayContaining([f.userIds.officer50, f.userIds.approver50]));
    expect(body.people.map((p) => p.id)).not.toContain(f.userIds.officer52);
    expect((await as(t, f.tokens.officer52).get(`/api/goals/${goalId}/kpi-setup`)).status).toBe(403);
    expect((await as(t, f.tokens.governor50).get(`/api/goals/${goalId}/kpi-setup`)).status).toBe(403);
    const byKpi = await officer().get(`/api/kpis/${f.kpis['50/K1.2.1']}/setup`);
    expect(byKpi.body.goal.id).toBe(goalId);
  });

  it("defines a KPI with an owner person of the province, refuses a neighbour's officer, and never shows the owner publicly", async () => {
    const noParts = await officer()
      .post(`/api/goals/${goalId}/kpis`)
      .send({ ...base, numeratorTh: ' ', denominatorTh: undefined });
    expect(noParts.status).toBe(422);
    expect(noParts.body).toMatchObject({
      code: 'kpi.ratioPartsRequired',
      details: [{ field: 'numeratorTh' }, { field: 'denominatorTh' }],
    });
    const wrong = await officer()
      .post(`/api/goals/${goalId}/kpis`)
      .set('Accept-Language', 'en')
      .send({ ...base, ownerUserId: f.userIds.officer52 });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'kpi.ownerNotInUnit', details: [{ field: 'ownerUserId' }] });
    expect((await t.dataSource.query(`SELECT 1 FROM kpi WHERE code = 'K9.1'`)).length).toBe(0);

    const res = await officer()
      .post(`/api/goals/${goalId}/kpis`)
      .send({ ...base, ownerUserId: f.userIds.officer50 });
    expect(res.status).toBe(201);
    const kpi = res.body as KpiDefinitionDto;
    expect(kpi).toMatchObject({ ownerUserId: f.userIds.officer50, rollup: 'ratio', ratioMultiplier: '100' });
    expect(kpi.hardLimits).toEqual({ min: '0', max: '100' });
    const [audit] = await t.dataSource.query(
      `SELECT action, user_id FROM audit_event WHERE entity = 'kpi' AND entity_id = $1`,
      [kpi.id],
    );
    expect(audit).toEqual({ action: 'insert', user_id: f.userIds.officer50 });

    const pub = await as(t, null).get(`/api/kpis/${kpi.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.ownerUserId).toBeNull();

    const dup = await officer().post(`/api/goals/${goalId}/kpis`).send(base);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'kpi.codeTaken', details: [{ field: 'code' }] });
  });

  it('refuses a stale edit with "changed by someone else" and keeps the first edit', async () => {
    const [{ id, version }] = await t.dataSource.query(`SELECT id, version FROM kpi WHERE code = 'K9.1'`);
    const first = await officer().patch(`/api/kpis/${id}`).send({ version, nameEn: 'Elderly screened (first)' });
    expect(first.status).toBe(200);
    const stale = await officer()
      .patch(`/api/kpis/${id}`)
      .set('Accept-Language', 'en')
      .send({ version, nameEn: 'Elderly screened (stale)', ownerUserId: null });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict.version', message: expect.stringContaining('Someone else') });
    const [row] = await t.dataSource.query(`SELECT name_en, owner_user_id FROM kpi WHERE id = $1`, [id]);
    expect(row).toEqual({ name_en: 'Elderly screened (first)', owner_user_id: f.userIds.officer50 });
    const [audit] = await t.dataSource.query(
      `SELECT before->>'nameEn' AS before, after->>'nameEn' AS after FROM audit_event
        WHERE entity = 'kpi' AND entity_id = $1 AND action = 'update'`,
      [id],
    );
    expect(audit).toEqual({ before: 'Elderly screened', after: 'Elderly screened (first)' });
  });
});
