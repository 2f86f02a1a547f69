import { addDays, bangkokDateOf } from '@provdash/shared/domain';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/**
 * Directives end to end on a real PostgreSQL: the governor issues, the owner acknowledges, reports
 * and asks to close, the governor returns or closes; every refusal (wrong person, wrong province,
 * wrong state, stale version) changes nothing; every step leaves audit rows and a live event.
 */
describe('directives (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const client = (who: keyof Fixture['tokens'] | null) => as(t, who ? f.tokens[who] : null);
  const due = addDays(bangkokDateOf(new Date()), 30);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const issue = (extra: Record<string, unknown> = {}) =>
    client('governor50')
      .post('/api/directives')
      .send({
        orgUnitCode: '50',
        title: 'เร่งรัดรายได้การท่องเที่ยวให้ถึงเป้าหมาย',
        ownerUserId: f.userIds.officer50,
        ownerAgency: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัด',
        dueDate: due,
        kpiId: f.kpis['50/K1.2.1'],
        ...extra,
      });

  const row = async (id: string) =>
    (await t.dataSource.query(`SELECT state, percent, version FROM directive WHERE id = $1`, [id]))[0];
  const audits = async (id: string) =>
    t.dataSource.query(`SELECT entity, action, user_id AS "userId" FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
      id,
    ]);
  const liveEvents = async (id: string) =>
    t.dataSource.query(
      `SELECT room, payload->>'step' AS step, payload->>'state' AS state FROM realtime_event
       WHERE event = 'directive.changed' AND payload->>'directiveId' = $1 ORDER BY room, seq`,
      [id],
    );

  it('runs the whole loop: issue → acknowledge → progress → ask to close → return → progress → close, audited and live', async () => {
    const issued = await issue().expect(201);
    const id = issued.body.id;
    expect(issued.body).toMatchObject({
      state: 'issued',
      orgUnitCode: '50',
      ownerUserId: f.userIds.officer50,
      source: { kind: 'kpi', id: f.kpis['50/K1.2.1'], code: 'K1.2.1' },
      overdue: false,
      canIssue: true,
      canAnswer: false,
      version: 1,
    });
    expect(await audits(id)).toEqual([{ entity: 'directive', action: 'insert', userId: f.userIds.governor50 }]);
    // The officer sees it on the province's page, marked as theirs to answer.
    const board = await client('officer50').get('/api/directives?unit=50&mine=true').expect(200);
    expect(board.body.directives.map((d: { id: string }) => d.id)).toContain(id);
    expect(board.body.directives.find((d: { id: string }) => d.id === id).canAnswer).toBe(true);
    expect(board.body.canIssue).toBe(false);
    expect(board.body.people).toEqual([]);

    let v = (await client('officer50').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(200)).body
      .version;
    expect(await row(id)).toEqual({ state: 'acknowledged', percent: 0, version: v });

    const progressed = await client('officer50')
      .post(`/api/directives/${id}/progress`)
      .send({
        version: v,
        note: 'ประชุมผู้ประกอบการแล้ว จัดกิจกรรมส่งเสริมการท่องเที่ยวสองรายการ',
        percent: 40,
        evidence: [{ url: 'https://example.go.th/minutes.pdf', title: 'บันทึกการประชุม' }],
      })
      .expect(200);
    expect(progressed.body).toMatchObject({ state: 'in_progress', percent: 40 });
    expect(progressed.body.progress).toEqual([
      expect.objectContaining({
        percent: 40,
        posterName: expect.any(String),
        evidence: [expect.objectContaining({ title: 'บันทึกการประชุม' })],
      }),
    ]);
    v = progressed.body.version;

    v = (
      await client('officer50')
        .post(`/api/directives/${id}/request-close`)
        .send({ version: v, note: 'ดำเนินการครบแล้ว' })
        .expect(200)
    ).body.version;
    // A return needs a reason, next to its field.
    const noReason = await client('governor50').post(`/api/directives/${id}/return`).send({ version: v }).expect(422);
    expect(noReason.body.details[0].field).toBe('note');
    const returned = await client('governor50')
      .post(`/api/directives/${id}/return`)
      .send({ version: v, note: 'ยังไม่มีตัวเลขรายได้เดือนล่าสุด' })
      .expect(200);
    expect(returned.body).toMatchObject({ state: 'returned', issuerNote: 'ยังไม่มีตัวเลขรายได้เดือนล่าสุด' });
    v = returned.body.version;
    v = (
      await client('officer50')
        .post(`/api/directives/${id}/progress`)
        .send({ version: v, note: 'รายได้เดือนล่าสุดถึงเป้าแล้ว', percent: 100 })
        .expect(200)
    ).body.version;
    v = (await client('officer50').post(`/api/directives/${id}/request-close`).send({ version: v }).expect(200)).body
      .version;
    const closed = await client('governor50')
      .post(`/api/directives/${id}/close`)
      .send({ version: v, note: 'ขอบคุณ' })
      .expect(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      percent: 100,
      canAnswer: false,
      closedAt: expect.any(String),
    });
    expect(closed.body.progress).toHaveLength(2);

    // Every step of the directive is an audited update by the person who took it.
    const trail = await audits(id);
    expect(trail.map((a: { action: string; userId: string }) => [a.action, a.userId])).toEqual([
      ['insert', f.userIds.governor50],
      ['update', f.userIds.officer50],
      ['update', f.userIds.officer50],
      ['update', f.userIds.officer50],
      ['update', f.userIds.governor50],
      ['update', f.userIds.officer50],
      ['update', f.userIds.officer50],
      ['update', f.userIds.governor50],
    ]);
    const [posts] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event a JOIN directive_progress p ON p.id::text = a.entity_id
       WHERE a.entity = 'directive_progress' AND p.directive_id = $1`,
      [id],
    );
    expect(posts.n).toBe(2);

    // Live: each step to the province's workspace room and to the issuer's and owner's own rooms, never public.
    const live = await liveEvents(id);
    const rooms = [...new Set(live.map((e: { room: string }) => e.room))].sort();
    expect(rooms).toEqual([`user:${f.userIds.governor50}`, `user:${f.userIds.officer50}`, 'workspace:50'].sort());
    expect(
      live.filter((e: { room: string }) => e.room === 'workspace:50').map((e: { step: string }) => e.step),
    ).toEqual(['issue', 'acknowledge', 'progress', 'requestClose', 'return', 'progress', 'requestClose', 'close']);
  });

  it('refuses the wrong person, province and state, and a stale version, changing nothing', async () => {
    const id = (await issue().expect(201)).body.id;
    const before = await row(id);
    const auditBefore = (await audits(id)).length;

    // Issuing: only the governor of the province (an officer, an approver, an analyst or another province may not).
    for (const who of ['officer50', 'approver50', 'analyst', 'clusterC15', 'officer52'] as const)
      expect(
        (
          await client(who)
            .post('/api/directives')
            .send({ orgUnitCode: '50', title: 'ข้อสั่งการ', ownerAgency: 'x', dueDate: due })
        ).status,
      ).toBe(403);
    expect(
      (
        await client(null)
          .post('/api/directives')
          .send({ orgUnitCode: '50', title: 'ข้อสั่งการ', ownerAgency: 'x', dueDate: due })
      ).status,
    ).toBe(401);
    // The governor's own steps are not the owner's, and the owner's not the governor's.
    await client('governor50').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(403);
    await client('approver50').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(403);
    await client('officer50').post(`/api/directives/${id}/close`).send({ version: 1 }).expect(403);
    await client('officer52').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(403);
    await client('officer52').get(`/api/directives/${id}`).expect(403);
    // Ministry and cluster staff do not read a province's internal follow-up.
    await client('analyst').get('/api/directives?unit=50').expect(403);
    await client('clusterC15').get(`/api/directives/${id}`).expect(403);
    // Wrong state: closing what was never put up for closing.
    const wrong = await client('governor50').post(`/api/directives/${id}/close`).send({ version: 1 }).expect(409);
    expect(wrong.body.message).toBeTruthy();
    // Stale: the owner acknowledges with the version before someone else's change.
    await client('officer50').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(200);
    const stale = await client('officer50')
      .post(`/api/directives/${id}/progress`)
      .send({ version: 1, note: 'x', percent: 10 })
      .expect(409);
    expect(stale.body.message).toMatch(/ผู้อื่น|someone else/i);
    expect(await row(id)).toEqual({ ...before, state: 'acknowledged', version: before.version + 1 });
    expect((await audits(id)).length).toBe(auditBefore + 1);
    const [posts] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM directive_progress WHERE directive_id = $1`,
      [id],
    );
    expect(posts.n).toBe(0);
  });

  it('refuses bad input with the field it concerns', async () => {
    const noOwner = await issue({ ownerUserId: null, ownerAgency: '' }).expect(422);
    expect(JSON.stringify(noOwner.body)).toContain('ownerAgency');
    const outsider = await issue({ ownerUserId: f.userIds.officer52 }).expect(422);
    expect(JSON.stringify(outsider.body)).toContain('ownerUserId');
    const past = await issue({ dueDate: addDays(bangkokDateOf(new Date()), -1) }).expect(422);
    expect(JSON.stringify(past.body)).toContain('dueDate');
    await issue({ kpiId: f.kpis['52/K1.2.1'] }).expect(422);
    await issue({ projectId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    await issue({ title: '' }).expect(400);
    await issue({ dueDate: '2026-02-30' }).expect(400);
    await client('admin')
      .post('/api/directives')
      .send({ orgUnitCode: 'C15', title: 'ข้อสั่งการ', ownerAgency: 'x', dueDate: due })
      .expect(422);
  });

  it('gives an agency-only directive to the province writers; lists open, overdue and closed with the counts', async () => {
    const id = (await issue({ ownerUserId: null, kpiId: undefined }).expect(201)).body.id;
    await client('approver50').post(`/api/directives/${id}/acknowledge`).send({ version: 1 }).expect(200);
    // Make it overdue as of yesterday (Bangkok) and check the board says so.
    await t.dataSource.query(`UPDATE directive SET due_date = $2 WHERE id = $1`, [
      id,
      addDays(bangkokDateOf(new Date()), -1),
    ]);
    const overdue = await client('governor50').get('/api/directives?unit=50&show=overdue').expect(200);
    const mine = overdue.body.directives.find((d: { id: string }) => d.id === id);
    expect(mine).toMatchObject({ overdue: true, daysOverdue: 1, source: { kind: 'none' } });
    expect(overdue.body.directives.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    expect(overdue.body.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(overdue.body.byAgency).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agency: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัด', overdue: expect.any(Number) }),
      ]),
    );
    expect(overdue.body.people.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([f.userIds.officer50, f.userIds.approver50]),
    );
    expect(overdue.body.people.map((p: { id: string }) => p.id)).not.toContain(f.userIds.officer52);
    const closed = await client('governor50').get('/api/directives?unit=50&show=closed').expect(200);
    expect(closed.body.directives.every((d: { state: string }) => d.state === 'closed')).toBe(true);
    expect(closed.body.counts.closedThisMonth).toBeGreaterThanOrEqual(1);
    // The KPI's own page lists its directives.
    const ofKpi = await client('governor50').get(`/api/directives?unit=50&kpiId=${f.kpis['50/K1.2.1']}`).expect(200);
    expect(ofKpi.body.directives.length).toBeGreaterThanOrEqual(2);
    expect(ofKpi.body.directives.every((d: { source: { id: string } }) => d.source.id === f.kpis['50/K1.2.1'])).toBe(
      true,
    );
  });

  it('issues from a project and from a risk of the province', async () => {
    const [project] = await t.dataSource.query(
      `SELECT p.id FROM project p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' LIMIT 1`,
    );
    const [risk] = await t.dataSource.query(
      `INSERT INTO risk (project_id, description, likelihood, impact, response, owner) VALUES ($1, 'ผู้รับจ้างส่งมอบล่าช้า', 4, 4, 'treat', 'สำนักงานโยธาธิการ') RETURNING id`,
      [project.id],
    );
    const fromProject = await issue({ kpiId: undefined, projectId: project.id }).expect(201);
    expect(fromProject.body.source).toMatchObject({ kind: 'project', id: project.id });
    const fromRisk = await issue({ kpiId: undefined, riskId: risk.id }).expect(201);
    expect(fromRisk.body.source).toMatchObject({ kind: 'risk', id: risk.id, nameTh: 'ผู้รับจ้างส่งมอบล่าช้า' });
    await issue({ projectId: project.id }).expect(422);
  });
});
