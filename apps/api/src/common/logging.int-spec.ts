import { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { DEMO_PASSWORD } from '../database/seeds/demo/demo-users.seed';
import { runSeeds } from '../database/seeds/run-seeds';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { createRootLogger } from './logging';

interface LogLine {
  level: string;
  msg: string;
  reqId?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
}

describe('structured logs (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let output = '';
  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' });
    app = await createApp({ config, databaseUrl: db.url, logger: createRootLogger(config, sink) });
    await app.init();
    await runSeeds(app.get(DataSource), { demo: true });
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('never writes a password, an access token or the refresh cookie, and keys every line by the request id', async () => {
    const wrongPassword = 'not-the-password-4f1c9a';
    const refused = await http().post('/api/auth/login').send({ email: 'admin@demo.go.th', password: wrongPassword });
    expect(refused.status).toBe(401);
    const login = await http().post('/api/auth/login').send({ email: 'admin@demo.go.th', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('pd_refresh='));
    const refreshToken = cookie?.split(';')[0].slice('pd_refresh='.length) ?? '';
    expect(refreshToken.length).toBeGreaterThan(20);

    // A write, so the audit trail's request id can be compared with the log's.
    const [user] = await app
      .get(DataSource)
      .query(`SELECT id, version FROM app_user WHERE email = 'officer.52@demo.go.th'`);
    const write = await http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${token}`)
      .set('x-request-id', 'log-spec-write-1')
      .send({ displayName: 'เจ้าหน้าที่ ลำปาง', version: user.version });
    expect(write.status).toBe(200);
    expect(write.headers['x-request-id']).toBe('log-spec-write-1');
    await http().post('/api/auth/refresh').set('Cookie', `pd_refresh=${refreshToken}`).expect(200);
    // A malformed id from a caller is not trusted into logs: a fresh one replaces it.
    const odd = await http().get('/api/health/live').set('x-request-id', 'bad id; with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    for (const secret of [DEMO_PASSWORD, wrongPassword, token, refreshToken]) expect(output).not.toContain(secret);

    const done = lines().find((l) => l.req?.url === `/api/users/${user.id}`);
    expect(done).toMatchObject({
      level: 'info',
      req: { id: 'log-spec-write-1', method: 'PATCH' },
      res: { statusCode: 200 },
    });
    const [audit] = await app
      .get(DataSource)
      .query(
        `SELECT request_id FROM audit_event WHERE entity = 'app_user' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
        [user.id],
      );
    expect(audit.request_id).toBe('log-spec-write-1');
  });

  it('logs a failed sign-in as info, not as an error, and skips health probes', async () => {
    const failed = lines().find((l) => l.req?.url === '/api/auth/login' && l.res?.statusCode === 401);
    expect(failed?.level).toBe('info');
    expect(lines().some((l) => l.req?.url?.startsWith('/api/health'))).toBe(false);
  });
});
