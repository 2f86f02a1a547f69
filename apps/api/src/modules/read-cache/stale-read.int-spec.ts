import request from 'supertest';
import { withAdmin } from '../../database/server-admin';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { ADMIN_URL_ENV } from '../../testing/test-database';

describe('public reads while PostgreSQL is unreachable (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const http = () => request(t.app.getHttpServer());
  const SCORECARD = '/api/org-units/50/scorecard?fiscalYear=2569';

  /** Refuses new sessions to the app's database and ends the open ones: what the pool sees in an outage. */
  const cutOff = (allow: boolean) =>
    withAdmin(process.env[ADMIN_URL_ENV] as string, async (c) => {
      await c.query(`ALTER DATABASE ${c.escapeIdentifier(t.db.name)} ALLOW_CONNECTIONS ${allow}`);
      if (!allow)
        await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.db.name]);
    });

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(async () => {
    await cutOff(true);
    await t.close();
  });

  it('serve the last good answer, marked stale; everything else fails; all fresh again once it is back', async () => {
    const fresh = await http().get(SCORECARD).expect(200);
    expect(fresh.headers['warning']).toBeUndefined();
    await as(t, f.tokens.governor50).get(SCORECARD).expect(200);

    await cutOff(false);
    try {
      const stale = await http().get(SCORECARD).expect(200);
      expect(stale.headers['warning']).toBe('110 - "Response is Stale"');
      expect(Number(stale.headers['age'])).toBeGreaterThanOrEqual(0);
      expect(stale.body).toEqual(fresh.body);
      // Never kept for a signed-in reader (it may hold drafts), nor for a read not made before.
      expect((await as(t, f.tokens.governor50).get(SCORECARD)).status).toBeGreaterThanOrEqual(500);
      expect((await http().get('/api/org-units/52/scorecard?fiscalYear=2569')).status).toBeGreaterThanOrEqual(500);
      await http().get('/api/health/ready').expect(503);
      await http().get('/api/health/live').expect(200);
    } finally {
      await cutOff(true);
    }

    const back = await http().get(SCORECARD).expect(200);
    expect(back.headers['warning']).toBeUndefined();
    await http().get('/api/health/ready').expect(200);
  });
});
