import { ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { fillDatabase, newestYears } from '../dataset/generate';
import { DATASET_TABLES } from '../dataset/national-dataset';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);
const WARMUP = 30;
export const BENCH_JWT_SECRET = 'provdash-bench-'.padEnd(40, 'x');

export interface Timing {
  label: string;
  p50: number;
  p95: number;
  runs: number;
}

/** The national dataset, shared by every benchmark of one `npm run bench`, and the API serving it. */
export interface NationalDataset {
  /** The API, in a process of its own as in production: the client's work and garbage are not the server's. */
  baseUrl: string;
  /** A direct connection as the app's role: the floor every API figure is compared with. */
  pg: Client;
  /** The app's URL of the database, for servers in other processes. */
  databaseUrl: string;
  /** Fiscal years loaded. */
  years: number;
  counts: Record<string, number>;
  /** Seconds spent loading it (generation and COPY, VACUUM ANALYZE), all steps so far. */
  loadSeconds: number;
  postgres: string;
  /** BENCH_DATABASE_URL's: not built by this run. */
  external: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Two measurements taken in turns (a, b, a, b…) rather than one after the other: on a shared
 * machine the load changes from minute to minute, and in turns both see the same minutes.
 */
export async function timeInTurns(
  a: { label: string; fn: () => Promise<unknown> },
  b: { label: string; fn: () => Promise<unknown> },
  runs = RUNS,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < Math.min(WARMUP, runs); i++) {
    await a.fn();
    await b.fn();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a.fn, b.fn].entries()) {
      const start = performance.now();
      await fn();
      samples[k].push(performance.now() - start);
    }
  }
  return [a, b].map(({ label }, k) => {
    const sorted = samples[k].sort((x, y) => x - y);
    return { label, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), runs };
  }) as [Timing, Timing];
}

/** The morning the issue describes: 5,000 people opening the dashboard, each from an address of their own. */
export const READERS = 5_000;
let reader = 0;
/**
 * The next of `READERS` readers in turn, as behind the nginx of docker/ (TRUST_PROXY): the API limits
 * requests a minute per address, and a benchmark from one address would measure that limit instead.
 * A pool rather than a new address per request, as real readers come back: the API keeps one
 * limiter entry per reader, not one per request.
 */
export function readerAddress(): string {
  reader = (reader + 1) % READERS;
  return `10.0.${reader >> 8}.${reader & 255}`;
}

/** GET, expecting 200; returns the size of the body. */
export async function getOk(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers: { 'x-forwarded-for': readerAddress(), ...headers } });
  if (res.status !== 200) throw new Error(`${url}: status ${res.status} ${await res.text()}`);
  return (await res.arrayBuffer()).byteLength;
}

export async function explain(pg: Client, sql: string, params: unknown[]): Promise<string[]> {
  const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  return plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
}

// ---------------------------------------------------------------------------------------------
// The shared dataset: built once per process, grown (1 → 5 → 10 fiscal years) but never rebuilt.

interface Shared {
  /** The throwaway server; null with BENCH_DATABASE_URL. */
  home: string | null;
  db: EmbeddedDatabase | null;
  api: ChildServer;
  dataset: NationalDataset;
}
let shared: Promise<Shared> | null = null;
let built: NationalDataset | null = null;

/** The dataset if this run built one (for the results file). */
export const nationalDatasetIfBuilt = (): NationalDataset | null => built;

/**
 * BENCH_DATABASE_URL: a database already filled by tools/dataset/generate.ts (as the app's role), to
 * measure again without building (when working on a query). It is read, never grown.
 */
async function existing(url: string): Promise<Shared> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const { rows } = await pg.query(
    DATASET_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL '),
  );
  const counted = rows.map((r: { t: string; n: number }) => [r.t, r.n]);
  const years = (await pg.query(`SELECT count(DISTINCT fiscal_year)::int AS n FROM kpi_target`)).rows[0].n;
  const version: string = (await pg.query(`SHOW server_version`)).rows[0].server_version;
  const api = await startServer(['api', url]);
  return {
    home: null,
    db: null,
    api,
    dataset: {
      baseUrl: api.url,
      pg,
      databaseUrl: url,
      years,
      counts: Object.fromEntries(counted),
      loadSeconds: 0,
      postgres: version,
      external: true,
    },
  };
}

async function start(years: number): Promise<Shared> {
  const url = process.env['BENCH_DATABASE_URL'];
  if (url) return existing(url);
  const home = throwawayDir('provdash-bench-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_bench', persistent: false });
  try {
    // Bulk loading writes a few gigabytes of WAL: fewer checkpoints on the way. Reads are unaffected.
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`ALTER SYSTEM SET max_wal_size = '4GB'`);
    await admin.query(`SELECT pg_reload_conf()`);
    await admin.end();
    const started = performance.now();
    const counts = await fillDatabase(db.url, newestYears(years), {
      adminUrl: db.adminUrl,
      log: (m) => console.log(`  ${m}`),
    });
    const loadSeconds = (performance.now() - started) / 1000;
    const api = await startServer(['api', db.url]);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const version: string = (await pg.query(`SHOW server_version`)).rows[0].server_version;
    return {
      home,
      db,
      api,
      dataset: {
        baseUrl: api.url,
        pg,
        databaseUrl: db.url,
        years,
        counts,
        loadSeconds,
        postgres: version,
        external: false,
      },
    };
  } catch (e) {
    await db.stop();
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The national dataset with (at least) the newest `years` fiscal years. The first call builds it;
 * a later call asking for more years adds them to the same database (older years after newer ones,
 * the same order a single ten-year build uses), so one run builds it once.
 */
export async function nationalDataset(years = 10): Promise<NationalDataset> {
  if (!shared) {
    console.log(`national dataset: building ${years} fiscal year(s)…`);
    shared = start(years);
    const s = await shared;
    built = s.dataset;
    console.log(`national dataset: ${summary(s.dataset)}`);
    return s.dataset;
  }
  const s = await shared;
  if (s.dataset.years < years && s.db) {
    console.log(`national dataset: growing to ${years} fiscal years…`);
    const started = performance.now();
    const db = s.db;
    s.dataset.counts = await fillDatabase(db.url, newestYears(years), {
      adminUrl: db.adminUrl,
      log: (m) => console.log(`  ${m}`),
    });
    s.dataset.loadSeconds += (performance.now() - started) / 1000;
    s.dataset.years = years;
    console.log(`national dataset: ${summary(s.dataset)}`);
  }
  return s.dataset;
}

function summary(d: NationalDataset): string {
  const n = (t: string) => d.counts[t].toLocaleString('en-US');
  return (
    `${d.years} fiscal years, ${n('kpi')} KPIs, ${n('kpi_result')} results, ${n('project')} projects, ` +
    `${n('disbursement')} disbursement rows, ${n('agreement')} agreements, ${n('audit_event')} audit events ` +
    `(${d.loadSeconds.toFixed(0)} s to load so far)`
  );
}

export async function closeNationalDataset(): Promise<void> {
  if (!shared) return;
  const s = await shared.catch(() => null);
  shared = null;
  if (!s) return;
  await s.dataset.pg.end().catch(() => undefined);
  await stopServer(s.api);
  await s.db?.stop();
  if (s.home) rmSync(s.home, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// What a run measured: collected here, written by run.ts to results/latest.json and rendered.

export interface MachineLoad {
  /** 1-, 5- and 15-minute load averages, as `uptime` prints them. */
  before: number[];
  after: number[];
}

export interface Stamp {
  ranAt: string;
  seconds: number;
  load: MachineLoad;
}

const pending = new Map<string, { result: unknown; stamp?: Stamp }>();

/** Set by run.ts when it runs every benchmark in turn (growth then leaves the 10-year point to the read benchmarks). */
export const suite = { all: false };

/**
 * A benchmark's result, keyed by its name (and, for growth, by size). run.ts stamps it with the
 * benchmark's time and load unless it carries its own (growth measures sizes minutes apart).
 */
export function record(key: string, result: unknown, stamp?: Stamp): void {
  pending.set(key, { result, stamp });
}

export function takeRecorded(): Map<string, { result: unknown; stamp?: Stamp }> {
  const out = new Map(pending);
  pending.clear();
  return out;
}

export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
  };
}

export const loadNow = () => loadavg().map((l) => round(l, 2));

// ---------------------------------------------------------------------------------------------
// Servers in a process of their own (servers.ts).

export interface ChildServer {
  child: ChildProcess;
  url: string;
}

export function startServer(args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  // BENCH_PROFILE_DIR: a V8 CPU profile of each server process, written there when it exits (Node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env['BENCH_PROFILE_DIR']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}`]
    : [];
  const child = fork(join(__dirname, 'servers.ts'), args, {
    execArgv: [...profile, '-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export function stopServer(server: ChildServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
