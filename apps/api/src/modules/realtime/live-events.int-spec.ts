import type { INestApplication } from '@nestjs/common';
import type {
  ClientToServerEvents,
  JoinAck,
  KpiResultChangedEvent,
  Live,
  RoomName,
  ServerToClientEvents,
} from '@provdash/shared/contracts';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { createApp } from '../../bootstrap';
import { AppConfig, loadConfig } from '../../config/app-config';
import { as, DemoActor, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox, PENDING_KEY } from './outbox.service';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Changed = Live<KpiResultChangedEvent>;

/** October and November 2026 (fiscal 2570), cleared for these tests. */
const PERIODS = ['2570-M01', '2570-M02'];
type Entry = { id: string; value: string; period: string };
const same = (e: Changed, entry: Entry) => e.data.kpiId === entry.id && e.data.period === entry.period;

/**
 * The live path end to end: REST write → outbox row in the same transaction → relay after commit
 * → Socket.IO rooms (through the PostgreSQL adapter) → real socket.io-client sockets.
 */
describe('live events after commit (real PostgreSQL, real sockets)', () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const sockets: ClientSocket[] = [];
  /** Entries (KPI, period) of monthly non-ratio KPIs of Chiang Mai (50) and Lampang (52), cleared. */
  let kpis50: Entry[];
  let kpi52: Entry;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const pick = (code: string, n: number): Promise<{ id: string; value: string }[]> =>
      t.dataSource.query(
        `SELECT k.id, COALESCE((SELECT r.value::text FROM kpi_result r WHERE r.kpi_id = k.id AND r.status = 'approved'
                  AND r.value IS NOT NULL ORDER BY r.period DESC LIMIT 1), '1') AS value
         FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
         WHERE u.code = $1 AND k.frequency = 'monthly' AND k.rollup <> 'ratio' AND k.retired_at IS NULL
         ORDER BY k.code LIMIT $2`,
        [code, n],
      );
    const of50 = await pick('50', 3);
    expect(of50).toHaveLength(3);
    kpis50 = PERIODS.flatMap((period) => of50.map((k) => ({ ...k, period })));
    const [k52] = await pick('52', 1);
    kpi52 = { ...k52, period: PERIODS[0] };
    await t.dataSource.query(`DELETE FROM kpi_result WHERE period = ANY($1) AND kpi_id = ANY($2)`, [
      PERIODS,
      [...of50.map((k) => k.id), kpi52.id],
    ]);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  async function connect(who: DemoActor | null, at = url): Promise<ClientSocket> {
    const socket: ClientSocket = io(at, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: who ? { token: f.tokens[who] } : {},
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function join(socket: ClientSocket, room: RoomName, since?: number) {
    const ack = (await socket.timeout(5000).emitWithAck('join', { room, since } as never)) as JoinAck;
    if (!ack.ok) throw new Error(`join ${room}: ${ack.error}`);
    return ack;
  }

  /** Every `kpi-result.changed` a socket hears (and every live event, in `all`), and a way to wait for one. */
  function listen(socket: ClientSocket) {
    const heard: Changed[] = [];
    const all: { event: string; payload: Live<unknown> }[] = [];
    const waiters: { test: (e: Changed) => boolean; resolve: (e: Changed) => void }[] = [];
    socket.onAny((event: string, payload: Live<unknown>) => {
      all.push({ event, payload });
      if (event !== 'kpi-result.changed') return;
      const e = payload as Changed;
      heard.push(e);
      for (const w of waiters.filter((x) => x.test(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    });
    const next = (test: (e: Changed) => boolean) =>
      new Promise<Changed>((resolve, reject) => {
        const found = heard.find(test);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error('no such event within 10 s')), 10_000);
        waiters.push({
          test,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    return { heard, all, next };
  }

  const officer = (who: DemoActor = 'officer50') => as(t, f.tokens[who]);
  const approver = () => as(t, f.tokens.approver50);

  async function draft(kpi: Entry, who: DemoActor = 'officer50') {
    const [row] = await t.dataSource.query(`SELECT version FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [
      kpi.id,
      kpi.period,
    ]);
    const res = await officer(who)
      .put(`/api/kpis/${kpi.id}/results/${kpi.period}`)
      .send({ value: kpi.value, ...(row && { version: row.version }) });
    expect(res.status).toBe(200);
    return res.body as { version: number };
  }

  async function approve(kpi: Entry) {
    const drafted = await draft(kpi);
    const submitted = await officer().post(`/api/kpis/${kpi.id}/results/${kpi.period}/submit`).send({ version: drafted.version });
    expect(submitted.status).toBe(200);
    const approved = await approver()
      .post(`/api/kpis/${kpi.id}/results/${kpi.period}/approve`)
      .send({ version: submitted.body.version });
    expect(approved.status).toBe(200);
    return approved.body as { version: number };
  }

  it('an approval reaches the province and national rooms with the new scorecard line, once per room, and no other province', async () => {
    const governor = await connect('governor50');
    const analyst = await connect('analyst');
    const lampang = await connect('officer52');
    await join(governor, 'province:50');
    await join(analyst, 'national');
    await join(lampang, 'province:52');
    await join(lampang, 'workspace:52');
    const g = listen(governor);
    const a = listen(analyst);
    const l = listen(lampang);

    const kpi = kpis50[0];
    const approved = await approve(kpi);
    const [atGovernor, atNational] = await Promise.all([
      g.next((e) => same(e, kpi) && e.data.status === 'approved'),
      a.next((e) => same(e, kpi) && e.data.status === 'approved'),
    ]);
    expect(atGovernor.room).toBe('province:50');
    expect(atNational.room).toBe('national');
    expect(atGovernor.data).toMatchObject({
      orgUnitCode: '50',
      period: kpi.period,
      fiscalYear: 2570,
      value: expect.any(String),
      version: approved.version,
    });
    // The line the scorecard endpoint now shows, so the governor's screen needs no refetch.
    const card = (await as(t, null).get('/api/org-units/50/scorecard?fiscalYear=2570')).body;
    expect(atGovernor.data.scorecard?.kpi).toEqual(card.kpis.find((k: { kpiId: string }) => k.kpiId === kpi.id));
    expect(atGovernor.data.scorecard?.plan).toEqual(card.rollup.plan);
    expect(atGovernor.data.scorecard?.counts).toEqual(card.counts);

    // A barrier: Lampang's own later event reaches the same socket after anything sent to it before.
    await draft(kpi52, 'officer52');
    await l.next((e) => same(e, kpi52));
    expect(l.heard.filter((e) => e.data.orgUnitCode === '50')).toEqual([]);

    // One event per affected room: workspace, province, cluster, national, public.
    const rows = await t.dataSource.query(
      `SELECT room FROM realtime_event WHERE event = 'kpi-result.changed' AND payload->>'kpiId' = $1
       AND payload->>'period' = $2 AND payload->>'status' = 'approved' ORDER BY room`,
      [kpi.id, kpi.period],
    );
    expect(rows.map((r: { room: string }) => r.room)).toEqual([
      'cluster:C15',
      'national',
      'province:50',
      'public',
      'workspace:50',
    ]);
    expect(g.heard.filter((e) => same(e, kpi) && e.data.status === 'approved')).toHaveLength(1);

    // What operators see: the events sent and the sockets open on this instance.
    const metrics = (await as(t, null).get('/api/metrics')).text;
    const emitted = Number(/provdash_live_events_emitted_total\{event="kpi-result.changed"\} (\d+)/.exec(metrics)?.[1]);
    expect(emitted).toBeGreaterThanOrEqual(5);
    expect(Number(/^provdash_socket_connections (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it("drafts and submissions reach the province's officers only; scope rooms hear the approval", async () => {
    const officerSocket = await connect('officer50');
    const governor = await connect('governor50');
    const publicSocket = await connect(null);
    await join(officerSocket, 'workspace:50');
    await join(governor, 'province:50');
    await join(publicSocket, 'public');
    const o = listen(officerSocket);
    const g = listen(governor);
    const p = listen(publicSocket);

    const kpi = kpis50[1];
    await approve(kpi);
    const steps = ['draft', 'submitted', 'approved'];
    for (const status of steps) await o.next((e) => same(e, kpi) && e.data.status === status);
    await g.next((e) => same(e, kpi) && e.data.status === 'approved');
    await p.next((e) => same(e, kpi) && e.data.status === 'approved');
    // Same socket, in order: had a draft been sent to the governor or the public, it would be here first.
    expect(g.heard.filter((e) => same(e, kpi)).map((e) => e.data.status)).toEqual(['approved']);
    expect(p.heard.filter((e) => same(e, kpi)).map((e) => e.data.status)).toEqual(['approved']);
    expect(o.heard.filter((e) => same(e, kpi)).map((e) => e.data.status)).toEqual(steps);

    // Reopening withdraws the approved value from the scope rooms, and says nothing of the reason.
    const current = (await officer().get(`/api/kpis/${kpi.id}/results?fiscalYear=2570`)).body.find(
      (r: { period: string }) => r.period === kpi.period,
    );
    const reopened = await approver()
      .post(`/api/kpis/${kpi.id}/results/${kpi.period}/reopen`)
      .send({ version: current.version, reason: 'ตรวจสอบใหม่' });
    expect(reopened.status).toBe(200);
    const withdrawn = await p.next((e) => same(e, kpi) && e.data.status === 'withdrawn');
    expect(withdrawn.data).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(JSON.stringify(withdrawn)).not.toContain('ตรวจสอบใหม่');
    await o.next((e) => same(e, kpi) && e.data.status === 'returned');
  });

  it("today's events of a room come over REST too, for a feed opened later, with no draft in scope rooms", async () => {
    const province = await as(t, f.tokens.governor50).get('/api/org-units/50/live/today').expect(200);
    const seqs = province.body.map((m: { payload: { seq: number } }) => m.payload.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const approvals = province.body.filter(
      (m: { event: string; payload: Changed }) => m.event === 'kpi-result.changed' && m.payload.data.status === 'approved',
    );
    expect(approvals.length).toBeGreaterThanOrEqual(2);
    expect(approvals[0].payload).toMatchObject({ room: 'province:50', at: expect.any(String) });

    const everywhere = await as(t, null).get('/api/public/live/today').expect(200);
    const statuses = new Set(
      everywhere.body
        .filter((m: { event: string }) => m.event === 'kpi-result.changed')
        .map((m: { payload: Changed }) => m.payload.data.status),
    );
    expect([...statuses].every((x) => x === 'approved' || x === 'withdrawn')).toBe(true);
    expect(everywhere.body.every((m: { payload: { room: string } }) => m.payload.room === 'public')).toBe(true);
    await as(t, f.tokens.officer52).get('/api/org-units/50/live/today').expect(403);
  });

  it('a rolled-back write emits nothing', async () => {
    const governor = await connect('governor50');
    await join(governor, 'province:50');
    const imported: unknown[] = [];
    governor.on('kpi-results.imported', (e) => imported.push(e));
    const g = listen(governor);
    const before = (await join(governor, 'province:50')).seq;

    await expect(
      t.dataSource.transaction(async (m) => {
        await t.app
          .get(Outbox)
          .publish(m, [{ room: 'province:50', event: 'kpi-results.imported', data: { orgUnitCode: '50', fiscalYear: 2570, rows: 1 } }]);
        throw new Error('the write fails after its event was recorded');
      }),
    ).rejects.toThrow('the write fails');
    // A refused step (self-approval) rolls back too.
    const kpi = kpis50[2];
    const drafted = await draft(kpi, 'approver50' as DemoActor);
    const submitted = await as(t, f.tokens.approver50)
      .post(`/api/kpis/${kpi.id}/results/${kpi.period}/submit`)
      .send({ version: drafted.version });
    const selfApproval = await approver()
      .post(`/api/kpis/${kpi.id}/results/${kpi.period}/approve`)
      .send({ version: submitted.body.version });
    expect(selfApproval.status).toBe(403);

    // Then a real one: it arrives with the very next number, so nothing was sent or numbered in between.
    await approve(kpis50[3]);
    const next = await g.next((e) => same(e, kpis50[3]));
    expect(next.seq).toBe(before + 1);
    expect(imported).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM realtime_event WHERE event = 'kpi-results.imported'`);
    expect(n).toBe(0);
  });

  it('what a writer committed but never sent (it died in between) goes out with the sweep', async () => {
    const governor = await connect('governor50');
    await join(governor, 'province:50');
    const heard = new Promise<Live<unknown>>((resolve) => governor.once('target.changed', resolve));
    const data = { kind: 'kpi-target' as const, fiscalYear: 2570, kpiId: kpis50[0].id, orgUnitCode: '50', target: '12' };
    await t.dataSource.transaction(async (m) => {
      await t.app.get(Outbox).publish(m, [{ room: 'province:50', event: 'target.changed', data }]);
      // As if the process stopped right after COMMIT: the after-commit hook never gets the rows.
      delete m.queryRunner?.data[PENDING_KEY];
    });
    const event = await heard;
    expect(event).toMatchObject({ room: 'province:50', data });
    // The sweep sends inside its transaction and marks the row in the same one: wait for that commit.
    await t.app.get(OutboxRelay).sweep();
    const [row] = await t.dataSource.query(
      `SELECT relayed_at IS NOT NULL AS sent FROM realtime_event WHERE event = 'target.changed' AND room = 'province:50'`,
    );
    expect(row).toEqual({ sent: true });
  });

  it('a client that misses three events and rejoins with its seq ends in the same state as one that stayed', async () => {
    const stayed = await connect('governor50');
    const { seq: start } = await join(stayed, 'province:50');
    const s = listen(stayed);
    const dropped = await connect('governor50');
    expect((await join(dropped, 'province:50')).seq).toBe(start);
    dropped.disconnect();

    for (const kpi of kpis50.slice(4, 6)) await approve(kpi);
    // The third: a reopening.
    const kpi = kpis50[4];
    const current = (await officer().get(`/api/kpis/${kpi.id}/results?fiscalYear=2570`)).body.find(
      (r: { period: string }) => r.period === kpi.period,
    );
    await approver()
      .post(`/api/kpis/${kpi.id}/results/${kpi.period}/reopen`)
      .send({ version: current.version, reason: 'แก้ไขตัวเลข' });
    await s.next((e) => same(e, kpi) && e.data.status === 'withdrawn');
    // (An approval may also move a linked agreement score: those events count too.)
    const [{ seq: end }] = await t.dataSource.query(`SELECT seq::int AS seq FROM realtime_room WHERE room = 'province:50'`);
    expect(end).toBeGreaterThanOrEqual(start + 3);
    while (!s.all.some((x) => x.payload.seq === end)) await new Promise((r) => setTimeout(r, 20));

    const back = await connect('governor50');
    const ack = await join(back, 'province:50', start);
    expect(ack).toMatchObject({ seq: end, refetch: false });
    if (!ack.ok) throw new Error('join failed');
    expect(ack.missed).toEqual(s.all.filter((x) => x.payload.seq > start));

    // The state each would draw: the last scorecard line per KPI.
    const state = (events: Changed[]) =>
      Object.fromEntries(events.map((e) => [`${e.data.kpiId}/${e.data.period}`, e.data.scorecard?.kpi ?? null]));
    const missedChanges = ack.missed.filter((m) => m.event === 'kpi-result.changed').map((m) => m.payload as Changed);
    expect(missedChanges).toHaveLength(3);
    expect(state(missedChanges)).toEqual(state(s.heard));

    // Too far back (pruned) or ahead of the room (a restored database): refetch over REST.
    await t.dataSource.query(`DELETE FROM realtime_event WHERE room = 'province:50' AND seq = $1`, [start + 1]);
    expect(await join(back, 'province:50', start)).toMatchObject({ missed: [], refetch: true });
    expect(await join(back, 'province:50', start + 100)).toMatchObject({ missed: [], refetch: true });
    expect(await join(back, 'province:50', end)).toMatchObject({ missed: [], refetch: false });
  });

  it('two API instances on different ports share events through the PostgreSQL adapter', async () => {
    // A second, independent Nest application on the same database: its own HTTP port, Socket.IO
    // server, pools and relay. Its relay is stopped, so only the first instance relays: what reaches
    // the second instance's sockets can only have come through the adapter.
    const second: INestApplication = await createApp({
      // Instances of one deployment share the token secret (an app embedded without one makes its own).
      config: loadConfig({ NODE_ENV: 'test', JWT_SECRET: t.app.get(AppConfig).JWT_SECRET }),
      databaseUrl: t.db.url,
    });
    await second.init();
    await second.get(OutboxRelay).onApplicationShutdown();
    await second.listen(0, '127.0.0.1');
    try {
      const secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
      const there = await connect('governor50', secondUrl);
      await join(there, 'province:50');
      const heard = listen(there);
      // The adapter's instances find each other by heartbeat; give the first a moment to see the second.
      await new Promise((r) => setTimeout(r, 500));

      const kpi52Entry = await draft(kpi52, 'officer52');
      expect(kpi52Entry.version).toBeGreaterThan(0);
      // What the instances say to each other on the adapter's channel while the approval commits.
      const wire = new Client({ connectionString: t.db.url });
      await wire.connect();
      const types: number[] = [];
      wire.on('notification', (n) => types.push((JSON.parse(n.payload ?? '{}') as { type?: number }).type ?? 0));
      await wire.query('LISTEN "socket.io#/"');
      const kpi = kpis50[5];
      const current = (await officer().get(`/api/kpis/${kpi.id}/results?fiscalYear=2570`)).body.find(
        (r: { period: string }) => r.period === kpi.period,
      );
      if (current?.status === 'approved') {
        await approver()
          .post(`/api/kpis/${kpi.id}/results/${kpi.period}/reopen`)
          .send({ version: current.version, reason: 'ส่งใหม่' });
      }
      await approve(kpi);
      const got = await heard.next((e) => same(e, kpi) && e.data.status === 'approved');
      expect(got.room).toBe('province:50');
      await wire.end();
      // A commit's events (province, cluster, national, public and workspace rooms) cross in one
      // message (Socket.IO's server-side emit, 9), not a broadcast (3) per room.
      expect(types.filter((x) => x === 3)).toEqual([]);
      expect(types.filter((x) => x === 9).length).toBeGreaterThanOrEqual(1);
    } finally {
      await second.close();
    }
  });
});
