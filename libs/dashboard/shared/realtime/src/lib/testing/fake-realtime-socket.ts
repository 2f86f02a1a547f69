import { Injectable, Provider } from '@angular/core';
import type { JoinAck, Live, LiveEventName, LiveEvents, MissedEvent, RoomName } from '@provdash/shared/contracts';
import { REALTIME_SOCKET_FACTORY, RealtimeAuth, RealtimeSocket } from '../realtime.service';

/* Test support for the specs of the dashboard libraries (never used by the app). */

type Listener = (...args: unknown[]) => void;

export interface SentMessage {
  event: string;
  payload: { room: RoomName; since?: number };
  ack: (result: unknown) => void;
  answered: boolean;
}

/** Enough of a Socket.IO client socket to drive the service: the spec plays the server. */
export class FakeRealtimeSocket {
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: SentMessage[] = [];
  active = false;
  connected = false;
  handshakes: { token?: string }[] = [];
  disconnects = 0;
  connects = 0;

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
    this.connects++;
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
  emit(event: string, payload: SentMessage['payload'], ack: SentMessage['ack']) {
    this.sent.push({ event, payload, ack, answered: false });
    return this;
  }

  /** The server accepted the handshake. */
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  /** The transport broke; Socket.IO keeps trying by itself. */
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  fire(event: string, ...args: unknown[]) {
    for (const l of [...(this.listeners.get(event) ?? [])]) l(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** The `join` requests sent so far (answered or not). */
  joins(): SentMessage['payload'][] {
    return this.sent.filter((m) => m.event === 'join').map((m) => m.payload);
  }
  leaves(): RoomName[] {
    return this.sent.filter((m) => m.event === 'leave').map((m) => m.payload.room);
  }
  /** Answers the oldest unanswered join of `room`. */
  answerJoin(room: RoomName, ack: JoinAck) {
    const message = this.sent.find((m) => m.event === 'join' && m.payload.room === room && !m.answered);
    if (!message) throw new Error(`No pending join of ${room}`);
    message.answered = true;
    message.ack(ack);
  }
  /** Answers the oldest unanswered join of `room` as a server at `seq` would, with what was missed. */
  joinOk(room: RoomName, seq: number, missed: MissedEvent[] = [], refetch = false) {
    this.answerJoin(room, { ok: true, room, seq, missed, refetch });
  }
  /** Sends an outbox event as the server does. */
  live<E extends LiveEventName>(event: E, payload: Live<LiveEvents[E]>) {
    this.fire(event, payload);
  }
}

/** Holds the fake sockets the service made (one per service instance). */
@Injectable({ providedIn: 'root' })
export class FakeRealtimeSockets {
  readonly made: FakeRealtimeSocket[] = [];

  get socket(): FakeRealtimeSocket {
    const socket = this.made[this.made.length - 1];
    if (!socket) throw new Error('The realtime service made no socket yet');
    return socket;
  }
}

/** Replaces the Socket.IO client with a fake the spec drives through `FakeRealtimeSockets`. */
export function provideRealtimeTesting(): Provider[] {
  return [
    {
      provide: REALTIME_SOCKET_FACTORY,
      useFactory: (sockets: FakeRealtimeSockets) => (auth: RealtimeAuth) => {
        const socket = new FakeRealtimeSocket(auth);
        sockets.made.push(socket);
        return socket as unknown as RealtimeSocket;
      },
      deps: [FakeRealtimeSockets],
    },
  ];
}

/** One outbox event as the server sends it. */
export function liveEvent<T>(room: RoomName, seq: number, data: T, at = '2026-03-02T03:00:00.000Z'): Live<T> {
  return { room, seq, at, data };
}
