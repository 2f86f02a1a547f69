import type { ClientToServerEvents, JoinAck, KpiResultChangedEvent, Live, ServerToClientEvents } from '@provdash/shared/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { startRedis } from '../support/redis-server';
import { RunningServer, startServer } from '../support/server';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const PASSWORD = 'demo-password';
const PERIOD = '2570-M01';

/**
 * The Redis option of the socket adapter, with the production build as `npm start` runs it: two
 * instances on one database, REALTIME_ADAPTER=redis. An approval made through the first reaches a
 * governor connected to the second. (The PostgreSQL adapter, the default, is covered by the API's
 * integration tests; Redis needs Debian's redis-server, like the browser tests need Chromium.)
 */
describe('REALTIME_ADAPTER=redis: two instances share live events through Redis', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'provdash-redis-e2e-'));
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  let first: RunningServer | undefined;
  let second: RunningServer | undefined;
  let socket: ClientSocket | undefined;

  afterAll(async () => {
    socket?.disconnect();
    await second?.interrupt();
    await first?.interrupt();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(server: RunningServer, email: string): Promise<string> {
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function call(server: RunningServer, token: string, method: string, path: string, body: unknown) {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { version: number };
  }

  it('an approval on one instance reaches a socket of the other', async () => {
    redis = await startRedis();
    const adapter = { REALTIME_ADAPTER: 'redis', REDIS_URL: redis.url };
    first = await startServer(dataDir, adapter);
    const databaseUrl = /Embedded PostgreSQL: (postgres:\/\/\S+)/.exec(first.output())?.[1];
    expect(databaseUrl).toBeDefined();
    second = await startServer(join(dataDir, 'unused'), { ...adapter, DATABASE_URL: databaseUrl });

    // A monthly KPI of Chiang Mai with the period cleared, as a clean slate for the approval.
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const {
      rows: [kpi],
    } = await pg.query(
      `SELECT k.id, COALESCE((SELECT r.value::text FROM kpi_result r WHERE r.kpi_id = k.id AND r.status = 'approved'
                ORDER BY r.period DESC LIMIT 1), '1') AS value
       FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
       WHERE u.code = '50' AND k.frequency = 'monthly' AND k.rollup <> 'ratio' ORDER BY k.code LIMIT 1`,
    );
    await pg.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = $2`, [kpi.id, PERIOD]);
    await pg.end();

    const governor = await signIn(second, 'governor.50@demo.go.th');
    socket = io(second.baseUrl, { path: '/socket.io', transports: ['websocket'], auth: { token: governor } });
    await new Promise<void>((resolve, reject) => {
      socket?.once('connect', () => resolve());
      socket?.once('connect_error', reject);
    });
    const ack = (await socket.timeout(5000).emitWithAck('join', { room: 'province:50' })) as JoinAck;
    expect(ack).toMatchObject({ ok: true });
    const heard = new Promise<Live<KpiResultChangedEvent>>((resolve) =>
      socket?.on('kpi-result.changed', (e) => e.data.kpiId === kpi.id && e.data.status === 'approved' && resolve(e)),
    );

    const officer = await signIn(first, 'officer.50@demo.go.th');
    const approver = await signIn(first, 'approver.50@demo.go.th');
    const url = `/api/kpis/${kpi.id}/results/${PERIOD}`;
    const saved = await call(first, officer, 'PUT', url, { value: kpi.value });
    const submitted = await call(first, officer, 'POST', `${url}/submit`, { version: saved.version });
    const approved = await call(first, approver, 'POST', `${url}/approve`, { version: submitted.version });

    const event = await heard;
    expect(event).toMatchObject({ room: 'province:50', data: { orgUnitCode: '50', version: approved.version } });
    expect(event.data.scorecard?.kpi.kpiId).toBe(kpi.id);
    // Both instances report the adapter ready.
    for (const server of [first, second]) {
      const ready = await fetch(`${server.baseUrl}/api/health/ready`);
      expect(ready.status).toBe(200);
    }
  });
});
