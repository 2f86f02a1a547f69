import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

describe('behind a proxy (TRUST_PROXY, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp({ config: loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback' }), databaseUrl: db.url });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

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
});
