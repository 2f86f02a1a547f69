/**
 * `npm run open-data:memory`: peak memory of the API while it streams a 500,000-row download.
 *
 * A throwaway embedded PostgreSQL gets the reference data and 500,000 approved KPI results (77
 * provinces × 55 monthly KPIs × 12 months × 10 fiscal years, cut at 500,000, each with a Thai
 * narrative). The API runs from source in a child process; for each format the script resets the
 * child's high-water mark (/proc/<pid>/clear_refs), downloads `results.<format>` for all years while
 * discarding the bytes, and reads the child's peak resident memory (VmHWM) and its resident memory
 * before the download. A download built in memory would need several hundred MB more; a streamed
 * one stays within a few tens of MB of the idle process.
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';

const ROWS = Number(process.env['ROWS'] ?? 500_000);
const KPIS_PER_PROVINCE = 55;
const YEARS = 10;

const kb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/(\d+)/)?.[1] ?? NaN);
};
const mb = (k: number) => (k / 1024).toFixed(0);

async function generate(url: string): Promise<number> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    await pg.query(`
      WITH p AS (
        INSERT INTO plan (org_unit_id, name_th, name_en, vision_th, vision_en, start_fy, end_fy)
        SELECT id, 'แผนพัฒนาจังหวัด (ทดสอบ)', 'Plan (test)', 'วิสัยทัศน์', 'Vision', 2561, 2570
        FROM org_unit WHERE type = 'province' RETURNING id, org_unit_id),
      i AS (INSERT INTO strategic_issue (plan_id, code, seq, name_th, name_en)
            SELECT id, 'I1', 1, 'ประเด็นทดสอบ', 'Issue' FROM p RETURNING id, plan_id),
      g AS (INSERT INTO goal (issue_id, code, seq, name_th, name_en)
            SELECT id, 'G1.1', 1, 'เป้าประสงค์ทดสอบ', 'Goal' FROM i RETURNING id, issue_id)
      INSERT INTO kpi (goal_id, org_unit_id, code, name_th, name_en, unit_th, unit_en, direction, frequency, rollup,
                       owner_agency_th, owner_agency_en, data_source)
      SELECT g.id, p.org_unit_id, 'K' || n, 'ร้อยละของครัวเรือนที่ได้รับการพัฒนาคุณภาพชีวิต ' || n, 'KPI ' || n,
             'ร้อยละ', 'percent', 'higher_better', 'monthly', 'average', 'สำนักงานจังหวัด', 'Provincial office', 'ทดสอบ'
      FROM g JOIN i ON i.id = g.issue_id JOIN p ON p.id = i.plan_id CROSS JOIN generate_series(1, ${KPIS_PER_PROVINCE}) n`);
    await pg.query(`
      INSERT INTO kpi_result (kpi_id, fiscal_year, period, value, narrative_th, status, approved_at)
      SELECT k.id, fy, fy || '-M' || lpad(m::text, 2, '0'), round((random() * 100)::numeric, 2),
             'ผลการดำเนินงานเป็นไปตามแผน หน่วยงานรายงานครบถ้วน มีการติดตามอย่างต่อเนื่อง เดือนที่ ' || m,
             'approved', now()
      FROM kpi k CROSS JOIN generate_series(${2570 - YEARS + 1}, 2570) fy CROSS JOIN generate_series(1, 12) m
      LIMIT ${ROWS}`);
    await pg.query('ANALYZE');
    const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM kpi_result WHERE status = 'approved'`)).rows;
    return n;
  } finally {
    await pg.end();
  }
}

function startApi(url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(resolve(__dirname, 'api-server.ts'), [], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TS_NODE_PROJECT: 'tools/tsconfig.json',
      TS_NODE_TRANSPILE_ONLY: 'true',
      LOG_LEVEL: 'error',
    },
    // HEAP_CAP (MB) caps V8's old space: a download that held its rows would fail under it.
    execArgv: [
      '--expose-gc',
      ...(process.env['HEAP_CAP'] ? [`--max-old-space-size=${process.env['HEAP_CAP']}`] : []),
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((done, fail) => {
    child.once('message', (m: { port: number }) => done({ child, port: m.port }));
    child.once('exit', (code) => fail(new Error(`API exited (${code})`)));
  });
}

type Mem = { rss: number; heapUsed: number; external: number };
function ask<T>(child: ChildProcess, msg: string, key: string): Promise<T> {
  return new Promise((done) => {
    const on = (m: Record<string, T>) => {
      if (key in m) {
        child.off('message', on);
        done(m[key]);
      }
    };
    child.on('message', on);
    child.send(msg);
  });
}

async function measure(base: string, child: ChildProcess, format: string) {
  const pid = child.pid as number;
  const before = await ask<Mem>(child, 'reset', 'before');
  const idle = kb(pid, 'VmRSS');
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const started = performance.now();
  const res = await fetch(`${base}/api/public/datasets/results.${format}`);
  if (res.status !== 200 || !res.body) throw new Error(`results.${format}: ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format !== 'xlsx') for (const b of chunk) if (b === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = await ask<Mem>(child, 'report', 'peak');
  return { format, bytes, lines, seconds, idle, peak: kb(pid, 'VmHWM'), before, heapPeak: peak };
}

async function main(): Promise<void> {
  const home = throwawayDir('provdash-open-data-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_memory', persistent: false });
  let child: ChildProcess | undefined;
  try {
    await prepareDatabase(db.url, { demo: false });
    const t0 = performance.now();
    const rows = await generate(db.url);
    console.log(`${rows} approved results generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const api = await startApi(db.url);
    child = api.child;
    const base = `http://127.0.0.1:${api.port}`;
    // Warm up: the first request compiles and connects; the figure is about the download.
    await (await fetch(`${base}/api/public/datasets/results.csv?fiscalYear=2570&scope=50`)).arrayBuffer();
    console.log(
      '\n| format | rows | size | time | resident before | resident peak | peak − before | JS heap before (after GC) | JS heap peak | external peak |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const format of (process.env['FORMATS'] ?? 'csv,json,xlsx').split(',')) {
      const m = await measure(base, child, format);
      const counted = format === 'xlsx' ? rows : format === 'csv' ? m.lines - 1 : m.lines - 2;
      console.log(
        `| ${m.format} | ${counted.toLocaleString('en')} | ${(m.bytes / 1e6).toFixed(1)} MB | ${m.seconds.toFixed(1)} s | ` +
          `${mb(m.idle)} MB | ${mb(m.peak)} MB | ${mb(m.peak - m.idle)} MB | ${mb(m.before.heapUsed / 1024)} MB | ` +
          `${mb(m.heapPeak.heapUsed / 1024)} MB | ${mb(m.heapPeak.external / 1024)} MB |`,
      );
    }
  } finally {
    child?.kill();
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
