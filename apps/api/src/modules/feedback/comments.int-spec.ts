import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

describe("People's Audit: citizens' comments on public KPIs (real PostgreSQL)", () => {
  let t: TestApp;
  let f: Fixture;
  const http = () => request(t.app.getHttpServer());
  let kpi: string;
  /** Each public read with its own address: the server keeps a read 30 s, and each step must see the database. */
  let n = 0;
  const publicComments = () => http().get(`/api/public/kpis/${kpi}/comments?read=${n++}`).expect(200);

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    kpi = f.kpis['50/K1.2.1'];
  });

  afterAll(() => t.close());

  const comment = async (status: 'pending' | 'approved' | 'hidden', body: string) => {
    const [row] = await t.dataSource.query(
      `INSERT INTO kpi_comment (kpi_id, org_unit_id, body, status) SELECT id, org_unit_id, $2, $3 FROM kpi WHERE id = $1
       RETURNING id, version`,
      [kpi, body, status],
    );
    return row as { id: string; version: number };
  };

  it('takes a comment from anyone as pending, audited; pending comments never show publicly', async () => {
    const res = await http()
      .post(`/api/public/kpis/${kpi}/comments`)
      .send({
        body: 'ตัวเลขรายได้เดือนนี้สูงกว่าที่ร้านค้าในพื้นที่เห็น',
        authorName: 'ชาวบ้านสันทราย',
        period: '2569-M03',
      })
      .expect(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'pending' });
    const [audit] = await t.dataSource.query(
      `SELECT action, user_id, org_unit_id FROM audit_event WHERE entity = 'kpi_comment' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit).toEqual({ action: 'insert', user_id: null, org_unit_id: expect.any(String) });

    expect((await publicComments()).body).toEqual([]);
    // Not in the open data either: no dataset carries comments, and the KPI page has none.
    const page = await http().get(`/api/public/kpis/${kpi}?fiscalYear=2569`).expect(200);
    expect(JSON.stringify(page.body)).not.toContain('ชาวบ้านสันทราย');
  });

  it('refuses empty, oversized, robot-filled and unknown-KPI comments', async () => {
    await http().post(`/api/public/kpis/${kpi}/comments`).send({ body: ' ' }).expect(400);
    await http()
      .post(`/api/public/kpis/${kpi}/comments`)
      .send({ body: 'ก'.repeat(1001) })
      .expect(400);
    await http().post(`/api/public/kpis/${kpi}/comments`).send({ body: 'สวัสดีครับ', website: 'x' }).expect(400);
    await http()
      .post('/api/public/kpis/00000000-0000-4000-8000-000000000000/comments')
      .send({ body: 'สวัสดีครับ' })
      .expect(404);
  });

  it('moderation belongs to the province: its approver (and admins) only', async () => {
    const { id, version } = await comment('pending', 'ความเห็นรอพิจารณา');
    for (const who of ['officer50', 'governor50', 'officer52', 'analyst', 'clusterC15'] as const) {
      await as(t, f.tokens[who]).get('/api/provinces/50/kpi-comments').expect(403);
      await as(t, f.tokens[who]).post(`/api/kpi-comments/${id}/approve`).send({ version }).expect(403);
    }
    await http().get('/api/provinces/50/kpi-comments').expect(401);
    const queue = await as(t, f.tokens.approver50).get('/api/provinces/50/kpi-comments').expect(200);
    expect(queue.body.map((c: { id: string }) => c.id)).toContain(id);
    expect(queue.body.every((c: { status: string }) => c.status === 'pending')).toBe(true);
    await as(t, f.tokens.approver50).get('/api/provinces/52/kpi-comments').expect(403);
  });

  it('shows a comment once approved, takes it back when hidden; each step audited; stale versions refused', async () => {
    const { id, version } = await comment('pending', 'ขอบคุณที่เปิดเผยข้อมูล');
    await as(t, f.tokens.approver50)
      .post(`/api/kpi-comments/${id}/approve`)
      .send({ version: version + 1 })
      .expect(409);
    const approved = await as(t, f.tokens.approver50)
      .post(`/api/kpi-comments/${id}/approve`)
      .send({ version })
      .expect(200);
    expect(approved.body).toMatchObject({ id, status: 'approved', version: version + 1 });
    const shown = (await publicComments()).body;
    expect(shown).toEqual([expect.objectContaining({ id, body: 'ขอบคุณที่เปิดเผยข้อมูล' })]);
    expect(Object.keys(shown[0]).sort()).toEqual(['authorName', 'body', 'createdAt', 'id', 'period']);

    await as(t, f.tokens.admin)
      .post(`/api/kpi-comments/${id}/hide`)
      .send({ version: version + 1 })
      .expect(200);
    expect((await publicComments()).body).toEqual([]);
    const trail = await t.dataSource.query(
      `SELECT action, user_id, after->>'status' AS status FROM audit_event WHERE entity = 'kpi_comment' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(trail).toEqual([
      { action: 'update', user_id: f.userIds.approver50, status: 'approved' },
      { action: 'update', user_id: f.userIds.admin, status: 'hidden' },
    ]);
  });

  it('limits comments per address (429 beyond a few in ten minutes), whatever cookie each request brings', async () => {
    let status = 201;
    for (let i = 0; i < 7 && status !== 429; i++) {
      // A fresh random session cookie each time: the client chooses it, so it must not choose its bucket.
      status = (
        await http()
          .post(`/api/public/kpis/${kpi}/comments`)
          .set('Cookie', `pd_refresh=${randomBytes(32).toString('base64url')}`)
          .send({ body: `ความเห็นที่ ${i}` })
      ).status;
    }
    expect(status).toBe(429);
  });
});
