import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '@provdash/shared/contracts';
import { DemoActor, Fixture, seedFixture } from '../../testing/fixtures';
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
});
