import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * The 4T risk register on a real PostgreSQL: a province's own (organisation-level) risk, its
 * reassessments with the residual after treatment kept as history (who, when), the refusals (role,
 * scope, stale version, residual above inherent) that change nothing, the audit rows, and the
 * province's switch that publishes its directives and risks on the public page.
 */
describe('risk register (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const client = (who: keyof Fixture['tokens'] | null) => as(t, who ? f.tokens[who] : null);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const body = {
    description: 'บุคลากรด้านสาธารณสุขไม่เพียงพอในช่วงฤดูฝุ่น PM2.5',
    likelihood: 4,
    impact: 4,
    response: 'treat',
    owner: 'สำนักงานสาธารณสุขจังหวัด',
    mitigation: 'จัดทีมสำรองจากโรงพยาบาลชุมชน',
    reviewDate: '2027-01-15',
  };
  const create = (who: keyof Fixture['tokens'] = 'officer50', extra: Record<string, unknown> = {}) =>
    client(who)
      .post('/api/units/50/risks')
      .send({ ...body, ...extra });
  const row = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT likelihood, impact, residual_likelihood AS "rl", residual_impact AS "ri", response, version FROM risk WHERE id = $1`,
        [id],
      )
    )[0];
  const history = async (id: string) =>
    t.dataSource.query(`SELECT count(*)::int AS n FROM risk_assessment WHERE risk_id = $1`, [id]);
  const audits = async (table: string, id: string) =>
    t.dataSource.query(
      `SELECT action, user_id AS "userId" FROM audit_event WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
      [table, id],
    );
  const switchAudits = async (unitId: string) =>
    t.dataSource.query(
      `SELECT action, user_id AS "userId", after->>'public' AS public FROM audit_event
       WHERE entity = 'follow_up_publication' AND org_unit_id = $1 ORDER BY id`,
      [unitId],
    );

  it('creates an organisation-level risk, reassesses it with a residual, and keeps every assessment', async () => {
    const created = await create().expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      level: 'organisation',
      projectId: null,
      kpiId: null,
      score: 16,
      band: 'extreme',
      residualScore: null,
      version: 1,
    });
    expect(await audits('risk', id)).toEqual([{ action: 'insert', userId: f.userIds.officer50 }]);

    // On the province's register, beside its projects' and KPIs' risks, and readable by the governor.
    const register = await client('governor50').get('/api/risks?unit=50').expect(200);
    expect(register.body.find((r: { id: string }) => r.id === id)).toMatchObject({ level: 'organisation' });

    const reassessed = await client('approver50')
      .post(`/api/risks/${id}/assessments`)
      .send({
        version: 1,
        likelihood: 4,
        impact: 5,
        response: 'treat',
        residualLikelihood: 2,
        residualImpact: 3,
        mitigation: 'จัดทีมสำรองและจัดซื้อเครื่องฟอกอากาศ',
        note: 'ค่าฝุ่นสูงกว่าปีก่อน',
      })
      .expect(200);
    expect(reassessed.body.risk).toMatchObject({
      score: 20,
      residualLikelihood: 2,
      residualImpact: 3,
      residualScore: 6,
      residualBand: 'medium',
      mitigation: 'จัดทีมสำรองและจัดซื้อเครื่องฟอกอากาศ',
      version: 2,
    });
    expect(reassessed.body.subject).toMatchObject({ kind: 'province', code: '50' });
    expect(reassessed.body.mayEdit).toBe(true);
    // Newest first, each with who and when.
    expect(reassessed.body.history).toMatchObject([
      { score: 20, residualScore: 6, note: 'ค่าฝุ่นสูงกว่าปีก่อน', assessedBy: expect.any(String) },
      { score: 16, residualScore: null, note: '', assessedBy: expect.any(String) },
    ]);
    expect(reassessed.body.history[0].assessedAt >= reassessed.body.history[1].assessedAt).toBe(true);
    const names: { display_name: string }[] = await t.dataSource.query(
      `SELECT display_name FROM app_user WHERE id = ANY($1)`,
      [[f.userIds.approver50]],
    );
    expect(reassessed.body.history[0].assessedBy).toBe(names[0].display_name);
    expect(await audits('risk', id)).toEqual([
      { action: 'insert', userId: f.userIds.officer50 },
      { action: 'update', userId: f.userIds.approver50 },
    ]);
    const assessmentAudits: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'risk_assessment' AND entity_id IN
         (SELECT id::text FROM risk_assessment WHERE risk_id = $1)`,
      [id],
    );
    expect(assessmentAudits[0].n).toBe(2);

    // The governor (who only reads) sees the screen, without the right to change it.
    const seen = await client('governor50').get(`/api/risks/${id}`).expect(200);
    expect(seen.body.mayEdit).toBe(false);
    expect(seen.body.history).toHaveLength(2);
  });

  it('a PATCH that moves the scores is a new assessment; one that only rewords is not', async () => {
    const id = (await create().expect(201)).body.id;
    await client('officer50').patch(`/api/risks/${id}`).send({ version: 1, owner: 'ปภ.จังหวัด' }).expect(200);
    expect(await history(id)).toEqual([{ n: 1 }]);
    await client('officer50')
      .patch(`/api/risks/${id}`)
      .send({ version: 2, residualLikelihood: 1, residualImpact: 2 })
      .expect(200);
    expect(await history(id)).toEqual([{ n: 2 }]);
  });

  it('refuses the wrong role, the wrong province, a stale version and a bad residual, changing nothing', async () => {
    const id = (await create().expect(201)).body.id;
    const reassess = { version: 1, likelihood: 3, impact: 3, response: 'take' };
    await create('governor50').expect(403);
    await create('officer52').expect(403);
    await create('analyst').expect(403);
    await client(null).post('/api/units/50/risks').send(body).expect(401);
    await client('governor50').post(`/api/risks/${id}/assessments`).send(reassess).expect(403);
    await client('officer52').post(`/api/risks/${id}/assessments`).send(reassess).expect(403);
    await client('officer52').get(`/api/risks/${id}`).expect(403);
    await client('officer50')
      .post(`/api/risks/${id}/assessments`)
      .send({ ...reassess, version: 7 })
      .expect(409);
    const half = await client('officer50')
      .post(`/api/risks/${id}/assessments`)
      .send({ ...reassess, residualLikelihood: 2 })
      .expect(422);
    expect(JSON.stringify(half.body)).toContain('residualImpact');
    const above = await client('officer50')
      .post(`/api/risks/${id}/assessments`)
      .set('Accept-Language', 'en')
      .send({ ...reassess, residualLikelihood: 4, residualImpact: 4 })
      .expect(422);
    expect(JSON.stringify(above.body)).toMatch(/cannot be higher/);
    await create('officer50', { residualLikelihood: 5, residualImpact: 5 }).expect(422);
    await client('officer50')
      .post(`/api/risks/${id}/assessments`)
      .send({ ...reassess, likelihood: 6 })
      .expect(400);
    // A cluster is no province: an admin may write there, but a province's risk it is not.
    await client('admin').post('/api/units/C15/risks').send(body).expect(422);
    expect(await row(id)).toEqual({ likelihood: 4, impact: 4, rl: null, ri: null, response: 'treat', version: 1 });
    expect(await history(id)).toEqual([{ n: 1 }]);
    // A closed risk is not reassessed.
    await client('officer50').patch(`/api/risks/${id}`).send({ version: 1, status: 'closed' }).expect(200);
    await client('officer50')
      .post(`/api/risks/${id}/assessments`)
      .send({ ...reassess, version: 2 })
      .expect(422);
  });

  it("publishes the province's directives and risks only once its governor turns the switch on, audited", async () => {
    const riskId = (await create().expect(201)).body.id;
    await client('governor50')
      .post('/api/directives')
      .send({
        orgUnitCode: '50',
        title: 'ตั้งทีมเฝ้าระวังฝุ่น',
        ownerUserId: f.userIds.officer50,
        ownerAgency: 'สำนักงานสาธารณสุขจังหวัด',
        dueDate: '2099-01-31',
        riskId,
      })
      .expect(201);
    const closed = await client(null).get('/api/public/provinces/50/follow-up').expect(200);
    expect(closed.body).toEqual({ code: '50', public: false, risks: [], directives: [] });

    const before = await client('governor50').get('/api/units/50/follow-up-publication').expect(200);
    expect(before.body).toEqual({ unitCode: '50', public: false, version: 0, mayChange: true });
    expect((await client('officer50').get('/api/units/50/follow-up-publication').expect(200)).body.mayChange).toBe(
      false,
    );
    await client('officer50').put('/api/units/50/follow-up-publication').send({ public: true, version: 0 }).expect(403);
    await client('approver50').put('/api/units/50/follow-up-publication').send({ public: true, version: 0 }).expect(403);
    await client('officer52').put('/api/units/50/follow-up-publication').send({ public: true, version: 0 }).expect(403);
    await client('governor50').put('/api/units/50/follow-up-publication').send({ public: true }).expect(400);

    const on = await client('governor50')
      .put('/api/units/50/follow-up-publication')
      .send({ public: true, version: 0 })
      .expect(200);
    expect(on.body).toMatchObject({ public: true, version: 1 });
    const unitId: string = (await t.dataSource.query(`SELECT id FROM org_unit WHERE code = '50'`))[0].id;
    expect(await switchAudits(unitId)).toEqual([{ action: 'insert', userId: f.userIds.governor50, public: 'true' }]);
    // A second tab still holding version 0 is told, not obeyed.
    await client('governor50').put('/api/units/50/follow-up-publication').send({ public: false, version: 0 }).expect(409);

    const open = await client(null).get('/api/public/provinces/50/follow-up').expect(200);
    expect(open.body.public).toBe(true);
    const risk = open.body.risks.find((r: { id: string }) => r.id === riskId);
    expect(risk).toMatchObject({ level: 'organisation', score: 16, treatment: body.mitigation });
    expect(risk).not.toHaveProperty('owner');
    const directive = open.body.directives.find((d: { title: string }) => d.title === 'ตั้งทีมเฝ้าระวังฝุ่น');
    expect(directive).toMatchObject({ ownerAgency: 'สำนักงานสาธารณสุขจังหวัด', state: 'issued', overdue: false });
    expect(JSON.stringify(open.body)).not.toContain(f.userIds.officer50);

    await client('governor50').put('/api/units/50/follow-up-publication').send({ public: false, version: 1 }).expect(200);
    expect((await client(null).get('/api/public/provinces/50/follow-up').expect(200)).body.risks).toEqual([]);
    expect(await switchAudits(unitId)).toEqual([
      { action: 'insert', userId: f.userIds.governor50, public: 'true' },
      { action: 'update', userId: f.userIds.governor50, public: 'false' },
    ]);
    await client(null).get('/api/public/provinces/C15/follow-up').expect(404);
  });
});
