import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { as, auditCount, Fixture, seedFixture } from '../testing/fixtures';
import { bootTestApp, TestApp } from '../testing/test-app';

/**
 * The input limits of docs/access-and-audit.md, on the app as `npm start` serves it (with the
 * dashboard's files, whose ServeStaticModule once turned every early error on /api into a 404).
 * Each case is one of the 5xx (or wrong 4xx) causes of issue 17, finding 6.
 */
describe('input limits (real PostgreSQL, dashboard served)', () => {
  let t: TestApp;
  let f: Fixture;
  let dashboardDir: string;
  let projectId: string;

  beforeAll(async () => {
    dashboardDir = mkdtempSync(join(tmpdir(), 'provdash-dashboard-'));
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>provdash</title>');
    t = await bootTestApp({ dashboardDir });
    f = await seedFixture(t);
    const [p] = await t.dataSource.query(
      `SELECT p.id::text AS id FROM project p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' AND p.status <> 'cancelled' LIMIT 1`,
    );
    projectId = p.id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  const http = () => request(t.app.getHttpServer());
  const expectError = (res: request.Response, status: number, message?: RegExp) => {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({
        statusCode: status,
        message: message ? expect.stringMatching(message) : expect.any(String),
      }),
    });
  };

  it('still serves the dashboard outside /api', async () => {
    const res = await http().get('/workspace/50');
    expect(res.status).toBe(200);
    expect(res.text).toContain('provdash');
  });

  it('answers malformed JSON with 400 and oversized JSON with 413, not 404', async () => {
    expectError(
      await http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": '),
      400,
      /malformed|รูปแบบ/,
    );
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(200_000) });
    expectError(await http().post('/api/auth/login').set('Content-Type', 'application/json').send(big), 413);
  });

  it('refuses JSON nested deep but small with 400, before sign-in reads it', async () => {
    const deep = '{"email":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const res = await http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .set('Content-Type', 'application/json')
      .send(deep);
    expectError(res, 400, /nested too deeply/);
    const th = await as(t, f.tokens.officer50)
      .put(`/api/projects/${projectId}/progress/2569-M03`)
      .set('Content-Type', 'application/json')
      .send('{"percent":1,"milestoneNote":' + '{"a":'.repeat(40) + '1' + '}'.repeat(40) + '}');
    expectError(th, 400, /ซ้อนกันลึกเกินกำหนด/);
  });

  it('refuses NUL bytes in a path, query or body with 400 before they reach PostgreSQL', async () => {
    const before = await auditCount(t);
    expectError(await http().get('/api/public/provinces/%00'), 400, /NUL/);
    expectError(await http().get('/api/public/kpis?kpiCode=K1%00'), 400);
    expectError(
      await as(t, f.tokens.officer50)
        .put(`/api/projects/${projectId}/progress/2569-M03`)
        .send({ percent: 10, milestoneNote: 'ok\u0000then' }),
      400,
      /NUL/,
    );
    expect(await auditCount(t)).toBe(before);
  });

  it('refuses a lone surrogate in a sign-in e-mail with 400', async () => {
    const res = await http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ email: 'officer.50\ud800@demo.go.th', password: 'whatever-password' });
    expectError(res, 400, /incomplete Unicode/);
  });

  it('refuses impossible and partial dates with 400, naming the field', async () => {
    for (const asOf of ['2026-02-30', '2026-10']) {
      const res = await as(t, f.tokens.officer50).get(`/api/workspace/50?asOf=${asOf}`).set('Accept-Language', 'en');
      expectError(res, 400);
      expect(res.body.details).toEqual([{ field: 'asOf', messages: [expect.stringMatching(/exists, YYYY-MM-DD/)] }]);
    }
    expect((await as(t, f.tokens.officer50).get('/api/workspace/50?asOf=2026-02-28')).status).toBe(200);
  });

  it('refuses a Buddhist-Era month with a message to use the Gregorian year, and takes the Gregorian one', async () => {
    const be = await http().get('/api/public/disbursement?month=2569-10');
    expectError(be, 400);
    expect(be.body.details).toEqual([{ field: 'month', messages: [expect.stringMatching(/พ\.ศ\..*ค\.ศ\./)] }]);
    expect((await http().get('/api/public/disbursement?month=2026-10')).status).toBe(200);
  });

  it('refuses a percentage in exponent form with 400 instead of crashing the number validator', async () => {
    const res = await as(t, f.tokens.officer50)
      .put(`/api/projects/${projectId}/progress/2569-M03`)
      .set('Content-Type', 'application/json')
      .send('{"percent": 1e-7}');
    expectError(res, 400);
    expect(res.body.details).toEqual([{ field: 'percent', messages: [expect.stringMatching(/เลขยกกำลัง/)] }]);
  });

  it('refuses project dates outside 2000-01-01 … 2100-12-31', async () => {
    for (const endDate of ['9999-12-31', '1900-01-01']) {
      const res = await as(t, f.tokens.officer50)
        .patch(`/api/projects/${projectId}`)
        .set('Accept-Language', 'en')
        .send({ version: 1, endDate });
      expectError(res, 400);
      expect(res.body.details).toEqual([
        { field: 'endDate', messages: ['endDate must lie between 2000-01-01 and 2100-12-31'] },
      ]);
    }
  });
});
