import {
  DestroyRef,
  effect,
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
import type { ClientToServerEvents, JoinAck, RoomName, ServerToClientEvents } from '@provdash/shared/contracts';
import { Observable } from 'rxjs';
import { io, Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RealtimeState = 'disconnected' | 'connecting' | 'connected';
export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimeEvent<E extends RealtimeEventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The handshake's credentials, asked for on every (re)connect so an automatic reconnection never
 * presents a spent token.
 */
export type RealtimeAuth = (cb: (data: { token?: string }) => void) => void;

/** Makes the one socket, not yet connected. Tests inject a fake. */
export type RealtimeSocketFactory = (auth: RealtimeAuth) => RealtimeSocket;

export const REALTIME_PATH = '/socket.io';

export const REALTIME_SOCKET_FACTORY = new InjectionToken<RealtimeSocketFactory>('REALTIME_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (auth) => io({ path: REALTIME_PATH, auth, autoConnect: false, withCredentials: true }),
});

/**
 * The dashboard's one Socket.IO connection, typed by the contracts' event maps. It authenticates
 * with the in-memory access token on connect (the server reads the token only then, and puts a
 * signed-in socket into its own `user:<id>` room); when the session is renewed or ends, it
 * reconnects with the new token, or anonymously.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);
  private readonly socket: RealtimeSocket;
  private readonly stateSignal = signal<RealtimeState>('disconnected');
  /** The token the current connection presented. */
  private presented: string | null = null;

  readonly state: Signal<RealtimeState> = this.stateSignal.asReadonly();

  constructor() {
    this.socket = inject(REALTIME_SOCKET_FACTORY)((cb) => {
      this.presented = this.auth.accessToken();
      cb(this.presented ? { token: this.presented } : {});
    });
    this.socket.on('connect', () => this.stateSignal.set('connected'));
    this.socket.on('disconnect', () => this.stateSignal.set(this.socket.active ? 'connecting' : 'disconnected'));
    this.socket.on('connect_error', () => this.stateSignal.set(this.socket.active ? 'connecting' : 'disconnected'));

    effect(() => {
      const token = this.auth.accessToken();
      untracked(() => this.follow(token));
    });
    inject(DestroyRef).onDestroy(() => {
      this.socket.removeAllListeners();
      this.socket.disconnect();
    });
  }

  /** Every `event` the server sends from now on; the listener goes when the subscription ends. */
  on<E extends RealtimeEventName>(event: E): Observable<RealtimeEvent<E>> {
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

  /** Joins a scope room (`province:50`, `public`…); the server checks read access. */
  join(room: RoomName): Promise<JoinAck> {
    return this.socket.emitWithAck('join', { room });
  }

  private follow(token: string | null): void {
    if (this.socket.active && token === this.presented) return;
    // The server reads the token on connect only: a new session needs a new handshake.
    if (this.socket.active) this.socket.disconnect();
    this.stateSignal.set('connecting');
    this.socket.connect();
  }
}
