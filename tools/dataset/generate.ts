/**
 * Fills a database with the national dataset and prints the row counts.
 *
 *   DATABASE_URL=postgres://… <ts-node> tools/dataset/generate.ts [--years 10] [--seed 1]
 *
 * With DATABASE_URL: migrates that database if needed (reference data, no demo data) and adds the
 * newest `--years` fiscal years not loaded yet; run it again with more years to grow it. The
 * database must hold no other strategy data (no demo seed). Without DATABASE_URL: a throwaway
 * embedded PostgreSQL, filled, counted and removed (a check of the generator and its speed).
 * `<ts-node>` is the command line of `npm run bench` (see package.json).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { DEFAULT_SEED, NATIONAL_FISCAL_YEARS, NationalDataset } from './national-dataset';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** The newest `n` fiscal years of the dataset, newest first: a smaller dataset is the recent past. */
export function newestYears(n: number): number[] {
  return [...NATIONAL_FISCAL_YEARS].reverse().slice(0, n);
}

/**
 * Migrates `url`, loads the structure and `years`, then VACUUM ANALYZE, as autovacuum would leave a
 * settled database. With `adminUrl` (a superuser's URL of the same server) it loads as the superuser,
 * without foreign-key triggers.
 */
export async function fillDatabase(
  url: string,
  years: readonly number[],
  options: { seed?: number; log?: (m: string) => void; adminUrl?: string } = {},
): Promise<Record<string, number>> {
  const log = options.log ?? console.log;
  await prepareDatabase(url, { demo: false });
  let loadUrl = url;
  if (options.adminUrl) {
    const admin = new URL(options.adminUrl);
    admin.pathname = new URL(url).pathname;
    loadUrl = admin.toString();
  }
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  try {
    const dataset = await NationalDataset.open(client, {
      seed: options.seed,
      log,
      skipForeignKeyChecks: Boolean(options.adminUrl),
    });
    await dataset.addYears(years);
    const started = performance.now();
    await client.query('VACUUM (ANALYZE)');
    // Writes out the gigabytes just loaded now rather than during whatever is measured next.
    if (options.adminUrl) await client.query('CHECKPOINT');
    log(
      `VACUUM (ANALYZE)${options.adminUrl ? ', CHECKPOINT' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return await dataset.counts();
  } finally {
    await client.end();
  }
}

export function printCounts(counts: Record<string, number>): void {
  const width = Math.max(...Object.keys(counts).map((t) => t.length));
  for (const [table, n] of Object.entries(counts))
    console.log(`  ${table.padEnd(width)} ${n.toLocaleString('en-US').padStart(11)}`);
}

async function main(): Promise<void> {
  const years = newestYears(option('years', NATIONAL_FISCAL_YEARS.length));
  const seed = option('seed', DEFAULT_SEED);
  const url = process.env['DATABASE_URL'];
  const started = performance.now();
  if (url) {
    printCounts(await fillDatabase(url, years, { seed }));
  } else {
    const home = throwawayDir('provdash-dataset-');
    const db = await startEmbeddedPostgres({
      dataDir: join(home, 'pg'),
      database: 'provdash_dataset',
      persistent: false,
    });
    try {
      printCounts(await fillDatabase(db.url, years, { seed, adminUrl: db.adminUrl }));
    } finally {
      await db.stop();
      rmSync(home, { recursive: true, force: true });
    }
  }
  console.log(`${years.length} fiscal years in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
