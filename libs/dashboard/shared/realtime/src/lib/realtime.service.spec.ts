import { Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import type { DisbursementImportProgressEvent } from '@provdash/shared/contracts';
import { REALTIME_SOCKET_FACTORY, RealtimeAuth, RealtimeService, RealtimeSocket } from './realtime.service';

type Listener = (...args: unknown[]) => void;

/** Enough of a Socket.IO client socket to drive the service: the test plays the server. */
class FakeSocket {
  readonly listeners = new Map<string, Listener[]>();
  active = false;
  connected = false;
  handshakes: { token?: string }[] = [];
  disconnects = 0;

  constructor(private readonly auth: RealtimeAuth) {}

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  connect() {
    this.active = true;
    this.auth((data) => this.handshakes.push(data));
    return this;
  }
  disconnect() {
    this.disconnects++;
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }
  /** The server accepted the handshake. */
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  fire(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

const progress = (done: number): DisbursementImportProgressEvent => ({
  uploadId: 'u-1',
  phase: 'writing',
  done,
  total: 10,
});

function setup(token: string | null) {
  const accessToken = signal<string | null>(token);
  let socket: FakeSocket | undefined;
  let made = 0;
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthStore, useValue: { accessToken } },
      {
        provide: REALTIME_SOCKET_FACTORY,
        useValue: (auth: RealtimeAuth) => {
          made++;
          socket = new FakeSocket(auth);
          return socket as unknown as RealtimeSocket;
        },
      },
    ],
  });
  const service = TestBed.inject(RealtimeService);
  TestBed.tick();
  return { service, accessToken, socket: socket as FakeSocket, made: () => made };
}

describe('RealtimeService', () => {
  it('connects once with the current access token and reports its state', () => {
    const { service, socket, made } = setup('token-1');
    expect(made()).toBe(1);
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);
    expect(service.state()).toBe('connecting');

    socket.accept();
    expect(service.state()).toBe('connected');

    // The connection drops and Socket.IO retries by itself.
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    expect(service.state()).toBe('connecting');
    socket.active = false;
    socket.fire('connect_error', new Error('refused'));
    expect(service.state()).toBe('disconnected');
  });

  it('connects anonymously without a session', () => {
    const { socket } = setup(null);
    expect(socket.handshakes).toEqual([{}]);
  });

  it('reconnects with the fresh token when the session is renewed, and anonymously when it ends', () => {
    const { service, socket, accessToken, made } = setup('token-1');
    socket.accept();

    accessToken.set('token-2');
    TestBed.tick();
    expect(socket.disconnects).toBe(1);
    expect(socket.handshakes.map((h) => h.token)).toEqual(['token-1', 'token-2']);
    expect(service.state()).toBe('connecting');
    socket.accept();
    expect(service.state()).toBe('connected');

    // The same token again (a signal echo) does not drop the connection.
    accessToken.set('token-2');
    TestBed.tick();
    expect(socket.disconnects).toBe(1);

    accessToken.set(null);
    TestBed.tick();
    expect(socket.handshakes.at(-1)).toEqual({});
    // Still the one socket.
    expect(made()).toBe(1);
  });

  it('passes typed events to subscribers and removes the listener on unsubscribe', () => {
    const { service, socket } = setup('token-1');
    const seen: DisbursementImportProgressEvent[] = [];
    const sub = service.on('disbursement-import.progress').subscribe((e) => seen.push(e));
    expect(socket.count('disbursement-import.progress')).toBe(1);

    socket.fire('disbursement-import.progress', progress(5));
    expect(seen).toEqual([progress(5)]);

    sub.unsubscribe();
    expect(socket.count('disbursement-import.progress')).toBe(0);
    socket.fire('disbursement-import.progress', progress(10));
    expect(seen).toHaveLength(1);
  });

  it('gives the latest event as a signal, cleaned up with its injector', () => {
    const { service, socket } = setup('token-1');
    const child = Injector.create({ providers: [], parent: TestBed.inject(Injector) }) as Injector & {
      destroy(): void;
    };
    const latest = service.latest('disbursement-import.progress', child);
    expect(latest()).toBeUndefined();
    socket.fire('disbursement-import.progress', progress(3));
    socket.fire('disbursement-import.progress', progress(7));
    expect(latest()).toEqual(progress(7));

    child.destroy();
    expect(socket.count('disbursement-import.progress')).toBe(0);
  });

  it('waits for the connection, or gives up after the timeout', async () => {
    const { service, socket } = setup('token-1');
    const waiting = service.whenConnected(1000);
    socket.accept();
    await expect(waiting).resolves.toBe(true);
    expect(socket.count('connect')).toBe(1);

    socket.disconnect();
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
    const { socket } = setup('token-1');
    socket.accept();
    TestBed.resetTestingModule();
    expect(socket.active).toBe(false);
    expect(socket.listeners.size).toBe(0);
  });
});
