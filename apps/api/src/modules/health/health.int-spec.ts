import request from 'supertest';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { Readiness } from './readiness.service';

describe('health probes (real PostgreSQL)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('live: the process answers, without asking anything else', async () => {
    const res = await http().get('/api/health/live').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', details: {} });
  });

  it('ready: database up, no pending migration, socket adapter answering, serving', async () => {
    const res = await http().get('/api/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details).toMatchObject({
      lifecycle: { status: 'up' },
      database: { status: 'up' },
      migrations: { status: 'up', pending: [] },
      socketAdapter: { status: 'up' },
    });
    expect(res.body.details.migrations.applied).toBeGreaterThan(0);
    // The older path answers the same report.
    const older = (await http().get('/api/health').expect(200)).body.details;
    expect(Object.keys(older).sort()).toEqual(Object.keys(res.body.details).sort());
  });

  it('answers 503 naming the migration when one is missing', async () => {
    const ds = t.dataSource;
    const [{ name }] = await ds.query(`SELECT name FROM migration ORDER BY id DESC LIMIT 1`);
    await ds.query(`DELETE FROM migration WHERE name = $1`, [name]);
    const res = await http().get('/api/health/ready').expect(503);
    expect(res.body.details.migrations).toMatchObject({ status: 'down', pending: [name] });
    await http().get('/api/health/live').expect(200);
  });

  it('once shutting down: not ready, still live', async () => {
    t.app.get(Readiness).drain();
    const res = await http().get('/api/health/ready').expect(503);
    expect(res.body.details.lifecycle).toMatchObject({ status: 'down', state: 'shutting down' });
    await http().get('/api/health/live').expect(200);
  });
});
