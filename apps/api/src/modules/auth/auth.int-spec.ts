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
    const res = await http().post('/api/auth/login').send({ email: 'Officer.50@demo.go.th', password: DEMO_PASSWORD });
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

  it('a disabled user can neither refresh nor sign in again', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'officer.52@demo.go.th', password: DEMO_PASSWORD });
    const cookie = refreshCookie(login);
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
