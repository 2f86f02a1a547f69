import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../bootstrap';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';

describe('GET /api/health (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp({ databaseUrl: db.url });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('reports the database up and no pending migration', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.migrations).toMatchObject({ status: 'up', pending: [] });
    expect(res.body.details.migrations.applied).toBeGreaterThan(0);
  });

  it('answers 503 naming the migration when one is missing', async () => {
    const ds = app.get(DataSource);
    const [{ name }] = await ds.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
    await ds.query(`DELETE FROM migration WHERE name = $1`, [name]);
    const res = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body.details.migrations).toMatchObject({ status: 'down', pending: [name] });
  });
});
