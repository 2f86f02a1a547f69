/**
 * `npm run ops:db-outage`: the outage drill. On a throwaway embedded PostgreSQL with the demo data
 * and the production build of the API as its own process, under light load (four clients, about
 * 40 requests a second: probes, public reads, a signed-in read, a write):
 *
 * 1. PostgreSQL stops (fast shutdown, sessions cut) for OUTAGE_SECONDS (default 10) and comes back
 *    on the same port. Expected: live stays 200, ready turns 503 and back to 200 by itself, public
 *    reads keep answering (the stale copy), other calls get 503 with Retry-After, the API process
 *    never exits, and every write it acknowledged is in the database afterwards.
 * 2. The API is killed (SIGKILL) in the middle of writing a 100,000-line GFMIS import. Expected:
 *    no batch and no disbursement row of that file; after a restart the same file imports whole.
 *
 * 3. SIGTERM after the outage and after the crash: the API drains and exits 0, promptly.
 *
 * Prints what it observed and exits non-zero when an expectation fails. Needs the build
 * (`npx nx build api`).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { ApiProcess, requireBuild, signIn, startApi, stopApi, waitReady } from './api-process';
import { describeRunning, startPostgres, stopPostgres } from './postgres-process';

const OUTAGE_MS = Number(process.env['OUTAGE_SECONDS'] ?? 10) * 1000;
const BEFORE_MS = 5_000;
const AFTER_MS = 15_000;
const CLIENTS = 4;
const PAUSE_MS = 100;

type Kind = 'live' | 'ready' | 'public read' | 'signed-in read' | 'write';
/** `switching`: a request that overlapped PostgreSQL stopping or starting, so neither state alone. */
type Phase = 'before' | 'switching' | 'outage' | 'after';
interface Sample {
  at: number;
  phase: Phase;
  kind: Kind;
  status: number | 'no answer';
  stale: boolean;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const checks: { ok: boolean; text: string }[] = [];
const expect = (ok: boolean, text: string) => checks.push({ ok, text });

async function main(): Promise<void> {
  requireBuild();
  const home = throwawayDir('provdash-outage-');
  console.log(`Drill folder: ${home}`);
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash', persistent: true });
  await prepareDatabase(db.url, { demo: true });
  const pg = new Client({ connectionString: db.url });
  let api: ApiProcess | null = null;
  let postgres = describeRunning(db.dataDir);
  try {
    api = startApi({ name: 'api', port: await freePort(), databaseUrl: db.url, logFile: join(home, 'api.log') });
    await waitReady(api.url);
    console.log(`API ${api.url} (pid ${api.child.pid}), PostgreSQL pid ${postgres.pid}`);
    postgres = await outageDrill(api, db.url, postgres);
    // A deploy right after an outage: the connections the outage broke must not hold the shutdown up.
    const started = Date.now();
    const drained = await stopApi(api);
    const took = (Date.now() - started) / 1000;
    expect(
      drained?.code === 0 && took < 10,
      `SIGTERM after the outage: drained and exited with code ${drained?.code} in ${took.toFixed(1)} s`,
    );
    api = startApi({ name: 'api', port: api.port, databaseUrl: db.url, logFile: join(home, 'api.log') });
    await waitReady(api.url);
    await pg.connect();
    api = await crashDuringImport(api, pg, db.url, home);
    const exit = await stopApi(api);
    expect(exit?.code === 0, `SIGTERM: the API drained and exited with code 0 (got ${exit?.code ?? exit?.signal})`);
  } finally {
    if (api && !api.exit) await stopApi(api);
    await pg.end().catch(() => undefined);
    await stopPostgres(describeRunning(db.dataDir)).catch(() => undefined);
    console.log(
      `\nAPI log: ${join(home, 'api.log')} (${readFileSync(join(home, 'api.log'), 'utf8').split('\n').length - 1} lines)`,
    );
    if (!process.env['KEEP_DRILL']) rmSync(home, { recursive: true, force: true });
  }
  console.log('\n## Expectations\n');
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.text}`);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

async function outageDrill(api: ApiProcess, url: string, postgres: ReturnType<typeof describeRunning>) {
  console.log(`\n## 1. PostgreSQL down for ${OUTAGE_MS / 1000} s under light load\n`);
  const admin = await signIn(api.url, 'admin@demo.go.th');
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const [target] = (await pg.query(`SELECT id, version FROM app_user WHERE email = 'officer.52@demo.go.th'`)).rows;
  const auditBefore = Number(
    (await pg.query(`SELECT count(*) FROM audit_event WHERE entity_id = $1`, [target.id])).rows[0].count,
  );
  await pg.end();

  const t0 = Date.now();
  // Milliseconds from t0: stop asked, stopped, restart asked, accepting again.
  const marks = { stop: Infinity, stopped: Infinity, restart: Infinity, back: Infinity };
  const samples: Sample[] = [];
  let version: number = target.version;
  const acknowledged: string[] = [];
  let writes = 0;
  let running = true;

  const call = async (kind: Kind, path: string, init: RequestInit = {}) => {
    const started = Date.now();
    const sample: Sample = { at: started - t0, phase: 'before', kind, status: 'no answer', stale: false, ms: 0 };
    try {
      const res = await fetch(`${api.url}${path}`, { ...init, signal: AbortSignal.timeout(8000) });
      sample.status = res.status;
      sample.stale = res.headers.has('warning');
      const body = await res.text();
      sample.ms = Date.now() - started;
      samples.push(sample);
      return { status: res.status, body };
    } catch {
      sample.ms = Date.now() - started;
      samples.push(sample);
      return { status: 0, body: '' };
    }
  };
  const bearer = { authorization: `Bearer ${admin}` };
  const reads: [Kind, string, RequestInit?][] = [
    ['live', '/api/health/live'],
    ['ready', '/api/health/ready'],
    ['public read', '/api/org-units/50/scorecard?fiscalYear=2569'],
    ['public read', '/api/disbursement/ranking?fiscalYear=2569'],
    ['signed-in read', '/api/auth/me', { headers: bearer }],
  ];
  const reader = async (offset: number) => {
    for (let i = offset; running; i++) {
      const [kind, path, init] = reads[i % reads.length];
      await call(kind, path, init);
      await sleep(PAUSE_MS);
    }
  };
  /** One writer, so the order of its acknowledged writes is the order they were committed. */
  const writer = async () => {
    while (running) {
      const name = `ซ้อมแผน ${++writes}`;
      const res = await call('write', `/api/users/${target.id}`, {
        method: 'PATCH',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: name, version }),
      });
      if (res.status === 200) {
        acknowledged.push(name);
        version = (JSON.parse(res.body) as { version: number }).version;
      }
      await sleep(PAUSE_MS);
    }
  };
  const load = Promise.all([writer(), ...Array.from({ length: CLIENTS - 1 }, (_, i) => reader(i * 2))]);

  const now = () => Date.now() - t0;
  await sleep(BEFORE_MS);
  marks.stop = now();
  await stopPostgres(postgres);
  marks.stopped = now();
  console.log(`+${(marks.stopped / 1000).toFixed(1)} s  PostgreSQL stopped`);
  await sleep(OUTAGE_MS - (now() - marks.stop));
  marks.restart = now();
  const restarted = await startPostgres(postgres, url);
  marks.back = now();
  console.log(`+${(marks.back / 1000).toFixed(1)} s  PostgreSQL accepting connections again (pid ${restarted.pid})`);
  await sleep(AFTER_MS);
  running = false;
  await load;
  for (const s of samples) {
    const end = s.at + s.ms;
    s.phase =
      end < marks.stop
        ? 'before'
        : s.at >= marks.stopped && end < marks.restart
          ? 'outage'
          : s.at >= marks.back
            ? 'after'
            : 'switching';
  }

  // What the client saw, phase by phase.
  const kinds: Kind[] = ['live', 'ready', 'public read', 'signed-in read', 'write'];
  console.log('\n| phase | ' + kinds.join(' | ') + ' |\n| --- |' + kinds.map(() => ' --- |').join(''));
  for (const p of ['before', 'switching', 'outage', 'after'] as Phase[]) {
    const cells = kinds.map((k) => {
      const mine = samples.filter((s) => s.phase === p && s.kind === k);
      const counts = new Map<string, number>();
      for (const s of mine) {
        const key = `${s.status}${s.stale ? ' stale' : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts].map(([key, n]) => `${key} ×${n}`).join(', ') || '—';
    });
    console.log(`| ${p} | ${cells.join(' | ')} |`);
  }
  const slowest = Math.max(...samples.filter((s) => s.phase === 'outage').map((s) => s.ms));
  console.log(`\nSlowest answer during the outage: ${slowest} ms`);

  const readyAgain = samples.find((s) => s.kind === 'ready' && s.at >= marks.back && s.status === 200);
  const writeAgain = samples.find((s) => s.kind === 'write' && s.at >= marks.back && s.status === 200);
  const since = (s?: Sample) => (s ? `${((s.at + s.ms - marks.back) / 1000).toFixed(1)} s` : 'never');
  console.log(
    `Ready again ${since(readyAgain)} after PostgreSQL was back; first write accepted ${since(writeAgain)} after.`,
  );

  const during = samples.filter((s) => s.phase === 'outage');
  const tail = samples.filter((s) => s.phase === 'after' && s.at > marks.back + 5000);
  expect(
    samples.filter((s) => s.kind === 'live').every((s) => s.status === 200),
    'live answered 200 throughout',
  );
  expect(
    during.some((s) => s.kind === 'ready' && s.status === 503),
    'ready answered 503 while PostgreSQL was down',
  );
  expect(
    during.filter((s) => s.kind === 'ready').every((s) => s.status === 503),
    'ready never claimed 200 during the outage',
  );
  expect(
    during.filter((s) => s.kind === 'public read').every((s) => s.status === 200 && s.stale),
    'public reads answered from the stale copy during the outage',
  );
  expect(
    during
      .filter((s) => s.kind === 'signed-in read' || s.kind === 'write')
      .every((s) => s.status === 503 || s.status === 200),
    'other calls failed cleanly with 503 (never a hang, never a 500)',
  );
  expect(!api.exit, `the API process never exited (pid ${api.child.pid})`);
  expect(
    !!readyAgain && tail.every((s) => s.status === 200 && !s.stale),
    'recovered without a restart: every call 200 and fresh 5 s after PostgreSQL returned',
  );

  const check = new Client({ connectionString: url });
  await check.connect();
  const [row] = (await check.query(`SELECT display_name FROM app_user WHERE id = $1`, [target.id])).rows;
  const audits = Number(
    (await check.query(`SELECT count(*) FROM audit_event WHERE entity_id = $1`, [target.id])).rows[0].count,
  );
  await check.end();
  console.log(
    `Writes: ${writes} attempted, ${acknowledged.length} acknowledged, ${audits - auditBefore} in the audit trail.`,
  );
  expect(
    audits - auditBefore === acknowledged.length && row.display_name === acknowledged[acknowledged.length - 1],
    'every acknowledged write is in the database (audit rows = acknowledgements, last value stands)',
  );
  return restarted;
}

async function crashDuringImport(api: ApiProcess, pg: Client, url: string, home: string): Promise<ApiProcess> {
  console.log('\n## 2. The API killed in the middle of a GFMIS import\n');
  const officer = await signIn(api.url, 'officer.50@demo.go.th');
  const codes: string[] = (
    await pg.query(
      `SELECT p.code FROM project p JOIN org_unit u ON u.id = p.org_unit_id WHERE u.code = '50' AND p.fiscal_year = 2569 AND p.status <> 'cancelled' ORDER BY p.code`,
    )
  ).rows.map((r) => r.code);
  const file = gfmisCsv(codes, 100_000);
  const count = async () =>
    (
      await pg.query(
        `SELECT (SELECT count(*)::int FROM disbursement_batch) AS batches, (SELECT count(*)::int FROM disbursement) AS rows`,
      )
    ).rows[0] as { batches: number; rows: number };
  const before = await count();
  const upload = () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'crash-drill.csv');
    return fetch(`${api.url}/api/provinces/50/disbursement-imports?fiscalYear=2569`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}` },
      body: form,
    });
  };
  const pending = upload().then(
    (r) => `answered ${r.status}`,
    () => 'connection lost',
  );
  // Kill it once the batch's rows are on their way into PostgreSQL: the transaction is open.
  const until = Date.now() + 60_000;
  let seen = '';
  while (!seen && Date.now() < until) {
    const { rows } = await pg.query(
      `SELECT query FROM pg_stat_activity WHERE application_name = 'provdash-api' AND state <> 'idle'
          AND (query LIKE 'COPY gfmis_stage%' OR query LIKE 'INSERT INTO disbursement %')`,
    );
    seen = rows[0]?.query?.split('\n')[0] ?? '';
    if (!seen) await sleep(10);
  }
  api.child.kill('SIGKILL');
  await api.exited;
  console.log(`Killed the API (SIGKILL) while PostgreSQL ran: ${seen.slice(0, 60) || '(the write was never seen)'}…`);
  console.log(`The upload: ${await pending}`);
  // PostgreSQL notices the dead connection and rolls its transaction back.
  await sleep(500);
  const after = await count();
  console.log(`Batches ${before.batches} → ${after.batches}, disbursement rows ${before.rows} → ${after.rows}`);
  expect(!!seen, 'the kill landed while the import was writing');
  expect(
    after.batches === before.batches && after.rows === before.rows,
    'the interrupted import left no batch and no row',
  );

  const again = startApi({ name: 'api', port: api.port, databaseUrl: url, logFile: join(home, 'api.log') });
  await waitReady(again.url);
  const res = await upload();
  const report = (await res.json()) as { lines?: number };
  const final = await count();
  console.log(`Restarted; the same file again: ${res.status}, ${report.lines} lines; batches now ${final.batches}`);
  expect(res.status === 200 && final.batches === before.batches + 1, 'after a restart the same file imports whole');
  return again;
}

/** Monthly-layout GFMIS lines, each its own (project, month, document, line), as the benchmark builds them. */
function gfmisCsv(codes: string[], lines: number): Buffer {
  const months = [
    '10/2568',
    '11/2568',
    '12/2568',
    '01/2569',
    '02/2569',
    '03/2569',
    '04/2569',
    '05/2569',
    '06/2569',
    '07/2569',
    '08/2569',
    '09/2569',
  ];
  const out = ['\ufeffรหัสโครงการ,เดือน,เลขที่เอกสาร,ลำดับรายการ,ก่อหนี้ผูกพัน (PO),เบิกจ่าย'];
  for (let i = 0; i < lines; i++) {
    const doc = `DR${String(Math.floor(i / (codes.length * 12))).padStart(8, '0')}`;
    out.push(
      `${codes[i % codes.length]},${months[Math.floor(i / codes.length) % 12]},${doc},1,1000.50,${(i % 500) + 1}.25`,
    );
  }
  return Buffer.from(out.join('\r\n') + '\r\n', 'utf8');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
