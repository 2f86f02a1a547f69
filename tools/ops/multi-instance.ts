/**
 * `npm run ops:multi-instance`: the two-instance acceptance run, for CI. On the container-less
 * topology (tools/ops/topology.ts: embedded PostgreSQL, two API processes, nginx):
 *
 * - CLIENTS dashboard-like clients connect through nginx (sticky: they all land on one instance,
 *   "A") as Chiang Mai's strategy officer and join `workspace:50`, where every saved draft is
 *   announced with its room sequence number;
 * - a writer saves KPI result drafts through the other instance ("B") directly, as fast as it gets
 *   answers, for LOAD_SECONDS;
 * - midway, instance A is killed (SIGKILL). Its clients reconnect through nginx, which sends them
 *   to B, and rejoin with the last `seq` they hold: the ack brings what they missed, or tells them to
 *   refetch the snapshot over REST, exactly as the dashboard does.
 *
 * Then: every write B acknowledged is in the database (no lost writes), and every client's view of
 * every entry equals the database and its `seq` the room's (all clients resynced). Exit code 0 only
 * if so. Needs the build (`npx nx run-many -t build -p api dashboard`) and nginx (installed if missing).
 */
import { readFileSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import type { JoinAck, KpiResultChangedEvent, Live, MissedEvent } from '@provdash/shared/contracts';
import { signIn } from './api-process';
import { startTopology } from './topology';

const CLIENTS = Number(process.env['CLIENTS'] ?? 8);
const LOAD_MS = Number(process.env['LOAD_SECONDS'] ?? 12) * 1000;
const WRITE_PAUSE_MS = 100;
const ROOM = 'workspace:50';
/** This month as a fiscal period (FY 2570 = Oct 2026 – Sep 2027, M01 = October): never in the future. */
const now = new Date();
const FY = now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
const PERIOD = `${FY}-M${String(((now.getMonth() + 3) % 12) + 1).padStart(2, '0')}`;

interface Entry {
  value: string | null;
  version: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client as the dashboard is one: live events applied by version, gaps and reconnects resynced. */
class LiveClient {
  readonly state = new Map<string, Entry>();
  seq: number | undefined;
  events = 0;
  caughtUp = 0;
  refetches = 0;
  reconnects = 0;
  gaps = 0;
  readonly socket: Socket;

  constructor(
    readonly id: number,
    private readonly url: string,
    private readonly token: string,
    private readonly kpiIds: string[],
  ) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: { token },
      reconnectionDelay: 300,
      reconnectionDelayMax: 2000,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.io.on('reconnect', () => this.reconnects++);
    this.socket.on('kpi-result.changed', (e: Live<KpiResultChangedEvent>) => {
      if (e.room !== ROOM) return;
      if (this.seq !== undefined && e.seq <= this.seq) return; // at least once: a repeat
      if (this.seq !== undefined && e.seq > this.seq + 1) {
        this.gaps++;
        void this.join(); // missed something: ask for it
        return;
      }
      this.events++;
      this.apply(e);
    });
  }

  private apply(e: Live<KpiResultChangedEvent>): void {
    this.seq = e.seq;
    const key = `${e.data.kpiId}|${e.data.period}`;
    const known = this.state.get(key);
    if (!known || e.data.version > known.version) this.state.set(key, { value: e.data.value, version: e.data.version });
  }

  async join(): Promise<void> {
    const ack = (await this.socket
      .timeout(5000)
      .emitWithAck('join', { room: ROOM, ...(this.seq !== undefined && { since: this.seq }) })
      .catch(() => null)) as JoinAck | null;
    if (!ack || !ack.ok) return;
    if (ack.refetch || this.seq === undefined) {
      if (this.seq !== undefined) this.refetches++;
      await this.snapshot();
      this.seq = ack.seq;
      return;
    }
    for (const m of ack.missed as MissedEvent[]) {
      if (m.event !== 'kpi-result.changed' || m.payload.seq <= (this.seq ?? -1)) continue;
      this.caughtUp++;
      this.apply(m.payload as Live<KpiResultChangedEvent>);
    }
    this.seq = Math.max(this.seq ?? 0, ack.seq);
  }

  /** The REST snapshot: what a client reloads when the catch-up is too long or too old. */
  private async snapshot(): Promise<void> {
    for (const kpiId of this.kpiIds) {
      const res = await fetch(`${this.url}/api/kpis/${kpiId}/results?fiscalYear=${FY}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (!res.ok) continue;
      for (const r of (await res.json()) as { period: string; value: string | null; version: number }[]) {
        if (r.period !== PERIOD) continue;
        const key = `${kpiId}|${r.period}`;
        const known = this.state.get(key);
        if (!known || r.version > known.version) this.state.set(key, { value: r.value, version: r.version });
      }
    }
  }
}

async function main(): Promise<void> {
  const t = await startTopology();
  const checks: { ok: boolean; text: string }[] = [];
  const expect = (ok: boolean, text: string) => checks.push({ ok, text });
  const pg = new Client({ connectionString: t.db.url });
  const clients: LiveClient[] = [];
  try {
    await pg.connect();
    // Chiang Mai's monthly KPIs with a value (not a ratio) and nothing yet under review for the month.
    const kpiIds: string[] = (
      await pg.query(
        `SELECT k.id FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
          WHERE u.code = '50' AND k.frequency = 'monthly' AND k.rollup <> 'ratio'
            AND NOT EXISTS (SELECT 1 FROM kpi_result r WHERE r.kpi_id = k.id AND r.period = $1 AND r.status IN ('submitted', 'approved'))
          ORDER BY k.code LIMIT 6`,
        [PERIOD],
      )
    ).rows.map((r) => r.id);
    if (kpiIds.length === 0) throw new Error(`no KPI of Chiang Mai open for ${PERIOD}`);

    // Which instance nginx sends this machine's sockets to (sticky by address): its access log says.
    await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
    await sleep(200);
    const probe = readFileSync(t.accessLog, 'utf8')
      .split('\n')
      .reverse()
      .find((l) => l.includes('/socket.io/'));
    const upstream = /upstream=127\.0\.0\.1:(\d+)/.exec(probe ?? '')?.[1];
    const a = t.apis.find((x) => String(x.port) === upstream);
    const b = t.apis.find((x) => x !== a);
    if (!a || !b) throw new Error(`could not tell which instance serves the sockets (${probe})`);
    console.log(`\nSockets go through nginx to ${a.name} (${a.url}); writes go to ${b.name} (${b.url}) directly.`);

    const officer = await signIn(b.url, 'officer.50@demo.go.th');
    for (let i = 0; i < CLIENTS; i++) clients.push(new LiveClient(i, t.url, officer, kpiIds));
    for (const c of clients) {
      while (c.seq === undefined) await sleep(50);
    }
    console.log(`${CLIENTS} clients joined ${ROOM} at seq ${clients[0].seq}.`);

    // The writer: one draft after another, round the KPIs, through B only.
    const versions = new Map<string, number | undefined>(
      (
        await pg.query(`SELECT kpi_id, version FROM kpi_result WHERE kpi_id = ANY($1) AND period = $2`, [
          kpiIds,
          PERIOD,
        ])
      ).rows.map((r) => [r.kpi_id, r.version]),
    );
    const acknowledged = new Map<string, { value: string; version: number }>();
    let attempted = 0;
    let failed = 0;
    const failures = new Map<string, number>();
    let running = true;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        const kpiId = kpiIds[i % kpiIds.length];
        // Between 1.5 and 90.5: possible for every kind of KPI (a percentage's hard limit is 100).
        const value = `${(i % 90) + 1}.5`;
        attempted++;
        const res = await fetch(`${b.url}/api/kpis/${kpiId}/results/${PERIOD}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            value,
            confirmOutlier: true,
            narrativeTh: 'ซ้อมระบบหลายเครื่อง',
            version: versions.get(kpiId),
          }),
        }).catch(() => null);
        if (res?.status === 200) {
          const body = (await res.json()) as { version: number };
          versions.set(kpiId, body.version);
          acknowledged.set(kpiId, { value, version: body.version });
        } else {
          failed++;
          const status = res ? String(res.status) : 'no answer';
          failures.set(status, (failures.get(status) ?? 0) + 1);
          await res?.text();
        }
        // About 8 writes a second: well inside the per-address limit (600 a minute) the writer shares.
        await sleep(WRITE_PAUSE_MS);
      }
    })();

    const start = Date.now();
    await sleep(LOAD_MS / 2);
    const before = clients.map((c) => c.events);
    a.child.kill('SIGKILL');
    await a.exited;
    console.log(
      `+${((Date.now() - start) / 1000).toFixed(1)} s  killed ${a.name} (SIGKILL) with ${CLIENTS} clients on it`,
    );
    await sleep(LOAD_MS / 2);
    running = false;
    await writer;
    console.log(
      `+${((Date.now() - start) / 1000).toFixed(1)} s  writer stopped: ${attempted} writes, ${attempted - failed} acknowledged, ${failed} failed`,
    );

    // Let every client settle (reconnected, caught up), then compare with the database.
    const [{ seq: roomSeq }] = (await pg.query(`SELECT seq::int AS seq FROM realtime_room WHERE room = $1`, [ROOM]))
      .rows;
    const settled = Date.now() + 15_000;
    while (Date.now() < settled && clients.some((c) => c.seq !== roomSeq || !c.socket.connected)) await sleep(200);
    const db = new Map<string, Entry>(
      (
        await pg.query(
          `SELECT kpi_id, period, value::text AS value, version FROM kpi_result WHERE kpi_id = ANY($1) AND period = $2`,
          [kpiIds, PERIOD],
        )
      ).rows.map((r) => [`${r.kpi_id}|${r.period}`, { value: r.value, version: r.version }]),
    );

    console.log(
      '\n| client | live events | caught up on rejoin | refetched | gaps | reconnects | seq | matches the database |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    const same = (x?: Entry, y?: Entry) => !!x && !!y && x.version === y.version && Number(x.value) === Number(y.value);
    for (const c of clients) {
      const matches = [...db].every(([k, v]) => same(c.state.get(k), v));
      console.log(
        `| ${c.id} | ${c.events} | ${c.caughtUp} | ${c.refetches} | ${c.gaps} | ${c.reconnects} | ${c.seq} | ${matches ? 'yes' : 'NO'} |`,
      );
    }

    const lost = kpiIds.filter((id) => {
      const ack = acknowledged.get(id);
      const row = db.get(`${id}|${PERIOD}`);
      return (
        ack &&
        !(row && row.version >= ack.version && (row.version > ack.version || Number(row.value) === Number(ack.value)))
      );
    });
    expect(
      failed === 0 && attempted > 50,
      `every write to ${b.name} acknowledged: ${attempted - failed} of ${attempted}${failed ? ` (failures: ${JSON.stringify(Object.fromEntries(failures))})` : ''}`,
    );
    expect(lost.length === 0, `no lost writes: every acknowledged write is in the database (${lost.length} missing)`);
    expect(
      before.every((n) => n > 0),
      'every client heard live events from the other instance before the kill',
    );
    expect(
      clients.every((c) => c.reconnects >= 1 && c.socket.connected),
      `every client reconnected through nginx (to ${b.name})`,
    );
    expect(
      clients.every((c) => c.seq === roomSeq),
      `every client holds the room's last seq (${roomSeq})`,
    );
    expect(
      clients.every((c) => [...db].every(([k, v]) => same(c.state.get(k), v))),
      'every client resynced: its view equals the database',
    );
  } finally {
    for (const c of clients) c.socket.disconnect();
    await pg.end().catch(() => undefined);
    await t.stop();
    if (!process.env['KEEP_DRILL']) rmSync(t.home, { recursive: true, force: true });
    else console.log(`kept ${t.home}`);
  }
  console.log('\n## Expectations\n');
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.text}`);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
