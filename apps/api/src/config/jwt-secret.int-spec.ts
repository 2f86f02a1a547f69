import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../bootstrap';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { loadConfig, PUBLISHED_JWT_SECRETS } from './app-config';
import { loadOrCreateJwtSecret } from './jwt-secret';

/**
 * The README's start (`npm start`: no NODE_ENV, no JWT_SECRET) as main.ts assembles it. Until the
 * secret was generated per install, a token signed with the development secret from the source was
 * accepted: anyone could read it and be admin.
 */
describe('an app started the default way (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let root: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    root = mkdtempSync(join(tmpdir(), 'provdash-default-start-'));
    const config = loadConfig({ DATA_DIR: join(root, 'postgres') });
    expect(config.production).toBe(false);
    config.JWT_SECRET ??= loadOrCreateJwtSecret(config).secret;
    app = await createApp({ config, databaseUrl: db.url });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('refuses an admin token signed with the formerly built-in development secret', async () => {
    const claims = { sub: randomUUID(), sid: randomUUID(), role: 'admin', scope: 'TH', scopeCode: 'TH' };
    const forged = await new JwtService({ secret: PUBLISHED_JWT_SECRETS[0] }).signAsync(claims, { expiresIn: 900 });
    const res = await request(app.getHttpServer()).get('/api/users').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.invalidToken');
  });
});
