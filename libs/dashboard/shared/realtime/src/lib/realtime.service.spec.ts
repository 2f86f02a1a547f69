import { ErrorHandler, Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import type {
  DisbursementImportProgressEvent,
  KpiResultChangedEvent,
  Live,
  MissedEvent,
  RoomName,
} from '@provdash/shared/contracts';
import { JOIN_TIMEOUT_MS, LiveHandlers, RealtimeService, RefetchReason } from './realtime.service';
import { FakeRealtimeSockets, liveEvent, provideRealtimeTesting } from './testing/fake-realtime-socket';

const progress = (done: number): DisbursementImportProgressEvent => ({
  uploadId: 'u-1',
  phase: 'writing',
  done,
  total: 10,
});

/** An approval in Chiang Mai as the scope rooms hear it (the scorecard effect is not what these specs look at). */
function approval(room: RoomName, seq: number, value = String(seq)): Live<KpiResultChangedEvent> {
  return liveEvent(room, seq, {
    kpiId: 'kpi-1',
    kpiCode: 'K1.1.1',
    orgUnitCode: '50',
    fiscalYear: 2569,
    period: '2569-M05',
    status: 'approved',
    value,
    numerator: null,
    denominator: null,
    version: seq,
    scorecard: null,
  });
}

const missed = (e: Live<KpiResultChangedEvent>): MissedEvent => ({ event: 'kpi-result.changed', payload: e });

type Child = Injector & { destroy(): void };

function setup(token: string | null = 'token-1') {
  const accessToken = signal<string | null>(token);
  const errors: unknown[] = [];
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthStore, useValue: { accessToken } },
      { provide: ErrorHandler, useValue: { handleError: (e: unknown) => errors.push(e) } },
      provideRealtimeTesting(),
    ],
  });
  const service = TestBed.inject(RealtimeService);
  TestBed.tick();
  const sockets = TestBed.inject(FakeRealtimeSockets);
  const child = () => Injector.create({ providers: [], parent: TestBed.inject(Injector) }) as Child;

  /** A screen watching `room`, recording what its handlers saw. */
  const screen = (room: RoomName | (() => RoomName | null), injector: Child = child()) => {
    const seen: string[] = [];
    const refetches: RefetchReason[] = [];
    const handlers: LiveHandlers = {
      'kpi-result.changed': (e) => seen.push(`${e.room}#${e.seq}`),
      refetch: (reason) => refetches.push(reason),
    };
    const watch = service.watch(room, handlers, { injector });
    return { seen, refetches, watch, injector };
  };
  /** Connected before any screen watches, so joins leave at once. */
  const connect = () => {
    void service.whenConnected();
    sockets.socket.accept();
  };
  return { service, accessToken, sockets, socket: () => sockets.socket, screen, errors, child, connect };
}

describe('RealtimeService: the connection', () => {
  it('connects only once something needs it, with the current access token, and reports its state', () => {
    const { service, sockets, screen } = setup('token-1');
    // Made, but a screen without live data opens no connection.
    expect(sockets.made).toHaveLength(1);
    expect(sockets.socket.connects).toBe(0);
    expect(service.state()).toBe('disconnected');

    screen('public');
    const socket = sockets.socket;
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);
    expect(service.state()).toBe('connecting');

    socket.accept();
    expect(service.state()).toBe('connected');

    // The connection drops and Socket.IO retries by itself.
    socket.drop();
    expect(service.state()).toBe('connecting');
    socket.active = false;
    socket.fire('connect_error', new Error('refused'));
    expect(service.state()).toBe('disconnected');
  });

  it('connects anonymously without a session', () => {
    const { socket, screen } = setup(null);
    screen('public');
    expect(socket().handshakes).toEqual([{}]);
  });

  it('reconnects with the fresh token when the session is renewed, and anonymously when it ends', () => {
    const { service, socket, accessToken, sockets, screen } = setup('token-1');
    screen('public');
    TestBed.tick();
    socket().accept();
    // The first effect run after connecting must not start a second handshake.
    expect(socket().handshakes).toHaveLength(1);

    accessToken.set('token-2');
    TestBed.tick();
    expect(socket().disconnects).toBe(1);
    expect(socket().handshakes.map((h) => h.token)).toEqual(['token-1', 'token-2']);
    expect(service.state()).toBe('connecting');
    socket().accept();
    expect(service.state()).toBe('connected');

    // The same token again (a signal echo) does not drop the connection.
    accessToken.set('token-2');
    TestBed.tick();
    expect(socket().disconnects).toBe(1);

    accessToken.set(null);
    TestBed.tick();
    expect(socket().handshakes.at(-1)).toEqual({});
    // Still the one socket.
    expect(sockets.made).toHaveLength(1);
  });

  it('passes transient events to subscribers and removes the listener on unsubscribe', () => {
    const { service, socket } = setup('token-1');
    const seen: DisbursementImportProgressEvent[] = [];
    const sub = service.on('disbursement-import.progress').subscribe((e) => seen.push(e));
    expect(socket().count('disbursement-import.progress')).toBe(1);
    // Listening for one's upload progress needs the connection.
    expect(socket().connects).toBe(1);

    socket().fire('disbursement-import.progress', progress(5));
    expect(seen).toEqual([progress(5)]);

    sub.unsubscribe();
    expect(socket().count('disbursement-import.progress')).toBe(0);
    socket().fire('disbursement-import.progress', progress(10));
    expect(seen).toHaveLength(1);
  });

  it('gives the latest event as a signal, cleaned up with its injector', () => {
    const { service, socket, child } = setup('token-1');
    const injector = child();
    const latest = service.latest('disbursement-import.progress', injector);
    expect(latest()).toBeUndefined();
    socket().fire('disbursement-import.progress', progress(3));
    socket().fire('disbursement-import.progress', progress(7));
    expect(latest()).toEqual(progress(7));

    injector.destroy();
    expect(socket().count('disbursement-import.progress')).toBe(0);
  });

  it('waits for the connection, or gives up after the timeout', async () => {
    const { service, socket } = setup('token-1');
    const waiting = service.whenConnected(1000);
    socket().accept();
    await expect(waiting).resolves.toBe(true);
    expect(socket().count('connect')).toBe(1);

    socket().disconnect();
    jest.useFakeTimers();
    try {
      const late = service.whenConnected(50);
      jest.advanceTimersByTime(60);
      await expect(late).resolves.toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('closes the socket and drops its listeners when the app is destroyed', () => {
    const { socket, screen } = setup('token-1');
    screen('public');
    socket().accept();
    const s = socket();
    TestBed.resetTestingModule();
    expect(s.active).toBe(false);
    expect(s.listeners.size).toBe(0);
  });
});

describe('RealtimeService: rooms', () => {
  it('joins a room once for all its screens and leaves it after the last one', () => {
    const { socket, screen } = setup();
    const a = screen('province:50');
    socket().accept();
    const b = screen('province:50');
    // Watched before the connection: the join says how long the first screen has been loading.
    expect(socket().joins()).toEqual([{ room: 'province:50', lateMs: expect.any(Number) }]);
    socket().joinOk('province:50', 3);

    socket().live('kpi-result.changed', approval('province:50', 4));
    expect(a.seen).toEqual(['province:50#4']);
    expect(b.seen).toEqual(['province:50#4']);

    a.injector.destroy();
    expect(socket().leaves()).toEqual([]);
    b.watch.release();
    expect(socket().leaves()).toEqual(['province:50']);

    // An event still on its way from the room just left reaches nobody.
    socket().live('kpi-result.changed', approval('province:50', 5));
    expect(b.seen).toEqual(['province:50#4']);
  });

  it('follows the room a signal gives: leaves the old one, joins the new one', () => {
    const { socket, screen } = setup();
    const room = signal<RoomName | null>(null);
    const s = screen(() => room());
    socket().accept();
    expect(socket().joins()).toEqual([]);

    room.set('province:50');
    TestBed.tick();
    expect(s.watch.room()).toBe('province:50');
    expect(socket().joins()).toEqual([{ room: 'province:50' }]);

    room.set('public');
    TestBed.tick();
    expect(socket().leaves()).toEqual(['province:50']);
    expect(socket().joins().at(-1)).toEqual({ room: 'public' });
    socket().joinOk('public', 10);
    expect(s.watch.inSync()).toBe(true);
  });

  it('asks for a reload when the room could only be joined after the screen loaded its snapshot', () => {
    const { socket, screen } = setup();
    // Not connected yet: the screen's REST request goes first, the join follows on connect.
    const early = screen('province:50');
    socket().accept();
    // The join says how long the screen has been loading, so the server can tell whether anything happened since.
    expect(socket().joins()).toEqual([{ room: 'province:50', lateMs: expect.any(Number) }]);
    // A server that does not say whether the room heard anything meanwhile: reload, to be safe.
    socket().joinOk('province:50', 7);
    expect(early.refetches).toEqual(['late']);

    // Connected: the join leaves at once, ahead of the screen's request, and nothing is reloaded.
    const prompt = screen('national');
    socket().joinOk('national', 2);
    expect(prompt.refetches).toEqual([]);
  });

  it('after a late join, reloads only if the room heard something while the screen loaded', () => {
    const { socket, screen } = setup();
    const quiet = screen('province:50');
    const busy = screen('national');
    socket().accept();
    socket().answerJoin('province:50', { ok: true, room: 'province:50', seq: 7, missed: [], refetch: false, recent: false });
    socket().answerJoin('national', { ok: true, room: 'national', seq: 3, missed: [], refetch: false, recent: true });
    expect(quiet.refetches).toEqual([]);
    expect(quiet.watch.inSync()).toBe(true);
    expect(busy.refetches).toEqual(['late']);
  });

  it('on reconnect joins again with the last seq, replays what was missed in order, then the live events', () => {
    const { socket, screen, service, connect } = setup();
    connect();
    const s = screen('province:50');
    socket().joinOk('province:50', 2);
    socket().live('kpi-result.changed', approval('province:50', 3));
    expect(s.seen).toEqual(['province:50#3']);

    socket().drop();
    socket().accept();
    expect(socket().joins().at(-1)).toEqual({ room: 'province:50', since: 3 });
    // Newer events come live before the join is answered: held back until the replay is applied.
    socket().live('kpi-result.changed', approval('province:50', 6));
    socket().live('kpi-result.changed', approval('province:50', 5));
    expect(s.seen).toEqual(['province:50#3']);
    expect(service.status()).toBe('reconnecting');

    socket().joinOk('province:50', 5, [missed(approval('province:50', 4)), missed(approval('province:50', 5))]);
    expect(s.seen).toEqual(['province:50#3', 'province:50#4', 'province:50#5', 'province:50#6']);
    expect(s.refetches).toEqual([]);
    expect(service.status()).toBe('live');
  });

  it('applies each event once, whether it comes twice live or both live and in the replay', () => {
    const { socket, screen, service } = setup();
    const s = screen('public');
    const all: number[] = [];
    service.on('kpi-result.changed').subscribe((e) => all.push(e.seq));
    socket().accept();
    socket().joinOk('public', 10);
    socket().live('kpi-result.changed', approval('public', 11));
    socket().live('kpi-result.changed', approval('public', 11));
    socket().live('kpi-result.changed', approval('public', 9));
    expect(s.seen).toEqual(['public#11']);
    expect(all).toEqual([11]);
  });

  it('on a gap joins again from the last seq it holds and fills the gap before going on', () => {
    const { socket, screen, service } = setup();
    const s = screen('public');
    socket().accept();
    socket().joinOk('public', 3);
    socket().live('kpi-result.changed', approval('public', 4));

    socket().live('kpi-result.changed', approval('public', 7));
    expect(s.seen).toEqual(['public#4']);
    expect(socket().joins().at(-1)).toEqual({ room: 'public', since: 4 });
    expect(service.status()).toBe('reconnecting');
    expect(s.watch.inSync()).toBe(false);

    socket().joinOk('public', 7, [
      missed(approval('public', 5)),
      missed(approval('public', 6)),
      missed(approval('public', 7)),
    ]);
    expect(s.seen).toEqual(['public#4', 'public#5', 'public#6', 'public#7']);
    expect(service.status()).toBe('live');
  });

  it('tells the screens to reload when the server cannot replay, then carries on from its seq', () => {
    const { socket, screen, connect } = setup();
    connect();
    const s = screen('province:50');
    socket().joinOk('province:50', 2);

    socket().drop();
    socket().accept();
    socket().live('kpi-result.changed', approval('province:50', 400));
    socket().live('kpi-result.changed', approval('province:50', 401));
    socket().joinOk('province:50', 400, [], true);
    // 400 is in the reloaded snapshot; 401 came after it.
    expect(s.refetches).toEqual(['missed']);
    expect(s.seen).toEqual(['province:50#401']);
    socket().live('kpi-result.changed', approval('province:50', 402));
    expect(s.seen).toEqual(['province:50#401', 'province:50#402']);
  });

  it('tells the screens to reload, and never claims live, when a join is refused', () => {
    const { socket, screen, service } = setup(null);
    const s = screen('province:50');
    socket().accept();
    socket().answerJoin('province:50', { ok: false, error: 'forbidden' });
    expect(s.refetches).toEqual(['failed']);
    expect(s.watch.inSync()).toBe(false);
    expect(service.status()).toBe('offline');
  });

  it('sends a join again when it goes unanswered', () => {
    jest.useFakeTimers();
    try {
      const { socket, screen } = setup();
      const s = screen('public');
      socket().accept();
      jest.advanceTimersByTime(JOIN_TIMEOUT_MS + 1);
      // The second join still counts from when the screen began loading.
      expect(socket().joins()).toEqual([
        { room: 'public', lateMs: expect.any(Number) },
        { room: 'public', lateMs: JOIN_TIMEOUT_MS },
      ]);
      // The first answer, arriving late, belongs to a superseded attempt.
      socket().joinOk('public', 1);
      expect(s.watch.inSync()).toBe(false);
      socket().joinOk('public', 1);
      expect(s.watch.inSync()).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the other screens going when one screen handler throws', () => {
    const { socket, service, errors, child } = setup();
    const seen: number[] = [];
    service.watch(
      'public',
      {
        'kpi-result.changed': () => {
          throw new Error('bad screen');
        },
      },
      { injector: child() },
    );
    service.watch('public', { 'kpi-result.changed': (e) => seen.push(e.seq) }, { injector: child() });
    socket().accept();
    socket().joinOk('public', 0);
    socket().live('kpi-result.changed', approval('public', 1));
    socket().live('kpi-result.changed', approval('public', 2));
    expect(seen).toEqual([1, 2]);
    expect(errors).toHaveLength(2);
  });
});

describe('RealtimeService: status', () => {
  afterEach(() => jest.useRealTimers());

  it('is live only when connected with every watched room in sync, and keeps the time of the last update', () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-03-02T07:00:00Z'));
    const { socket, screen, service } = setup();
    expect(service.status()).toBe('offline');
    expect(service.watching()).toBe(false);

    screen('province:50');
    expect(service.watching()).toBe(true);
    expect(service.status()).toBe('reconnecting');
    socket().accept();
    // Connected, but the room is not joined yet.
    expect(service.status()).toBe('reconnecting');
    expect(service.lastUpdate()).toBeNull();

    socket().joinOk('province:50', 1);
    expect(service.status()).toBe('live');
    expect(service.lastUpdate()).toEqual(new Date('2026-03-02T07:00:00Z'));

    jest.setSystemTime(new Date('2026-03-02T07:05:00Z'));
    socket().live('kpi-result.changed', approval('province:50', 2));
    expect(service.lastUpdate()).toEqual(new Date('2026-03-02T07:05:00Z'));

    // A second screen's room still catching up makes the whole page not live.
    screen('national');
    expect(service.status()).toBe('reconnecting');
    socket().joinOk('national', 1);
    expect(service.status()).toBe('live');

    jest.setSystemTime(new Date('2026-03-02T07:30:00Z'));
    socket().drop();
    expect(service.status()).toBe('reconnecting');
    // The figures are as of the last event, not of the moment the connection went.
    expect(service.lastUpdate()).toEqual(new Date('2026-03-02T07:05:00Z'));

    socket().active = false;
    socket().fire('connect_error', new Error('gone'));
    expect(service.status()).toBe('offline');
  });

  it('on server shutdown lets go, comes back after the delay it asks for, and catches up', () => {
    jest.useFakeTimers();
    const { socket, screen, service, connect } = setup();
    connect();
    const s = screen('province:50');
    socket().joinOk('province:50', 8);

    socket().fire('server.shutdown', { retryInMs: 2500 });
    expect(socket().active).toBe(false);
    expect(service.status()).toBe('reconnecting');
    jest.advanceTimersByTime(2000);
    expect(socket().connects).toBe(1);

    jest.advanceTimersByTime(600);
    expect(socket().connects).toBe(2);
    expect(socket().handshakes).toEqual([{ token: 'token-1' }, { token: 'token-1' }]);
    socket().accept();
    expect(socket().joins().at(-1)).toEqual({ room: 'province:50', since: 8 });
    socket().joinOk('province:50', 9, [missed(approval('province:50', 9))]);
    expect(s.seen).toEqual(['province:50#9']);
    expect(service.status()).toBe('live');
  });
});
