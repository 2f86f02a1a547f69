import {
  computed,
  DestroyRef,
  effect,
  ErrorHandler,
  inject,
  Injectable,
  InjectionToken,
  Injector,
  signal,
  Signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import type {
  ClientToServerEvents,
  JoinAck,
  JoinRequest,
  Live,
  LiveEventName,
  LiveEvents,
  MissedEvent,
  RoomName,
  ServerToClientEvents,
} from '@provdash/shared/contracts';
import { filter, map, Observable, Subject } from 'rxjs';
import { io, Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RealtimeState = 'disconnected' | 'connecting' | 'connected';
export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimeEvent<E extends RealtimeEventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * What the screens may claim about their figures: `live` when connected and every watched room is
 * in sync, `reconnecting` while the connection or a room's catch-up is under way, `offline` when
 * nothing is being retried (or a room was refused).
 */
export type LiveStatus = 'live' | 'reconnecting' | 'offline';

/**
 * Why a room's snapshot must be reloaded over REST: `missed` (the server could not replay what was
 * missed), `failed` (the join was refused), `late` (the room was joined after the screen may have
 * loaded its snapshot, and the room heard events meanwhile that the snapshot may lack).
 */
export type RefetchReason = 'missed' | 'failed' | 'late';

/** A screen's listeners for one room: the outbox events it patches from, and how it reloads. */
export type LiveHandlers = { [E in LiveEventName]?: (event: Live<LiveEvents[E]>) => void } & {
  refetch?: (reason: RefetchReason) => void;
};

export interface LiveWatch {
  /** The room watched now; null while the room function gives none. */
  readonly room: Signal<RoomName | null>;
  /** True while the room is joined with nothing missing, so its events are applied as they happen. */
  readonly inSync: Signal<boolean>;
  /** Stops watching (done anyway when the injector the watch was made in is destroyed). */
  release(): void;
}

export interface WatchOptions {
  /** Where the watch lives (defaults to the current injection context): it ends with it. */
  injector?: Injector;
}

/**
 * The handshake's credentials, asked for on every (re)connect so an automatic reconnection never
 * presents a spent token.
 */
export type RealtimeAuth = (cb: (data: { token?: string }) => void) => void;

/** Makes the one socket, not yet connected. Tests inject a fake. */
export type RealtimeSocketFactory = (auth: RealtimeAuth) => RealtimeSocket;

export const REALTIME_PATH = '/socket.io';

/** A join unanswered for this long is sent again (the socket may be half-open). */
export const JOIN_TIMEOUT_MS = 10_000;

export const REALTIME_SOCKET_FACTORY = new InjectionToken<RealtimeSocketFactory>('REALTIME_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (auth) => io({ path: REALTIME_PATH, auth, autoConnect: false, withCredentials: true }),
});

/** Every outbox event; a record so the compiler notices an event added to the contract. */
const LIVE_EVENT_SET: Record<LiveEventName, true> = {
  'kpi-result.changed': true,
  'kpi-results.imported': true,
  'project-progress.changed': true,
  'disbursement-batch.imported': true,
  'agreement-score.changed': true,
  'ranking.changed': true,
  'target.changed': true,
  'monthly-report.ready': true,
  'directive.changed': true,
  'notification.created': true,
  'notification.read': true,
};
export const LIVE_EVENT_NAMES = Object.keys(LIVE_EVENT_SET) as LiveEventName[];

function isLiveEvent(name: string): name is LiveEventName {
  return Object.prototype.hasOwnProperty.call(LIVE_EVENT_SET, name);
}

type AnyLive = { event: LiveEventName; payload: Live<unknown> };
type Phase = 'waiting' | 'joining' | 'joined' | 'failed';

interface Watcher {
  handlers: LiveHandlers;
  /**
   * Attached while the room could not be joined at once: the screen's snapshot may predate the join,
   * so the first sync is followed by a `late` refetch, unless the server heard nothing since.
   */
  late: boolean;
  /** When (by `performance.now()`) the watcher attached, before its screen's first REST request. */
  since: number;
}

interface RoomState {
  room: RoomName;
  watchers: Set<Watcher>;
  /** The last `seq` applied; null before the first join answered. */
  seq: number | null;
  phase: Phase;
  /** Live events that arrived while the join was pending, applied after the replay. */
  buffer: AnyLive[];
  /** Numbers the joins, so the answer to a superseded one is ignored. */
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The dashboard's one Socket.IO connection, typed by the contracts' event maps. It authenticates
 * with the in-memory access token on connect (the server reads the token only then, and puts a
 * signed-in socket into its own `user:<id>` room); when the session is renewed or ends, it
 * reconnects with the new token, or anonymously. It connects only once something needs it, so
 * screens without live data open no socket.
 *
 * Screens `watch` the rooms they show. Rooms are shared and counted: the service joins a room for
 * its first watcher and leaves it after the last. It keeps each room's last `seq`, and on every
 * (re)connect joins again with `since`, replaying what was missed through the same handlers before
 * any newer live event; duplicates are dropped, a gap triggers a catch-up, and when the server
 * cannot replay (or refuses the room) the watchers are told to reload over REST.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);
  private readonly errors = inject(ErrorHandler);
  private readonly socket: RealtimeSocket;
  private readonly stateSignal = signal<RealtimeState>('disconnected');
  private readonly phases = signal<ReadonlyMap<RoomName, Phase>>(new Map());
  private readonly lastUpdateSignal = signal<Date | null>(null);
  private readonly rooms = new Map<RoomName, RoomState>();
  private readonly events = new Subject<AnyLive>();
  private readonly wanted = signal(false);
  /** The token of the current (or pending) handshake; undefined before the first. */
  private presented: string | null | undefined = undefined;
  /** Set between a `server.shutdown` and the reconnection it asks for. */
  private shutdownTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  readonly state: Signal<RealtimeState> = this.stateSignal.asReadonly();

  readonly status: Signal<LiveStatus> = computed(() => {
    const state = this.stateSignal();
    if (state !== 'connected') return state === 'connecting' ? 'reconnecting' : 'offline';
    let pending = false;
    for (const phase of this.phases().values()) {
      if (phase === 'failed') return 'offline';
      if (phase !== 'joined') pending = true;
    }
    return pending ? 'reconnecting' : 'live';
  });

  /** When the figures were last known current: the last event applied or the last successful (re)join. */
  readonly lastUpdate: Signal<Date | null> = this.lastUpdateSignal.asReadonly();

  /** Whether any screen shows live data now (the live indicator shows only then). */
  readonly watching: Signal<boolean> = computed(() => this.phases().size > 0);

  constructor() {
    this.socket = inject(REALTIME_SOCKET_FACTORY)((cb) => {
      this.presented = this.auth.accessToken();
      cb(this.presented ? { token: this.presented } : {});
    });
    this.socket.on('connect', () => {
      this.stateSignal.set('connected');
      for (const state of this.rooms.values()) this.join(state);
    });
    this.socket.on('disconnect', () => {
      this.stateSignal.set(this.socket.active || this.shutdownTimer ? 'connecting' : 'disconnected');
      for (const state of this.rooms.values()) this.suspend(state);
      this.publishPhases();
    });
    this.socket.on('connect_error', () => this.stateSignal.set(this.socket.active ? 'connecting' : 'disconnected'));
    this.socket.on('server.shutdown', ({ retryInMs }) => this.onShutdown(retryInMs));
    for (const name of LIVE_EVENT_NAMES) {
      // Socket.IO's typed overloads cannot follow a generic event name.
      (this.socket as unknown as { on(e: string, l: (p: Live<unknown>) => void): void }).on(name, (payload) =>
        this.receive({ event: name, payload }),
      );
    }

    effect(() => {
      const token = this.auth.accessToken();
      if (this.wanted()) untracked(() => this.follow(token));
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearTimeout(this.shutdownTimer);
      for (const state of this.rooms.values()) clearTimeout(state.timer);
      this.rooms.clear();
      this.events.complete();
      this.socket.removeAllListeners();
      this.socket.disconnect();
    });
  }

  /**
   * Watches a room (or the room a signal-driven function gives, followed as it changes) for as long
   * as the calling injector lives. Handlers receive the room's outbox events in `seq` order, each
   * once, missed ones first after a reconnect; `refetch` when the screen must reload over REST.
   */
  watch(
    room: RoomName | (() => RoomName | null | undefined),
    handlers: LiveHandlers,
    options: WatchOptions = {},
  ): LiveWatch {
    const injector = options.injector ?? inject(Injector);
    const watcher: Watcher = { handlers, late: false, since: performance.now() };
    const current = signal<RoomName | null>(null);
    const move = (next: RoomName | null) => {
      const prev = untracked(current);
      if (prev === next) return;
      if (prev) this.detach(prev, watcher);
      current.set(next);
      if (next) this.attach(next, watcher);
    };
    let released = false;
    const follower =
      typeof room === 'function'
        ? effect(
            () => {
              const next = room() ?? null;
              untracked(() => move(next));
            },
            { injector, manualCleanup: true },
          )
        : undefined;
    const release = () => {
      if (released) return;
      released = true;
      follower?.destroy();
      move(null);
    };
    // Joined at once where possible, so the join is on its way before the screen's first REST request.
    move((typeof room === 'function' ? untracked(room) : room) ?? null);
    injector.get(DestroyRef).onDestroy(release);
    return {
      room: current.asReadonly(),
      inSync: computed(() => {
        const r = current();
        return r !== null && this.phases().get(r) === 'joined';
      }),
      release,
    };
  }

  /**
   * Every `event` the server sends from now on. Outbox events come from watched rooms only, in
   * order and without duplicates; the listener goes when the subscription ends.
   */
  on<E extends RealtimeEventName>(event: E): Observable<RealtimeEvent<E>> {
    this.ensureConnected();
    if (isLiveEvent(event)) {
      return this.events.pipe(
        filter((e) => e.event === event),
        map((e) => e.payload as RealtimeEvent<E>),
      );
    }
    return new Observable<RealtimeEvent<E>>((subscriber) => {
      const listener = ((payload: RealtimeEvent<E>) => subscriber.next(payload)) as ServerToClientEvents[E];
      // Socket.IO's typed overloads cannot follow a generic event name.
      const socket = this.socket as unknown as {
        on(e: E, l: ServerToClientEvents[E]): void;
        off(e: E, l: ServerToClientEvents[E]): void;
      };
      socket.on(event, listener);
      return () => socket.off(event, listener);
    });
  }

  /** The latest `event` as a signal, its listener removed when the caller's injector is destroyed. */
  latest<E extends RealtimeEventName>(event: E, injector?: Injector): Signal<RealtimeEvent<E> | undefined> {
    return toSignal(this.on(event), { injector: injector ?? this.injector });
  }

  /** Resolves once connected, or after `timeoutMs` (the caller carries on without live events). */
  whenConnected(timeoutMs = 3000): Promise<boolean> {
    this.ensureConnected();
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        resolve(ok);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.socket.on('connect', onConnect);
    });
  }

  private ensureConnected(): void {
    if (this.wanted() || this.destroyed) return;
    this.wanted.set(true);
    this.follow(untracked(this.auth.accessToken));
  }

  private follow(token: string | null): void {
    if ((this.socket.active || this.shutdownTimer) && token === this.presented) return;
    this.cancelShutdownWait();
    // The server reads the token on connect only: a new session needs a new handshake.
    if (this.socket.active) this.socket.disconnect();
    this.presented = token;
    this.stateSignal.set('connecting');
    this.socket.connect();
  }

  /** The instance is going down: let go now and come back after the delay it asks for, to another instance. */
  private onShutdown(retryInMs: number): void {
    this.cancelShutdownWait();
    this.shutdownTimer = setTimeout(
      () => {
        this.shutdownTimer = undefined;
        if (this.destroyed || this.socket.active) return;
        this.stateSignal.set('connecting');
        this.socket.connect();
      },
      Math.max(0, retryInMs),
    );
    this.socket.disconnect();
    this.stateSignal.set('connecting');
  }

  private cancelShutdownWait(): void {
    clearTimeout(this.shutdownTimer);
    this.shutdownTimer = undefined;
  }

  private attach(room: RoomName, watcher: Watcher): void {
    this.ensureConnected();
    let state = this.rooms.get(room);
    if (!state) {
      state = { room, watchers: new Set(), seq: null, phase: 'waiting', buffer: [], attempt: 0 };
      this.rooms.set(room, state);
      this.join(state);
    }
    // A join sent now (or one already under way or done) precedes the screen's REST request; a
    // join that has to wait for the connection may follow it.
    watcher.late = state.phase === 'waiting' || state.phase === 'failed';
    if (watcher.late) watcher.since = performance.now();
    state.watchers.add(watcher);
    this.publishPhases();
  }

  private detach(room: RoomName, watcher: Watcher): void {
    const state = this.rooms.get(room);
    if (!state) return;
    state.watchers.delete(watcher);
    if (state.watchers.size > 0) return;
    clearTimeout(state.timer);
    this.rooms.delete(room);
    this.publishPhases();
    if (this.socket.connected) this.socket.emit('leave', { room }, () => undefined);
  }

  private join(state: RoomState): void {
    clearTimeout(state.timer);
    const attempt = ++state.attempt;
    if (!this.socket.connected) {
      state.phase = 'waiting';
      this.publishPhases();
      return;
    }
    state.phase = 'joining';
    this.publishPhases();
    const since = state.seq ?? undefined;
    const lateMs = since === undefined ? this.lateMs(state) : undefined;
    const request: JoinRequest =
      since !== undefined ? { room: state.room, since } : lateMs !== undefined ? { room: state.room, lateMs } : { room: state.room };
    state.timer = setTimeout(() => {
      if (this.current(state, attempt) && this.socket.connected) this.join(state);
    }, JOIN_TIMEOUT_MS);
    this.socket.emit('join', request, (ack: JoinAck) => {
      if (!this.current(state, attempt)) return;
      clearTimeout(state.timer);
      this.joined(state, since, ack);
    });
  }

  /** How long ago the earliest late watcher attached (its snapshot may be as old); undefined when none is late. */
  private lateMs(state: RoomState): number | undefined {
    let earliest = Infinity;
    for (const watcher of state.watchers) if (watcher.late) earliest = Math.min(earliest, watcher.since);
    return earliest === Infinity ? undefined : Math.max(0, Math.ceil(performance.now() - earliest));
  }

  /** Whether `attempt` is still the room's latest join (the room may have been left since). */
  private current(state: RoomState, attempt: number): boolean {
    return this.rooms.get(state.room) === state && state.attempt === attempt;
  }

  private joined(state: RoomState, since: number | undefined, ack: JoinAck): void {
    const buffered = state.buffer.sort((a, b) => a.payload.seq - b.payload.seq);
    state.buffer = [];
    if (!ack.ok) {
      state.phase = 'failed';
      this.publishPhases();
      this.refetch(state, 'failed');
      return;
    }
    let refetched = false;
    if (ack.refetch) {
      state.seq = ack.seq;
      refetched = true;
    } else if (since !== undefined) {
      state.seq = since;
      for (const missed of [...ack.missed].sort((a, b) => a.payload.seq - b.payload.seq)) {
        this.apply(state, missed);
      }
      // A replay that stops short of the room's sequence lost something on the way.
      if ((state.seq ?? 0) < ack.seq) {
        state.seq = ack.seq;
        refetched = true;
      }
    }
    state.phase = 'joined';
    this.publishPhases();
    this.lastUpdateSignal.set(new Date());
    if (refetched) this.refetch(state, 'missed');
    // A late screen reloads only if the room heard something while it loaded (a server that does not
    // say is taken to have).
    const missedByLate = !refetched && (since !== undefined || ack.recent !== false);
    for (const watcher of state.watchers) {
      if (!watcher.late) continue;
      watcher.late = false;
      if (missedByLate) this.call(() => watcher.handlers.refetch?.('late'));
    }
    // What came live meanwhile, after the replay: older ones are duplicates, a gap asks again.
    for (let i = 0; i < buffered.length; i++) {
      if (!this.take(state, buffered[i])) {
        state.buffer = buffered.slice(i);
        return;
      }
    }
    if (state.seq === null || state.seq < ack.seq) state.seq = ack.seq;
  }

  private receive(event: AnyLive): void {
    const state = this.rooms.get(event.payload.room);
    // A room nobody watches any more (its leave is on the way) has nothing to update.
    if (!state) return;
    if (state.phase !== 'joined') {
      state.buffer.push(event);
      return;
    }
    this.take(state, event);
  }

  /** Applies a live event to a joined room; false when it revealed a gap and a catch-up began. */
  private take(state: RoomState, event: AnyLive): boolean {
    const seq = event.payload.seq;
    if (state.seq !== null && seq <= state.seq) return true;
    if (state.seq !== null && seq > state.seq + 1) {
      state.buffer.push(event);
      this.join(state);
      return false;
    }
    this.deliver(state, event);
    return true;
  }

  /** A replayed event: applied unless already seen. */
  private apply(state: RoomState, missed: MissedEvent): void {
    if (state.seq !== null && missed.payload.seq <= state.seq) return;
    this.deliver(state, missed as AnyLive);
  }

  private deliver(state: RoomState, { event, payload }: AnyLive): void {
    state.seq = payload.seq;
    this.lastUpdateSignal.set(new Date());
    for (const watcher of [...state.watchers]) {
      const handler = watcher.handlers[event] as ((p: Live<unknown>) => void) | undefined;
      if (handler) this.call(() => handler(payload));
    }
    this.events.next({ event, payload });
  }

  private refetch(state: RoomState, reason: RefetchReason): void {
    for (const watcher of [...state.watchers]) this.call(() => watcher.handlers.refetch?.(reason));
  }

  /** One screen's failing handler must not keep the others (or the room's bookkeeping) from going on. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.errors.handleError(error);
    }
  }

  /** The connection dropped: the room waits to be joined again; what was buffered comes again as missed. */
  private suspend(state: RoomState): void {
    clearTimeout(state.timer);
    state.attempt++;
    state.buffer = [];
    // Never answered: the join without `since` that follows may come after the screen's REST snapshot.
    if (state.seq === null) for (const watcher of state.watchers) watcher.late = true;
    // A refused room is asked again too: the new connection may carry another session.
    state.phase = 'waiting';
  }

  private publishPhases(): void {
    this.phases.set(new Map([...this.rooms.values()].map((s) => [s.room, s.phase])));
  }
}
