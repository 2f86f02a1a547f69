import request from 'supertest';
import { bootTestApp, TestApp } from '../../testing/test-app';

describe('GET /api/health (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('reports the database up and no pending migration', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.migrations).toMatchObject({ status: 'up', pending: [] });
    expect(res.body.details.migrations.applied).toBeGreaterThan(0);
  });

  it('answers 503 naming the migration when one is missing', async () => {
    const ds = t.dataSource;
    const [{ name }] = await ds.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
    await ds.query(`DELETE FROM migration WHERE name = $1`, [name]);
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body.details.migrations).toMatchObject({ status: 'down', pending: [name] });
  });
});
