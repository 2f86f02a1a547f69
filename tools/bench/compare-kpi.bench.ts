/**
 * National comparison of one KPI across 77 provinces at the scale of ten fiscal years of monthly
 * results: p50/p95 through the API (HTTP, validation, access guard, SQL, domain evaluation, JSON)
 * next to the floor — the same SQL statement run directly with `pg` — in the same run.
 *
 *   npm run bench -- compare-kpi
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { seedDemoData } from '../../apps/api/src/database/seeds/demo/demo-data.seed';
import { KPI_SQL } from '../../apps/api/src/modules/scorecards/scorecards.service';

const YEARS = [2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 300);
const WARMUP = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  const home = throwawayDir('provdash-bench-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_bench', persistent: false });
  try {
    await prepareDatabase(db.url, { demo: false });
    const ds = createDataSource(db.url);
    await ds.initialize();
    const started = performance.now();
    await ds.transaction((m) => seedDemoData(m, YEARS));
    await ds.query('ANALYZE');
    const [{ results }] = await ds.query(`SELECT count(*)::int AS results FROM kpi_result`);
    await ds.destroy();
    console.log(
      `dataset: ${results} results over ${YEARS.length} fiscal years (${((performance.now() - started) / 1000).toFixed(1)} s to load)`,
    );

    const app = await createApp({
      config: loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), DATABASE_URL: db.url }),
      databaseUrl: db.url,
    });
    app.useLogger(['error']);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/api/compare/kpis/K1.2.1?fiscalYear=2569&asOf=2026-09-30`;

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const sql = KPI_SQL(`k.code = $1 AND u.type = 'province'`);
    const floor = await time('SQL alone (pg)', () => pg.query(sql, ['K1.2.1', 2569, '2569']));
    const api = await time('GET /api/compare/kpis/K1.2.1', async () => {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await res.arrayBuffer();
    });
    const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, ['K1.2.1', 2569, '2569']);
    await pg.end();
    await app.close();

    console.log('\n| measurement | p50 ms | p95 ms |\n| --- | ---: | ---: |');
    for (const r of [floor, api]) console.log(`| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
    const ratio = api.p95 / floor.p95;
    console.log(
      `\nAPI p95 / floor p95 = ${ratio.toFixed(2)} (goal ≤ 1.5 and API p95 < 50 ms: ${ratio <= 1.5 && api.p95 < 50 ? 'met' : 'NOT met'})`,
    );
    console.log('\nquery plan:\n' + plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  } finally {
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
