import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../database/seeds/demo/demo-users.seed';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/** The refresh cookie from a response, as a browser would send it back. */
function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const c = cookies.find((x) => x.startsWith('pd_refresh='));
  if (!c) throw new Error('no refresh cookie');
  return c.split(';')[0];
}

describe('sign-in, refresh, sign-out (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  it('signs in: a 15-minute access token in the body, the refresh token only in an httpOnly strict cookie', async () => {
    const res = await http()
      .post('/api/auth/login')
      // Nobody vouches for this header here (no TRUST_PROXY): it must not make the cookie Secure.
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'Officer.50@demo.go.th', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { email: 'officer.50@demo.go.th', role: 'province_officer', scope: { code: '50', nameTh: 'เชียงใหม่' } },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/refresh|password/i);
    const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('pd_refresh='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    // Plain HTTP, a forwarded scheme from no trusted proxy: not Secure (trust-proxy.int-spec.ts has the HTTPS case).
    expect(cookie).not.toMatch(/Secure/);

    const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(900);
    const me = await as(t, res.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.displayName).toBe('เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');
  });

  it('refuses a wrong password with the same message as an unknown email, in Thai or English', async () => {
    const wrong = await http().post('/api/auth/login').send({ email: 'officer.50@demo.go.th', password: 'nope' });
    const unknown = await http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en-US,en;q=0.9')
      .send({ email: 'nobody@demo.go.th', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'UNAUTHORIZED',
      message: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
      code: 'auth.badCredentials',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe('Wrong email or password.');
  });

  it('rotates the refresh token, and a replayed one ends the whole session', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'governor.50@demo.go.th', password: DEMO_PASSWORD });
    const first = refreshCookie(login);

    const refreshed = await http().post('/api/auth/refresh').set('Cookie', first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.role).toBe('governor');
    const second = refreshCookie(refreshed);
    expect(second).not.toBe(first);

    // The first token was spent: presenting it again is a replay, so the family is revoked…
    expect((await http().post('/api/auth/refresh').set('Cookie', first)).status).toBe(401);
    // …and the token issued after it stops working too.
    expect((await http().post('/api/auth/refresh').set('Cookie', second)).status).toBe(401);
  });

  it('signs out: the session cannot be refreshed any more', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'approver.50@demo.go.th', password: DEMO_PASSWORD });
    const cookie = refreshCookie(login);
    expect((await http().post('/api/auth/logout').set('Cookie', cookie)).status).toBe(204);
    const after = await http().post('/api/auth/refresh').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect((await http().post('/api/auth/refresh')).status).toBe(401);
  });

  it('signs out: the access token of the session stops working at once, other sessions go on', async () => {
    const login = () =>
      http().post('/api/auth/login').send({ email: 'officer.50@demo.go.th', password: DEMO_PASSWORD });
    const [phone, desk] = [await login(), await login()];
    const workspace = (token: string) => as(t, token).get('/api/workspace/50');
    expect((await workspace(phone.body.accessToken)).status).toBe(200);
    expect((await http().post('/api/auth/logout').set('Cookie', refreshCookie(phone))).status).toBe(204);
    const after = await workspace(phone.body.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('auth.invalidToken');
    expect((await workspace(desk.body.accessToken)).status).toBe(200);
  });

  it("refuses a common password and one made of the user's own name, with the reason in the user's language", async () => {
    const create = (password: string, lang = 'th') =>
      as(t, f.tokens.admin)
        .post('/api/users')
        .set('Accept-Language', lang)
        .send({
          email: 'somchai.jaidee@demo.go.th',
          displayName: 'สมชาย ใจดี',
          role: 'province_officer',
          orgUnitCode: '50',
          password,
        });
    const common = await create('Password1234');
    expect(common.status).toBe(400);
    expect(common.body.details).toEqual([
      {
        field: 'password',
        messages: ['รหัสผ่านนี้พบบ่อยหรือเดาง่ายเกินไป กรุณาใช้วลีที่ยาวขึ้นจากคำที่ไม่เกี่ยวข้องกัน'],
      },
    ]);
    const personal = await create('Somchai-Jaidee-2026', 'en');
    expect(personal.status).toBe(400);
    expect(personal.body.details).toEqual([{ field: 'password', messages: ['must not contain your name or e-mail'] }]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM app_user WHERE email = 'somchai.jaidee@demo.go.th'`,
    );
    expect(n).toBe(0);
  });

  it('a role change refuses the tokens that state the old role; the renewed session carries the new one', async () => {
    const email = `role.change.${Date.now()}@demo.go.th`;
    const created = await as(t, f.tokens.admin)
      .post('/api/users')
      .send({
        email,
        displayName: 'ทดสอบ เปลี่ยนบทบาท',
        role: 'province_approver',
        orgUnitCode: '50',
        password: 'Kh0ng-Kaen-Lamyai-77',
      });
    expect(created.status).toBe(201);
    const login = await http().post('/api/auth/login').send({ email, password: 'Kh0ng-Kaen-Lamyai-77' });
    expect((await as(t, login.body.accessToken).get('/api/audit?unit=50')).status).toBe(200);
    const changed = await as(t, f.tokens.admin)
      .patch(`/api/users/${created.body.id}`)
      .send({ role: 'province_officer', version: created.body.version });
    expect(changed.status).toBe(200);
    expect((await as(t, login.body.accessToken).get('/api/audit?unit=50')).status).toBe(401);
    const renewed = await http().post('/api/auth/refresh').set('Cookie', refreshCookie(login));
    expect(renewed.body.user.role).toBe('province_officer');
    expect((await as(t, renewed.body.accessToken).get('/api/audit?unit=50')).status).toBe(403);
  });

  it('a disabled user can neither refresh nor sign in again, and the access token they hold is refused', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'officer.52@demo.go.th', password: DEMO_PASSWORD });
    const cookie = refreshCookie(login);
    const save = () => as(t, login.body.accessToken).get('/api/workspace/52');
    expect((await save()).status).toBe(200);
    const [{ version }] = await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [f.userIds.officer52]);
    const disable = await as(t, f.tokens.admin)
      .patch(`/api/users/${f.userIds.officer52}`)
      .send({ disabled: true, version });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);

    expect((await http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    expect(
      (await http().post('/api/auth/login').send({ email: 'officer.52@demo.go.th', password: DEMO_PASSWORD })).status,
    ).toBe(401);
    const refused = await save();
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('auth.invalidToken');
  });

  it('counts session refreshes per session, not per address: colleagues behind one NAT keep theirs', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'approver.50@demo.go.th', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    // Every start of the app asks for a refresh; from one address, without a session, 30 a minute pass
    // (this file has used some of them already): keep asking until the address is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 31 && statuses.at(-1) !== 429; i++)
      statuses.push((await http().post('/api/auth/refresh')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    // A cookie the server never issued is no session: it counts with the address, so random ones
    // cannot open a fresh bucket each.
    for (let i = 0; i < 3; i++) {
      const forged = await http()
        .post('/api/auth/refresh')
        .set('Cookie', `pd_refresh=${randomBytes(32).toString('base64url')}`);
      expect(forged.status).toBe(429);
    }
    // The same address, a signed-in person's reload: their own budget, so the session comes back.
    const refreshed = await http().post('/api/auth/refresh').set('Cookie', refreshCookie(login));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.email).toBe('approver.50@demo.go.th');
  });

  it('limits sign-in attempts with a clear 429', async () => {
    const attempt = () =>
      http()
        .post('/api/auth/login')
        .set('Accept-Language', 'th')
        .send({ email: 'cluster.c15@demo.go.th', password: 'guess' });
    // This file has already used its share of the five attempts a minute; keep going until refused.
    let res = await attempt();
    for (let i = 0; i < 5 && res.status !== 429; i++) res = await attempt();
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'TOO_MANY_REQUESTS',
      message: 'พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
    });
  });
});
