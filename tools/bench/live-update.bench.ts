/**
 * Live-update latency: N socket.io clients (1,000 and 5,000) in the province room of Chiang Mai,
 * an approver's approval over REST, and the time from sending the HTTP request to the event's
 * arrival at every client (p50/p95/p99 over all clients and rounds). Next to it, in the same run
 * and with the same clients and the same payload, the floor: a bare Socket.IO server that only
 * broadcasts what an HTTP request hands it. Goal: p95 within 1.5× the floor at 1,000 clients and
 * within 2× at 5,000. Each server runs in its own process; the clients share this one.
 *
 *   npm run bench -- live-update        (BENCH_LIVE_CLIENTS=1000,5000 BENCH_LIVE_ROUNDS=20)
 */
import type {
  ClientToServerEvents,
  JoinAck,
  KpiResultChangedEvent,
  Live,
  ServerToClientEvents,
} from '@provdash/shared/contracts';
import { ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { startEmbeddedPostgres, throwawayDir } from '../../apps/api/src/database/embedded-postgres';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seeds/demo/demo-users.seed';
import { record } from './support';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Changed = Live<KpiResultChangedEvent>;

const CLIENTS = (process.env['BENCH_LIVE_CLIENTS'] ?? '1000,5000').split(',').map(Number);
const ROUNDS = Number(process.env['BENCH_LIVE_ROUNDS'] ?? 20);
const WARMUP = 3;
const ROOM = 'province:50';
const PERIOD = '2570-M01';
const GOALS: Record<number, number> = { 1000: 1.5, 5000: 2 };

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { p50: at(50), p95: at(95), p99: at(99), samples: s.length };
}

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(__dirname, 'live-update.server.ts'), args, {
    execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The sockets, joined, each timing the approvals it hears against the round's start. */
class Audience {
  private readonly sockets: ClientSocket[] = [];
  private start = 0;
  private heard = 0;
  private withdrawn = 0;
  private done: (() => void) | null = null;
  private samples: number[] = [];
  private recording = false;

  constructor(
    private readonly url: string,
    private readonly n: number,
    private readonly token: string,
  ) {}

  async connect(): Promise<void> {
    for (let i = 0; i < this.n; i += 250) {
      const batch = Array.from({ length: Math.min(250, this.n - i) }, () => this.one());
      await Promise.all(batch);
    }
  }

  private async one(): Promise<void> {
    const socket: ClientSocket = io(this.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: this.token },
      reconnection: false,
      forceNew: true,
    });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(30_000).emitWithAck('join', { room: ROOM })) as JoinAck;
    if (!ack.ok) throw new Error(`join: ${ack.error}`);
    socket.on('kpi-result.changed', (e: Changed) => {
      if (e.data.status === 'withdrawn') {
        this.withdrawn++;
        return;
      }
      if (e.data.status !== 'approved') return;
      const ms = performance.now() - this.start;
      if (this.recording) this.samples.push(ms);
      if (++this.heard === this.n) this.done?.();
    });
  }

  /** Runs `send` and resolves once every client heard the approval. */
  async round(send: () => Promise<void>, record: boolean): Promise<void> {
    this.heard = 0;
    this.recording = record;
    const all = new Promise<void>((resolve) => (this.done = resolve));
    this.start = performance.now();
    await send();
    await all;
  }

  /** Waits until every client heard `count` withdrawals in all (the untimed reopening between rounds). */
  async settled(count: number): Promise<void> {
    while (this.withdrawn < count * this.n) await new Promise((r) => setTimeout(r, 5));
  }

  result(): Stats {
    return stats(this.samples);
  }

  close(): void {
    this.sockets.forEach((s) => s.disconnect());
  }
}

async function send(
  method: 'PUT' | 'POST',
  url: string,
  token: string | null,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await send('POST', `${base}/api/auth/login`, null, { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
  return (res.json as { accessToken: string }).accessToken;
}

export default async function liveUpdate(): Promise<void> {
  const home = throwawayDir('provdash-bench-live-');
  const db = await startEmbeddedPostgres({ dataDir: join(home, 'pg'), database: 'provdash_bench', persistent: false });
  const children: ChildProcess[] = [];
  const rows: string[] = [];
  try {
    await prepareDatabase(db.url, { demo: true });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const [kpi] = (
      await pg.query(
        `SELECT k.id, COALESCE((SELECT r.value::text FROM kpi_result r WHERE r.kpi_id = k.id AND r.status = 'approved'
                  AND r.value IS NOT NULL ORDER BY r.period DESC LIMIT 1), '1') AS value
         FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
         WHERE u.code = '50' AND k.frequency = 'monthly' AND k.rollup <> 'ratio' AND k.retired_at IS NULL
         ORDER BY k.code LIMIT 1`,
      )
    ).rows;
    await pg.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [kpi.id, PERIOD]);
    await pg.end();

    const api = await startServer(['api', db.url]);
    children.push(api.child);
    const officer = await signIn(api.url, 'officer.50@demo.go.th');
    const approver = await signIn(api.url, 'approver.50@demo.go.th');
    const governor = await signIn(api.url, 'governor.50@demo.go.th');
    const entry = `${api.url}/api/kpis/${kpi.id}/results/${PERIOD}`;
    let version: number | null = null;
    let reopenings = 0;
    let captured: Changed | null = null;

    /** Untimed: back to a submitted entry (reopen the last approval, edit, submit). */
    async function prepare(audience: Audience): Promise<void> {
      if (version !== null) {
        const reopened = await send('POST', `${entry}/reopen`, approver, { version, reason: 'benchmark' });
        version = (reopened.json as { version: number }).version;
        reopenings++;
        await audience.settled(reopenings);
      }
      const saved = await send('PUT', entry, officer, { value: kpi.value, ...(version !== null && { version }) });
      const submitted = await send('POST', `${entry}/submit`, officer, {
        version: (saved.json as { version: number }).version,
      });
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.json)}`);
      version = (submitted.json as { version: number }).version;
    }

    console.log(
      `Clients in ${ROOM}; ${ROUNDS} rounds after ${WARMUP} warm-up; latency = HTTP request sent → event received.\n`,
    );
    rows.push(
      '| clients | server | p50 ms | p95 ms | p99 ms | samples |',
      '| ---: | --- | ---: | ---: | ---: | ---: |',
    );
    const summary: string[] = [];
    const measured: { clients: number; floor: Stats; api: Stats; ratio: number; goal: number; met: boolean }[] = [];
    for (const n of CLIENTS) {
      // The product: an approval through the API, the outbox and the relay.
      const audience = new Audience(api.url, n, governor);
      await audience.connect();
      reopenings = 0;
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        await prepare(audience);
        await audience.round(async () => {
          const approved = await send('POST', `${entry}/approve`, approver, { version });
          if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
          version = (approved.json as { version: number }).version;
        }, i >= WARMUP);
      }
      audience.close();
      const product = audience.result();
      if (!captured) {
        const probe = new Client({ connectionString: db.url });
        await probe.connect();
        const { rows: last } = await probe.query(
          `SELECT room, seq::int AS seq, created_at AS at, payload AS data FROM realtime_event
           WHERE room = $1 AND event = 'kpi-result.changed' ORDER BY seq DESC LIMIT 1`,
          [ROOM],
        );
        await probe.end();
        captured = last[0] as Changed;
      }

      // The floor: the same clients, the same payload, a bare broadcast.
      const bare = await startServer(['bare']);
      children.push(bare.child);
      const floorAudience = new Audience(bare.url, n, governor);
      await floorAudience.connect();
      const payload = captured;
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        await floorAudience.round(async () => {
          await send('POST', `${bare.url}/broadcast`, null, { room: ROOM, event: 'kpi-result.changed', payload });
        }, i >= WARMUP);
      }
      floorAudience.close();
      await stopServer(bare.child);
      const floor = floorAudience.result();

      for (const [label, s] of [
        ['bare Socket.IO broadcast (floor)', floor],
        ['API approval → outbox → relay', product],
      ] as const) {
        rows.push(
          `| ${n.toLocaleString('en')} | ${label} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.samples} |`,
        );
      }
      const ratio = product.p95 / floor.p95;
      const goal = GOALS[n] ?? 2;
      summary.push(
        `${n.toLocaleString('en')} clients: API p95 / floor p95 = ${ratio.toFixed(2)} (goal ≤ ${goal}: ${ratio <= goal ? 'met' : 'NOT met'})`,
      );
      measured.push({
        clients: n,
        floor,
        api: product,
        ratio: Math.round(ratio * 100) / 100,
        goal,
        met: ratio <= goal,
      });
      console.log(`measured ${n} clients`);
    }
    console.log(`\n${rows.join('\n')}\n\n${summary.join('\n')}`);
    console.log(`payload: ${Buffer.byteLength(JSON.stringify(captured))} bytes of JSON per event`);
    record('live-update', {
      rounds: ROUNDS,
      payloadBytes: Buffer.byteLength(JSON.stringify(captured)),
      clients: measured,
    });
  } finally {
    // A child stopped by our SIGTERM has a signalCode and no exitCode; it must not be waited for twice.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) await stopServer(child);
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
