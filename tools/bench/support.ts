import type { INestApplication } from '@nestjs/common';
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
import { seedDemoAgreements } from '../../apps/api/src/database/seeds/demo/demo-agreements.seed';
import { seedDemoData } from '../../apps/api/src/database/seeds/demo/demo-data.seed';
import { seedDemoProjects } from '../../apps/api/src/database/seeds/demo/demo-projects.seed';

/** Ten fiscal years: the size a province's data reaches in year five of the product and beyond. */
export const TEN_YEARS = [2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 300);
const WARMUP = 30;

export interface Timing {
  label: string;
  p50: number;
  p95: number;
}

export interface NationalDataset {
  baseUrl: string;
  /** A direct connection: the floor every API figure is compared with. */
  pg: Client;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function time(label: string, fn: () => Promise<unknown>): Promise<Timing> {
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

export async function getOk(url: string): Promise<void> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: status ${res.status}`);
  await res.arrayBuffer();
}

/** Prints the API next to its floor, with the two goals the issues set for screen reads. */
export function report(floor: Timing, api: Timing): void {
  console.log('\n| measurement | p50 ms | p95 ms |\n| --- | ---: | ---: |');
  for (const r of [floor, api]) console.log(`| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  const ratio = api.p95 / floor.p95;
  console.log(`\nAPI p95 < 50 ms: ${api.p95 < 50 ? 'met' : 'NOT met'} (${api.p95.toFixed(1)} ms)`);
  console.log(`API p95 / floor p95 = ${ratio.toFixed(2)} (goal ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
}

/**
 * A throwaway embedded PostgreSQL with the demo strategy maps, results and agreements for ten
 * fiscal years, and the API serving it on a free port; everything is removed afterwards.
 */
export async function withNationalDataset(work: (d: NationalDataset) => Promise<void>): Promise<void> {
  const home = throwawayDir('provdash-bench-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_bench', persistent: false });
  let app: INestApplication | undefined;
  const pg = new Client({ connectionString: db.url });
  try {
    await prepareDatabase(db.url, { demo: false });
    const ds = createDataSource(db.url);
    await ds.initialize();
    const started = performance.now();
    await ds.transaction(async (m) => {
      await seedDemoData(m, TEN_YEARS);
      await seedDemoAgreements(m, TEN_YEARS.slice(0, -1));
      await seedDemoProjects(m, TEN_YEARS.slice(0, -1));
    });
    await ds.query('ANALYZE');
    const [{ results, disbursements }] = await ds.query(
      `SELECT (SELECT count(*)::int FROM kpi_result) AS results, (SELECT count(*)::int FROM disbursement) AS disbursements`,
    );
    await ds.destroy();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `dataset: ${results} KPI results, 77 agreements and 1,540 projects a year, ${disbursements} monthly ` +
        `disbursement rows, over ${TEN_YEARS.length} fiscal years (${seconds} s to load)`,
    );

    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), DATABASE_URL: db.url });
    app = await createApp({ config, databaseUrl: db.url });
    app.useLogger(['error']);
    await app.listen(0, '127.0.0.1');
    await pg.connect();
    const port = (app.getHttpServer().address() as AddressInfo).port;
    await work({ baseUrl: `http://127.0.0.1:${port}`, pg });
  } finally {
    await pg.end().catch(() => undefined);
    await app?.close();
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
