import { Workbook } from 'exceljs';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../database/seeds/demo/demo-users.seed';
import { as, auditCount, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/** A password the strength rule accepts, unrelated to any test user's name. */
const STRONG = 'violet-harbour-juniper-41';
const STRONGER = 'copper-meadow-lantern-87';

function cookieOf(res: request.Response): string {
  const c = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((x) => x.startsWith('pd_refresh='));
  if (!c) throw new Error('no refresh cookie');
  return c.split(';')[0];
}

describe('people admin, own password and sessions (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const sockets: Socket[] = [];
  const http = () => request(t.app.getHttpServer());
  const admin = () => as(t, f.tokens.admin);
  const versionOf = async (id: string): Promise<number> =>
    (await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [id]))[0].version;
  const login = (email: string, password: string, userAgent = 'jest-device') =>
    http().post('/api/auth/login').set('User-Agent', userAgent).send({ email, password });

  async function invite(email: string, role = 'province_officer', orgUnitCode = '50') {
    const res = await admin().post('/api/users').send({ email, displayName: 'ผู้ใช้ทดสอบ', role, orgUnitCode });
    expect(res.status).toBe(201);
    return res.body as { id: string; temporaryPassword: string; version: number };
  }

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('invites with a temporary password shown once; the user may only set their own until they do', async () => {
    const audits = await auditCount(t);
    const invited = await invite('invited.one@demo.go.th');
    expect(invited.temporaryPassword).toMatch(/^[\w-]{20,}$/);
    expect(invited).toMatchObject({ mustChangePassword: true, disabled: false, lastSignInAt: null });
    expect(await auditCount(t)).toBe(audits + 1);
    // Never again: the list does not carry it.
    const list = await admin().get('/api/users');
    const listed = list.body.find((u: { id: string }) => u.id === invited.id);
    expect(listed).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify(list.body)).not.toContain(invited.temporaryPassword);

    const signIn = await login('invited.one@demo.go.th', invited.temporaryPassword);
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    const temp = signIn.body.accessToken as string;
    const desk = await as(t, temp).get('/api/workspace/50?fiscalYear=2570');
    expect(desk.status).toBe(403);
    expect(desk.body.code).toBe('auth.mustChangePassword');
    expect((await as(t, temp).get('/api/auth/me')).status).toBe(200);

    // The refusals name their field, in the user's language.
    const wrong = await as(t, temp)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(signIn))
      .set('Accept-Language', 'en')
      .send({ currentPassword: 'not-the-temporary-one', newPassword: STRONG });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', messages: ['is not your current password'] }]);
    const weak = await as(t, temp)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(signIn))
      .send({ currentPassword: invited.temporaryPassword, newPassword: 'Password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0]).toMatchObject({ field: 'newPassword' });
    expect(weak.body.details[0].messages[0]).toMatch(/เดาง่าย/);
    const same = await as(t, temp)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(signIn))
      .send({ currentPassword: invited.temporaryPassword, newPassword: invited.temporaryPassword });
    expect(same.status).toBe(400);
    expect(same.body.details[0]).toMatchObject({ field: 'newPassword' });

    const before = await auditCount(t);
    const set = await as(t, temp)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(signIn))
      .send({ currentPassword: invited.temporaryPassword, newPassword: STRONG });
    expect(set.status).toBe(204);
    // Audited as the user's own change, without any hash.
    const [row] = await t.dataSource.query(
      `SELECT user_id, before, after FROM audit_event WHERE entity = 'app_user' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [invited.id],
    );
    expect(await auditCount(t)).toBe(before + 1);
    expect(row.user_id).toBe(invited.id);
    expect(row.before.mustChangePassword).toBe(true);
    expect(row.after.mustChangePassword).toBe(false);
    expect(JSON.stringify(row)).not.toMatch(/argon2|passwordHash/);

    // The next token of the same session opens the desk.
    const renewed = await http().post('/api/auth/refresh').set('Cookie', cookieOf(signIn));
    expect(renewed.status).toBe(200);
    expect(renewed.body.user.mustChangePassword).toBeUndefined();
    expect((await as(t, renewed.body.accessToken).get('/api/workspace/50?fiscalYear=2570')).status).toBe(200);
    expect((await login('invited.one@demo.go.th', invited.temporaryPassword)).status).toBe(401);
    expect((await login('invited.one@demo.go.th', STRONG)).status).toBe(200);
    const after = (await admin().get('/api/users')).body.find((u: { id: string }) => u.id === invited.id);
    expect(after.lastSignInAt).toEqual(expect.any(String));
  });

  it('refuses an invitation from anyone but an admin, a weak given password and a role that does not fit the scope', async () => {
    const audits = await auditCount(t);
    const body = { email: 'nope@demo.go.th', displayName: 'ไม่ควรมี', role: 'province_officer', orgUnitCode: '50' };
    expect((await as(t, f.tokens.approver50).post('/api/users').send(body)).status).toBe(403);
    expect((await as(t, f.tokens.clusterC15).post('/api/users').send(body)).status).toBe(403);
    const weak = await admin()
      .post('/api/users')
      .send({ ...body, password: 'Password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].field).toBe('password');
    const misfit = await admin()
      .post('/api/users')
      .send({ ...body, orgUnitCode: 'C15' });
    expect(misfit.status).toBe(400);
    expect(misfit.body.details[0].field).toBe('role');
    expect(
      (
        await admin()
          .post('/api/users')
          .send({ ...body, email: 'officer.50@demo.go.th' })
      ).status,
    ).toBe(409);
    expect(await auditCount(t)).toBe(audits);
  });

  it('changes role and scope: the old token is refused at the next request, the socket is closed, a refresh brings the new scope', async () => {
    const invited = await invite('moving.officer@demo.go.th');
    const first = await login('moving.officer@demo.go.th', invited.temporaryPassword);
    await as(t, first.body.accessToken)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(first))
      .send({ currentPassword: invited.temporaryPassword, newPassword: STRONG });
    const session = await login('moving.officer@demo.go.th', STRONG);
    const token = session.body.accessToken as string;
    expect((await as(t, token).get('/api/workspace/50?fiscalYear=2570')).status).toBe(200);
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));

    const version = await versionOf(invited.id);
    // A stale version loses nothing and says so.
    const stale = await admin()
      .patch(`/api/users/${invited.id}`)
      .send({ orgUnitCode: '52', version: version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict.version');
    // Not by a province approver, and not to a scope the role does not fit.
    expect(
      (await as(t, f.tokens.approver50).patch(`/api/users/${invited.id}`).send({ orgUnitCode: '52', version })).status,
    ).toBe(403);
    const misfit = await admin().patch(`/api/users/${invited.id}`).send({ orgUnitCode: 'C15', version });
    expect(misfit.status).toBe(400);
    expect(misfit.body.details[0].field).toBe('role');
    expect((await admin().patch(`/api/users/${invited.id}`).send({ orgUnitCode: 'XX9', version })).status).toBe(404);

    const audits = await auditCount(t);
    const moved = await admin()
      .patch(`/api/users/${invited.id}`)
      .send({ orgUnitCode: '52', role: 'province_approver', version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'province_approver', scope: { code: '52' }, version: version + 1 });
    expect(await auditCount(t)).toBe(audits + 1);
    expect(await closed).toBe('io server disconnect');

    const refused = await as(t, token).get('/api/workspace/50?fiscalYear=2570');
    expect(refused.status).toBe(401);
    const renewed = await http().post('/api/auth/refresh').set('Cookie', cookieOf(session));
    expect(renewed.status).toBe(200);
    expect(renewed.body.user).toMatchObject({ role: 'province_approver', scope: { code: '52' } });
    expect((await as(t, renewed.body.accessToken).get('/api/workspace/50?fiscalYear=2570')).status).toBe(403);
    expect((await as(t, renewed.body.accessToken).get('/api/workspace/52?fiscalYear=2570')).status).toBe(200);
  });

  it('disables: the next request is refused, sign-in too; enabling lets them sign in again', async () => {
    const invited = await invite('leaving.officer@demo.go.th');
    const signIn = await login('leaving.officer@demo.go.th', invited.temporaryPassword);
    const token = signIn.body.accessToken as string;
    expect((await as(t, token).get('/api/auth/me')).status).toBe(200);

    const disabled = await admin()
      .patch(`/api/users/${invited.id}`)
      .send({ disabled: true, version: await versionOf(invited.id) });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    const next = await as(t, token).get('/api/auth/me');
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('auth.invalidToken');
    expect((await http().post('/api/auth/refresh').set('Cookie', cookieOf(signIn))).status).toBe(401);
    expect((await login('leaving.officer@demo.go.th', invited.temporaryPassword)).status).toBe(401);

    const enabled = await admin()
      .patch(`/api/users/${invited.id}`)
      .send({ disabled: false, version: await versionOf(invited.id) });
    expect(enabled.body.disabled).toBe(false);
    expect((await login('leaving.officer@demo.go.th', invited.temporaryPassword)).status).toBe(200);
  });

  it('refuses an admin disabling, demoting or moving themselves', async () => {
    const audits = await auditCount(t);
    const version = await versionOf(f.userIds.admin);
    for (const change of [{ disabled: true }, { role: 'central_analyst' }, { orgUnitCode: 'TH' }]) {
      const res = await admin()
        .patch(`/api/users/${f.userIds.admin}`)
        .send({ ...change, version });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('users.selfChange');
    }
    // Their own name is theirs to change.
    expect(
      (await admin().patch(`/api/users/${f.userIds.admin}`).send({ displayName: 'ผู้ดูแลระบบ (ทดสอบ)', version }))
        .status,
    ).toBe(200);
    expect(await auditCount(t)).toBe(audits + 1);
  });

  it('resets a password: a new temporary one once, every session of the user ended', async () => {
    const invited = await invite('forgetful.officer@demo.go.th');
    const signIn = await login('forgetful.officer@demo.go.th', invited.temporaryPassword);
    const stale = await admin().post(`/api/users/${invited.id}/password-reset`).send({ version: 99 });
    expect(stale.status).toBe(409);
    expect(
      (
        await as(t, f.tokens.officer50)
          .post(`/api/users/${invited.id}/password-reset`)
          .send({ version: await versionOf(invited.id) })
      ).status,
    ).toBe(403);
    const reset = await admin()
      .post(`/api/users/${invited.id}/password-reset`)
      .send({ version: await versionOf(invited.id) });
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).not.toBe(invited.temporaryPassword);
    expect((await as(t, signIn.body.accessToken).get('/api/auth/me')).status).toBe(401);
    expect((await login('forgetful.officer@demo.go.th', invited.temporaryPassword)).status).toBe(401);
    const again = await login('forgetful.officer@demo.go.th', reset.body.temporaryPassword);
    expect(again.body.user.mustChangePassword).toBe(true);
  });

  it('lists my sessions with device and times, and signs out another one or all others', async () => {
    const laptop = await login('officer.52@demo.go.th', DEMO_PASSWORD, 'Laptop Chromium');
    const phone = await login('officer.52@demo.go.th', DEMO_PASSWORD, 'Pixel 7 Chrome');
    const tablet = await login('officer.52@demo.go.th', DEMO_PASSWORD, 'Tablet Safari');
    const mine = await as(t, laptop.body.accessToken).get('/api/auth/sessions');
    expect(mine.status).toBe(200);
    const agents = mine.body.map((s: { userAgent: string }) => s.userAgent);
    expect(agents).toEqual(expect.arrayContaining(['Laptop Chromium', 'Pixel 7 Chrome', 'Tablet Safari']));
    const current = mine.body.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      userAgent: 'Laptop Chromium',
      address: expect.any(String),
      startedAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const phoneId = mine.body.find((s: { userAgent: string }) => s.userAgent === 'Pixel 7 Chrome').id;

    // Nobody else can end it.
    expect((await as(t, f.tokens.officer50).delete(`/api/auth/sessions/${phoneId}`)).status).toBe(404);
    expect((await as(t, phone.body.accessToken).get('/api/auth/me')).status).toBe(200);
    expect((await as(t, laptop.body.accessToken).delete(`/api/auth/sessions/${phoneId}`)).status).toBe(204);
    expect((await as(t, phone.body.accessToken).get('/api/auth/me')).status).toBe(401);
    expect((await http().post('/api/auth/refresh').set('Cookie', cookieOf(phone))).status).toBe(401);

    const others = await as(t, laptop.body.accessToken).post('/api/auth/sessions/sign-out-others');
    expect(others.status).toBe(200);
    expect(others.body.ended).toBeGreaterThanOrEqual(1);
    expect((await as(t, tablet.body.accessToken).get('/api/auth/me')).status).toBe(401);
    expect((await as(t, laptop.body.accessToken).get('/api/auth/me')).status).toBe(200);
    const left = await as(t, laptop.body.accessToken).get('/api/auth/sessions');
    expect(left.body).toEqual([expect.objectContaining({ current: true, userAgent: 'Laptop Chromium' })]);
  });

  it('changing my password signs out my other sessions, keeps this one', async () => {
    const invited = await invite('careful.officer@demo.go.th');
    const here = await login('careful.officer@demo.go.th', invited.temporaryPassword, 'here');
    const there = await login('careful.officer@demo.go.th', invited.temporaryPassword, 'there');
    const set = await as(t, here.body.accessToken)
      .post('/api/auth/password')
      .set('Cookie', cookieOf(here))
      .send({ currentPassword: invited.temporaryPassword, newPassword: STRONGER });
    expect(set.status).toBe(204);
    expect((await as(t, there.body.accessToken).get('/api/auth/me')).status).toBe(401);
    expect((await http().post('/api/auth/refresh').set('Cookie', cookieOf(here))).status).toBe(200);
  });
});

describe('the audit trail screen: filters by person, export to CSV and XLSX (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    const version = (await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [f.userIds.officer52]))[0]
      .version;
    await as(t, f.tokens.admin).patch(`/api/users/${f.userIds.officer52}`).send({ role: 'province_approver', version });
  });

  afterAll(() => t.close());

  it('finds the changes of a person by part of their e-mail or name, with before and after', async () => {
    const res = await as(t, f.tokens.admin).get('/api/audit?person=ADMIN@demo&entity=app_user');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const [row] = res.body.items;
    expect(row).toMatchObject({ userEmail: 'admin@demo.go.th', entity: 'app_user', entityId: f.userIds.officer52 });
    expect(row.userName).toEqual(expect.any(String));
    expect(row.before.role).toBe('province_officer');
    expect(row.after.role).toBe('province_approver');
    // A LIKE wildcard typed in the filter is a character, not "anything".
    expect((await as(t, f.tokens.admin).get('/api/audit?person=%25')).body.total).toBe(0);
  });

  it('exports the filtered rows as CSV (BOM, Thai headers, the changed fields) and as a workbook', async () => {
    const csv = await as(t, f.tokens.admin).get('/api/audit/export?format=csv&entity=app_user&person=admin');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-trail-TH-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('ผู้แก้ไข (Person)');
    expect(text).toContain('role: province_officer → province_approver');

    const xlsx = await as(t, f.tokens.admin)
      .get('/api/audit/export?format=xlsx&entity=app_user&person=admin')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('ผู้แก้ไข (Person)');
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('role: province_officer → province_approver');
  });

  it("is read by admins and a province's approvers for their province only; nothing else may read or export it", async () => {
    expect((await as(t, f.tokens.approver50).get('/api/audit/export?unit=50')).status).toBe(200);
    expect((await as(t, f.tokens.approver50).get('/api/audit/export?unit=52')).status).toBe(403);
    expect((await as(t, f.tokens.approver50).get('/api/audit/export')).status).toBe(200);
    for (const who of ['analyst', 'officer50', 'governor50', 'clusterC15'] as const) {
      expect((await as(t, f.tokens[who]).get('/api/audit/export?unit=50')).status).toBe(403);
    }
    expect((await as(t, null).get('/api/audit/export')).status).toBe(401);
    expect((await as(t, f.tokens.admin).get('/api/audit/export?format=pdf')).status).toBe(400);
  });
});
