import { ClsService } from 'nestjs-cls';
import { as, auditCount, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { KpiResult } from '../kpis/kpi-result.entity';

describe('audit trail (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let kpiId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    kpiId = f.kpis['50/K1.2.1'];
    [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = '50'`);
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = 2570`, [kpiId]);
  });

  afterAll(() => t.close());

  it('records an API write once, with who, unit, request id, and before and after', async () => {
    const officer = as(t, f.tokens.officer50);
    const created = await officer
      .put(`/api/kpis/${kpiId}/results/2570-M01`)
      .set('X-Request-Id', 'req-create-1')
      .send({ value: '100' });
    expect(created.status).toBe(200);
    const updated = await officer
      .put(`/api/kpis/${kpiId}/results/2570-M01`)
      .set('X-Request-Id', 'req-update-1')
      .send({ value: '120.5', version: created.body.version });
    expect(updated.status).toBe(200);

    const rows = await t.dataSource.query(
      `SELECT user_id, action, entity, entity_id, org_unit_id, before, after, request_id
       FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      user_id: f.userIds.officer50,
      action: 'insert',
      entity: 'kpi_result',
      org_unit_id: unitId,
      before: null,
      request_id: 'req-create-1',
    });
    expect(rows[0].after).toMatchObject({ value: '100', status: 'draft', period: '2570-M01' });
    expect(rows[1]).toMatchObject({ action: 'update', request_id: 'req-update-1' });
    expect(rows[1].before).toMatchObject({ value: '100', version: 1 });
    expect(rows[1].after).toMatchObject({ value: '120.5', version: 2 });
  });

  it('a rolled-back write leaves no audit row (and no data); the same write committed leaves one', async () => {
    const cls = t.app.get(ClsService);
    const write = (period: string, fail: boolean) =>
      cls.run(() =>
        t.dataSource.transaction(async (m) => {
          await m.save(m.create(KpiResult, { kpiId, fiscalYear: 2570, period, value: '1', evidence: [] }));
          if (fail) throw new Error('fails after the write, before commit');
        }),
      );
    const audits = await auditCount(t);
    await expect(write('2570-M05', true)).rejects.toThrow(/before commit/);
    expect(await auditCount(t)).toBe(audits);
    expect(
      await t.dataSource.query(`SELECT 1 FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M05'`, [kpiId]),
    ).toEqual([]);
    await write('2570-M05', false);
    expect(await auditCount(t)).toBe(audits + 1);
  });

  it('never records password hashes', async () => {
    const res = await as(t, f.tokens.admin).post('/api/users').send({
      email: 'new.officer@demo.go.th',
      displayName: 'เจ้าหน้าที่ใหม่',
      role: 'province_officer',
      orgUnitCode: '50',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    const [row] = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE entity = 'app_user' AND entity_id = $1`,
      [res.body.id],
    );
    expect(row.after.email).toBe('new.officer@demo.go.th');
    expect(JSON.stringify(row.after)).not.toMatch(/argon2|passwordHash/);
  });

  it('cannot be changed: the app role has no UPDATE/DELETE/TRUNCATE, and a trigger refuses them anyway', async () => {
    const privileges = await t.dataSource.query(
      `SELECT has_table_privilege(current_user, 'audit_event', 'UPDATE') AS upd,
              has_table_privilege(current_user, 'audit_event', 'DELETE') AS del,
              has_table_privilege(current_user, 'audit_event', 'TRUNCATE') AS trunc,
              has_table_privilege(current_user, 'audit_event', 'INSERT') AS ins`,
    );
    expect(privileges).toEqual([{ upd: false, del: false, trunc: false, ins: true }]);
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
  });

  it('GET /api/audit filters by entity and user, pages, and stays inside the unit', async () => {
    const approver = as(t, f.tokens.approver50);
    const page = await approver.get(`/api/audit?unit=50&entity=kpi_result&userId=${f.userIds.officer50}&pageSize=1`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      action: 'update',
      orgUnitCode: '50',
      userEmail: 'officer.50@demo.go.th',
    });
    const second = await approver.get(
      `/api/audit?unit=50&entity=kpi_result&userId=${f.userIds.officer50}&pageSize=1&page=2`,
    );
    expect(second.body.items[0].action).toBe('insert');
    const future = await approver.get(`/api/audit?unit=50&from=2999-01-01T00:00:00Z`);
    expect(future.body).toMatchObject({ total: 0, items: [] });
    // Without a unit the approver gets his own province: the admin's user change in Chiang Mai is there too.
    const own = await approver.get('/api/audit');
    expect(own.body.items.every((i: { orgUnitCode: string }) => i.orgUnitCode === '50')).toBe(true);
  });
});
