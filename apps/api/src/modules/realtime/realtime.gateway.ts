import { Logger } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type {
  ClientToServerEvents,
  JoinAck,
  LeaveAck,
  MissedEvent,
  RoomName,
  ServerToClientEvents,
} from '@provdash/shared/contracts';
import { ROOM_PATTERN } from '@provdash/shared/contracts';
import { canSeeUnapproved, isAllowed } from '@provdash/shared/domain';
import type { Server, Socket } from 'socket.io';
import type { Subscription } from 'rxjs';
import { ApiError } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { Revocation, Sessions } from '../access/sessions.service';
import { UnitResolver } from '../access/unit-resolver.service';
import { Metrics } from '../metrics/metrics.service';
import { Outbox } from './outbox.service';
import { RealtimeIoAdapter } from './realtime-io.adapter';
import { userRoom } from './rooms';

type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: ActorClaims | null; refused?: boolean; expiry?: ReturnType<typeof setTimeout> }
>;

/** What the instances tell each other through the adapter (Socket.IO's `serverSideEmit`). */
interface InterServerEvents {
  /** One commit's outbox events, in order, for the sockets of the other instances. */
  'outbox.events': (events: MissedEvent[]) => void;
}

/** A room of every socket of one sign-in session, server-side only (clients cannot join it: ROOM_PATTERN). */
const sessionRoom = (sid: string) => `session:${sid}`;

/**
 * Added to a late join's window: the join's own trip to the server (a slow phone's uplink) and a
 * writer's commit after its outbox rows, so an event the snapshot may have missed is never outside it.
 */
export const LATE_JOIN_MARGIN_MS = 5_000;

/**
 * Live updates. A socket authenticates on connect with the same access token as REST
 * (`auth: { token }`), checked against revocation like a request; without one it is anonymous and
 * may join only `public`. Its authority lasts as long as the token: when the token expires the socket
 * is disconnected (the dashboard renews its token before then and reconnects with the new one, which
 * is the re-authorisation), and when the session is revoked (logout, the user disabled or given
 * another role) its sockets are disconnected at once, on every instance, leaving all their rooms. Every join is
 * checked by the same rules as REST: `read` on the room's unit, and for a province's workspace
 * room (its drafts) `write` there, so only its officers and approvers hear of drafts. A join may
 * carry the last `seq` the client holds; the ack brings what it missed from the outbox.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly log = new Logger('Realtime');

  @WebSocketServer()
  private readonly server?: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

  constructor(
    private readonly jwt: JwtService,
    private readonly units: UnitResolver,
    private readonly outbox: Outbox,
    private readonly appConfig: ApplicationConfig,
    private readonly metrics: Metrics,
    private readonly sessions: Sessions,
  ) {}

  private revocations?: Subscription;

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>): void {
    server.on('outbox.events', (events) => this.emitHere(events));
    // Authenticated in the handshake, before the client hears `connect`: a join sent at once must
    // find the actor already known (the revocation check reads the database).
    server.use((socket, next) => {
      this.authenticate(socket as AppSocket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    // disconnectSockets goes through the adapter: sockets of the session on other instances close too.
    this.revocations = this.sessions.revocations.subscribe((r: Revocation) =>
      server.in(r.kind === 'user' ? userRoom(r.userId) : sessionRoom(r.sessionId)).disconnectSockets(true),
    );
    server.engine?.on('close', () => this.revocations?.unsubscribe());
  }

  handleDisconnect(socket: AppSocket): void {
    clearTimeout(socket.data.expiry);
    this.metrics.socketConnections.dec();
  }

  /** Reads the handshake's token: the actor, null when anonymous, `refused` for a bad, expired or revoked token. */
  private async authenticate(socket: AppSocket): Promise<void> {
    const token = socket.handshake.auth?.['token'];
    socket.data.actor = null;
    if (token === undefined || token === null || token === '') return;
    let actor: (ActorClaims & { exp?: number }) | null = null;
    try {
      actor = await this.jwt.verifyAsync<ActorClaims & { exp?: number }>(String(token), { algorithms: ['HS256'] });
    } catch {
      actor = null;
    }
    if (actor && (await this.sessions.active(actor))) socket.data.actor = actor;
    else socket.data.refused = true;
  }

  async handleConnection(socket: AppSocket): Promise<void> {
    this.metrics.socketConnections.inc();
    const actor = socket.data.actor;
    // A bad, expired or revoked token is refused outright rather than silently downgraded to anonymous.
    if (socket.data.refused) {
      socket.disconnect(true);
      return;
    }
    if (!actor) return;
    // Its own room, for what is meant for this user alone (the progress of their uploads), and its
    // session's, by which a logout finds it.
    await socket.join([userRoom(actor.sub), sessionRoom(actor.sid)]);
    const left = ((actor as { exp?: number }).exp ?? 0) * 1000 - Date.now();
    socket.data.expiry = setTimeout(() => socket.disconnect(true), Math.max(0, left));
  }

  /**
   * A transient event (upload progress) straight to a room. Anything that reports a committed
   * change goes through the outbox instead (`Outbox.publish`), which the relay sends by `emitLive`.
   */
  emit(room: RoomName, event: 'disbursement-import.progress', ...args: Parameters<ServerToClientEvents[typeof event]>) {
    this.server?.to(room).emit(event, ...args);
  }

  /**
   * Sends committed outbox events to their rooms: to this instance's sockets at once, to the other
   * instances as one message through the adapter. Not a broadcast per room: the cluster adapter
   * lets even the local sockets hear a broadcast only after its NOTIFY (or Redis PUBLISH) has
   * returned, so a thousand people's own rooms waited on a thousand round trips (in-app p95 1.4 s).
   */
  emitLive(events: MissedEvent[]): void {
    if (!this.server || !events.length) return;
    this.emitHere(events);
    if (this.clustered()) this.server.serverSideEmit('outbox.events', events);
    for (const { event } of events) this.metrics.eventsEmitted.inc({ event });
  }

  /** Events to the sockets of this instance only. */
  private emitHere(events: MissedEvent[]): void {
    for (const { event, payload } of events) {
      // Socket.IO's typed emit cannot follow a union of event names.
      (this.server?.local.to(payload.room) as { emit(e: string, p: unknown): void } | undefined)?.emit(event, payload);
    }
  }

  private clustered(): boolean {
    const adapter = this.appConfig.getIoAdapter();
    return adapter instanceof RealtimeIoAdapter && adapter.clustered();
  }

  /** Tells every socket on this instance to reconnect (to another instance) after `retryInMs`, then closes them. */
  async shutdown(retryInMs: number): Promise<void> {
    if (!this.server) return;
    this.server.local.emit('server.shutdown', { retryInMs });
    this.server.local.disconnectSockets(true);
  }

  /** Whether events reach the other instances (true when this is the only one). */
  async adapterReady(): Promise<boolean> {
    const adapter = this.appConfig.getIoAdapter();
    return adapter instanceof RealtimeIoAdapter ? adapter.ready() : true;
  }

  /** Whether this process serves sockets (a CLI's application context does not: the API's sweep sends its events). */
  listening(): boolean {
    return this.server !== undefined;
  }

  /** Connected sockets on this instance. */
  connections(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const { room, since, lateMs } = (body ?? {}) as { room?: unknown; since?: unknown; lateMs?: unknown };
    if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) return { ok: false, error: 'invalid' };
    const count = (n: unknown) => n === undefined || (Number.isSafeInteger(n) && (n as number) >= 0);
    if (!count(since) || !count(lateMs)) return { ok: false, error: 'invalid' };
    if (!(await this.mayJoin(socket.data.actor ?? null, room as RoomName))) return { ok: false, error: 'forbidden' };
    // Join first, then read the log: an event committed in between arrives twice, never not at all.
    await socket.join(room);
    const caught = await this.outbox.catchUp(room as RoomName, since as number | undefined);
    if (since !== undefined || lateMs === undefined) return { ok: true, room: room as RoomName, ...caught };
    const recent = await this.outbox.heardWithin(room as RoomName, (lateMs as number) + LATE_JOIN_MARGIN_MS);
    return { ok: true, room: room as RoomName, ...caught, recent };
  }

  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<LeaveAck> {
    const room = (body as { room?: unknown } | null)?.room;
    if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) return { ok: false, error: 'invalid' };
    await socket.leave(room);
    return { ok: true, room: room as RoomName };
  }

  private async mayJoin(actor: ActorClaims | null, room: RoomName): Promise<boolean> {
    if (room === 'public') return true;
    if (!actor) return false;
    // A user's own room only: never another user's.
    if (room.startsWith('user:')) return room === userRoom(actor.sub);
    // A temporary password opens only the user's own account, as on REST.
    if (actor.pwc) return false;
    const code = room === 'national' ? 'TH' : room.split(':')[1];
    try {
      const unit = await this.units.byCode(code);
      const who = { role: actor.role, scopePath: actor.scope };
      // The desk's room follows the desk's REST rule (GET /api/workspace/:code): the province's own
      // people (its governor too, who reads the desk without its buttons) and admins.
      if (room.startsWith('workspace:')) return isAllowed(who, 'read', unit) && canSeeUnapproved(who, unit);
      return isAllowed(who, 'read', unit);
    } catch (error) {
      if (error instanceof ApiError) return false;
      this.log.error(error);
      return false;
    }
  }
}

