import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../bootstrap';
import { loadConfig } from '../../config/app-config';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { TimedImport } from './import-timing';
import { Metrics } from './metrics.service';

class FakeImport {
  @TimedImport('kpi-results')
  async run(dryRun: boolean) {
    return { dryRun };
  }
}

describe('GET /api/metrics (real PostgreSQL)', () => {
  const TOKEN = 'scrape-token-0123456789abcdef';
  let db: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp({ config: loadConfig({ NODE_ENV: 'test', METRICS_TOKEN: TOKEN }), databaseUrl: db.url });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers a direct loopback caller in Prometheus text format', async () => {
    await http().get('/api/org-units/clusters').expect(200);
    await http().get('/api/org-units/50/scorecard?fiscalYear=2569');
    await http().get('/api/no-such-route/12345').expect(404);
    const res = await http().get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(res.text).toMatch(
      /provdash_http_request_duration_seconds_count\{method="GET",route="\/api\/org-units\/clusters",status="200"\} 1/,
    );
    // The template, not the URL: one series for every province.
    expect(res.text).toMatch(/route="\/api\/org-units\/:code\/scorecard",status="\d+"\} 1/);
    // A URL no route knows is one series, however many such URLs arrive.
    expect(res.text).toMatch(/route="\(unmatched\)",status="404"\} 1/);
    expect(res.text).not.toContain('12345');
    expect(res.text).toMatch(/^provdash_db_pool_total_connections \d+$/m);
    expect(res.text).toMatch(/^provdash_db_pool_idle_connections \d+$/m);
    expect(res.text).toMatch(/^provdash_db_pool_waiting_requests 0$/m);
    expect(res.text).toMatch(/^provdash_socket_connections 0$/m);
    expect(res.text).toContain('# TYPE provdash_live_events_emitted_total counter');
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('refuses a request relayed by a proxy, unless it carries the metrics token', async () => {
    const relayed = await http().get('/api/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(relayed.status).toBe(403);
    expect(relayed.body).toMatchObject({ statusCode: 403 });
    await http()
      .get('/api/metrics')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('Authorization', 'Bearer not-the-token-0123456789')
      .expect(403);
    await http()
      .get('/api/metrics')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
  });

  it('counts live events and times imports by kind and outcome', async () => {
    const metrics = app.get(Metrics);
    metrics.eventsEmitted.inc({ event: 'kpi-result.changed' });
    const fake = new FakeImport();
    await fake.run(false);
    await fake.run(true);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/provdash_live_events_emitted_total\{event="kpi-result.changed"\} 1/);
    expect(text).toMatch(/provdash_import_duration_seconds_count\{kind="kpi-results",outcome="committed"\} 1/);
    expect(text).toMatch(/provdash_import_duration_seconds_count\{kind="kpi-results",outcome="dry_run"\} 1/);
  });
});
