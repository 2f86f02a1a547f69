import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PUBLISHED_JWT_SECRETS } from '../config/app-config';
import { loadOrCreateJwtSecret } from '../config/jwt-secret';
import { DEMO_PASSWORD } from '../database/seeds/demo/demo-users.seed';
import { runSeeds } from '../database/seeds/run-seeds';
import { FAILED_SIGN_IN_LIMIT } from '../modules/auth/failed-sign-ins';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

describe('behind a proxy (TRUST_PROXY, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let root: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    root = mkdtempSync(join(tmpdir(), 'provdash-default-start-'));
    // Started as main.ts starts the README's `npm start`: no JWT_SECRET configured, so the secret is
    // the one generated and kept with the data.
    const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback', DATA_DIR: join(root, 'postgres') });
    expect(config.JWT_SECRET).toBeUndefined();
    config.JWT_SECRET = loadOrCreateJwtSecret(config).secret;
    app = await createApp({ config, databaseUrl: db.url });
    await app.init();
    await runSeeds(app.get(DataSource), { demo: true });
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  const attempt = (from: string) =>
    request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email: 'someone@demo.go.th', password: 'wrong-password' });

  it("limits sign-in attempts per client address, not per proxy: one office's typos do not lock out another", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('203.0.113.10')).status).toBe(401);
    expect((await attempt('203.0.113.10')).status).toBe(429);
    expect((await attempt('198.51.100.7')).status).toBe(401);
  });

  it('limits failed sign-ins per address across accounts: one password sprayed over 30 accounts gets a 429', async () => {
    const spray = (i: number, from = '192.0.2.50') =>
      request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', from)
        .set('Accept-Language', 'en')
        .send({ email: `staff${i}@demo.go.th`, password: 'Summer2026!!' });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await spray(i)).status);
    expect(statuses.slice(0, FAILED_SIGN_IN_LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILED_SIGN_IN_LIMIT)).toEqual(new Array(30 - FAILED_SIGN_IN_LIMIT).fill(429));
    const refused = await spray(99);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      message: 'Too many attempts. Please wait a minute and try again.',
    });
    // Even the right password waits now (guessing must not pay); another address is not affected.
    const right = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', '192.0.2.50')
      .send({ email: 'officer.50@demo.go.th', password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect((await spray(0, '192.0.2.51')).status).toBe(401);
    // Twenty-odd argon2id verifications: seconds each on a busy test machine.
  }, 240_000);

  it('marks the refresh cookie Secure when the trusted proxy says the request came over HTTPS, outside production too', async () => {
    const login = (proto?: string) => {
      const r = request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', '192.0.2.60');
      return (proto ? r.set('X-Forwarded-Proto', proto) : r).send({
        email: 'governor.50@demo.go.th',
        password: DEMO_PASSWORD,
      });
    };
    const cookieOf = (res: request.Response) =>
      ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('pd_refresh=')) ?? '';
    const overHttps = await login('https');
    expect(overHttps.status).toBe(200);
    expect(cookieOf(overHttps)).toMatch(/; Secure/);
    const plain = await login();
    expect(plain.status).toBe(200);
    expect(cookieOf(plain)).not.toMatch(/; Secure/);
  });

  it('refuses an admin token signed with the formerly built-in development secret (a default start has its own)', async () => {
    const claims = { sub: randomUUID(), sid: randomUUID(), role: 'admin', scope: 'TH', scopeCode: 'TH' };
    const forged = await new JwtService({ secret: PUBLISHED_JWT_SECRETS[0] }).signAsync(claims, { expiresIn: 900 });
    const res = await request(app.getHttpServer()).get('/api/users').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.invalidToken');
  });
});
