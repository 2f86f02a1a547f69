import type { AddressInfo } from 'node:net';
import type { Server } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '@provdash/shared/contracts';
import { JwtService } from '@nestjs/jwt';
import { as, DemoActor, Fixture, openSession, seedFixture } from '../../testing/fixtures';
import { Outbox } from './outbox.service';
import { RealtimeGateway } from './realtime.gateway';
import { bootTestApp, TestApp } from '../../testing/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('socket rooms follow scope (real socket.io-client, real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  async function connect(who: DemoActor | null, token?: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: who ? { token: f.tokens[who] } : token !== undefined ? { token } : {},
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const join = (socket: ClientSocket, room: string) =>
    socket.timeout(5000).emitWithAck('join', { room } as never) as Promise<JoinAck>;

  it.each<[DemoActor | null, string, boolean]>([
    ['officer50', 'province:50', true],
    ['officer50', 'province:57', false],
    ['officer50', 'national', false],
    ['officer50', 'cluster:C15', false],
    ['officer50', 'public', true],
    ['clusterC15', 'cluster:C15', true],
    ['clusterC15', 'province:52', true],
    ['clusterC15', 'province:57', false],
    ['analyst', 'national', true],
    ['analyst', 'province:57', true],
    ['governor50', 'province:50', true],
    ['governor50', 'province:52', false],
    // Drafts: the province's own people (as GET /api/workspace/:code), its governor's read-only desk too.
    ['officer50', 'workspace:50', true],
    ['approver50', 'workspace:50', true],
    ['governor50', 'workspace:50', true],
    ['governor50', 'workspace:52', false],
    ['officer52', 'workspace:50', false],
    ['analyst', 'workspace:50', false],
    ['clusterC15', 'workspace:50', false],
    [null, 'workspace:50', false],
    [null, 'public', true],
    [null, 'province:50', false],
    [null, 'national', false],
  ])('%s joining %s: %s', async (who, room, allowed) => {
    const socket = await connect(who);
    const ack = await join(socket, room);
    expect(ack).toEqual(
      allowed ? { ok: true, room, seq: 0, missed: [], refetch: false } : { ok: false, error: 'forbidden' },
    );
  });

  it("a signed-in socket may be in its own user room only, never another user's", async () => {
    const socket = await connect('officer50');
    expect(await join(socket, `user:${f.userIds.officer50}`)).toMatchObject({
      ok: true,
      room: `user:${f.userIds.officer50}`,
    });
    expect(await join(socket, `user:${f.userIds.officer52}`)).toEqual({ ok: false, error: 'forbidden' });
    const admin = await connect('admin');
    expect(await join(admin, `user:${f.userIds.officer50}`)).toEqual({ ok: false, error: 'forbidden' });
    const anonymous = await connect(null);
    expect(await join(anonymous, `user:${f.userIds.officer50}`)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('refuses malformed rooms and payloads', async () => {
    const socket = await connect('admin');
    for (const room of ['province:50; DROP', 'everything', '', 'province:5', 'workspace:C15']) {
      expect(await join(socket, room)).toEqual({ ok: false, error: 'invalid' });
    }
    const ack = await (socket.timeout(5000).emitWithAck('join', 'not-an-object' as never) as Promise<JoinAck>);
    expect(ack).toEqual({ ok: false, error: 'invalid' });
    for (const since of [-1, 1.5, '3', Number.MAX_SAFE_INTEGER + 2]) {
      const bad = socket.timeout(5000).emitWithAck('join', { room: 'national', since } as never) as Promise<JoinAck>;
      expect(await bad).toEqual({ ok: false, error: 'invalid' });
    }
    for (const lateMs of [-1, 0.5, '100', null]) {
      const bad = socket.timeout(5000).emitWithAck('join', { room: 'national', lateMs } as never) as Promise<JoinAck>;
      expect(await bad).toEqual({ ok: false, error: 'invalid' });
    }
  });

  it('a late first join hears whether the room had an event while the screen loaded its snapshot', async () => {
    const lateJoin = async (room: string, lateMs: number) => {
      const socket = await connect('admin');
      return socket.timeout(5000).emitWithAck('join', { room, lateMs } as never) as Promise<JoinAck>;
    };
    // Nothing ever happened in the room: nothing the snapshot can lack.
    expect(await lateJoin('workspace:57', 0)).toEqual({
      ok: true,
      room: 'workspace:57',
      seq: 0,
      missed: [],
      refetch: false,
      recent: false,
    });
    await t.dataSource.transaction((m) =>
      t.app.get(Outbox).publish(m, [
        { room: 'workspace:57', event: 'kpi-results.imported', data: { orgUnitCode: '57', fiscalYear: 2570, rows: 1 } },
      ]),
    );
    // Just now: inside any window (the margin covers the join's trip and the writer's commit).
    expect(await lateJoin('workspace:57', 0)).toMatchObject({ ok: true, seq: 1, recent: true });
    // Make the event an hour old: a screen loading for a minute cannot have missed it, one loading
    // for two hours may have.
    await t.dataSource.query(
      `UPDATE realtime_event SET created_at = created_at - interval '1 hour' WHERE room = 'workspace:57'`,
    );
    expect(await lateJoin('workspace:57', 60_000)).toMatchObject({ ok: true, seq: 1, recent: false });
    expect(await lateJoin('workspace:57', 2 * 3600_000)).toMatchObject({ ok: true, seq: 1, recent: true });
    // A rejoin with `since` replays by sequence instead: no window to judge.
    const socket = await connect('admin');
    const rejoin = (await socket.timeout(5000).emitWithAck('join', { room: 'workspace:57', since: 0, lateMs: 0 } as never)) as JoinAck;
    expect(rejoin).toMatchObject({ ok: true, seq: 1, refetch: false });
    expect(rejoin).not.toHaveProperty('recent');
  });

  it('disconnects a socket that presents a forged token', async () => {
    const socket: ClientSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: 'forged.token.value' },
      reconnection: false,
    });
    sockets.push(socket);
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));
    expect(reason).toBe('io server disconnect');
  });

  /** Commits one workspace event of the province through the outbox, as a write would. */
  const publishTo = (code: string) =>
    t.dataSource.transaction((m) =>
      t.app.get(Outbox).publish(m, [
        { room: `workspace:${code}`, event: 'kpi-results.imported', data: { orgUnitCode: code, fiscalYear: 2570, rows: 1 } },
      ]),
    );
  const received = (socket: ClientSocket) => {
    const got: unknown[] = [];
    socket.on('kpi-results.imported', (e) => got.push(e));
    return got;
  };
  const disconnected = (socket: ClientSocket) =>
    new Promise<string>((resolve) => (socket.disconnected ? resolve('already') : socket.once('disconnect', (r) => resolve(r))));

  it("disconnects a disabled user's sockets at once: out of every room, no more drafts", async () => {
    const officer = await connect('officer52');
    const control = await connect('admin');
    expect(await join(officer, 'workspace:52')).toMatchObject({ ok: true });
    expect(await join(control, 'workspace:52')).toMatchObject({ ok: true });
    const officerGot = received(officer);
    const controlGot = received(control);
    const gone = disconnected(officer);

    const [{ version }] = await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [f.userIds.officer52]);
    const disable = await as(t, f.tokens.admin).patch(`/api/users/${f.userIds.officer52}`).send({ disabled: true, version });
    expect(disable.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    const server = (t.app.get(RealtimeGateway) as unknown as { server: Server }).server;
    const inRoom = await server.in('workspace:52').fetchSockets();
    expect(inRoom.map((x) => x.id)).not.toContain(officer.id);

    await publishTo('52');
    await waitFor(() => controlGot.length === 1);
    expect(officerGot).toEqual([]);
    // Nor can it come back with the token it holds.
    const again: ClientSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: f.tokens.officer52 },
      reconnection: false,
    });
    sockets.push(again);
    expect(await new Promise<string>((resolve) => again.once('disconnect', resolve))).toBe('io server disconnect');
  });

  it('disconnects a socket when its token expires; it hears nothing more until it comes back with a new token', async () => {
    const claims = { sub: f.userIds.officer50, role: 'province_officer', scope: 'TH/north/C15/50', scopeCode: '50' };
    const jwt = t.app.get(JwtService);
    const short = await jwt.signAsync({ ...claims, sid: await openSession(t, f.userIds.officer50) }, { expiresIn: 5 });
    const expiring = await connect(null, short);
    const control = await connect('approver50');
    expect(await join(expiring, 'workspace:50')).toMatchObject({ ok: true });
    expect(await join(control, 'workspace:50')).toMatchObject({ ok: true });
    const expiringGot = received(expiring);
    const controlGot = received(control);

    expect(await disconnected(expiring)).toBe('io server disconnect');
    await publishTo('50');
    await waitFor(() => controlGot.length === 1);
    expect(expiringGot).toEqual([]);

    // Re-authorised with a renewed token, it hears the next one.
    const renewed = await connect(null, await jwt.signAsync({ ...claims, sid: await openSession(t, f.userIds.officer50) }));
    expect(await join(renewed, 'workspace:50')).toMatchObject({ ok: true });
    const renewedGot = received(renewed);
    await publishTo('50');
    await waitFor(() => renewedGot.length === 1);
    expect(expiringGot).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
