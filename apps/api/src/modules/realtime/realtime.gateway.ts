import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { ClientToServerEvents, JoinAck, RoomName, ServerToClientEvents } from '@provdash/shared/contracts';
import { ROOM_PATTERN } from '@provdash/shared/contracts';
import { isAllowed } from '@provdash/shared/domain';
import type { Server, Socket } from 'socket.io';
import { ApiError } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { UnitResolver } from '../access/unit-resolver.service';

type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: ActorClaims | null }
>;

/**
 * Live updates. A socket authenticates once, on connect, with the same access token as REST
 * (`auth: { token }`); without one it is anonymous and may join only `public`. Every join is
 * checked by the same rule as REST reads: `read` on the room's unit.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayConnection {
  private readonly log = new Logger('Realtime');

  @WebSocketServer()
  private readonly server?: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly jwt: JwtService,
    private readonly units: UnitResolver,
  ) {}

  async handleConnection(socket: AppSocket): Promise<void> {
    const token = socket.handshake.auth?.['token'];
    if (token === undefined || token === null || token === '') {
      socket.data.actor = null;
      return;
    }
    try {
      socket.data.actor = await this.jwt.verifyAsync<ActorClaims>(String(token), { algorithms: ['HS256'] });
    } catch {
      // A bad token is refused outright rather than silently downgraded to anonymous.
      socket.disconnect(true);
      return;
    }
    // Its own room, for what is meant for this user alone (the progress of their uploads).
    await socket.join(userRoom(socket.data.actor.sub));
  }

  /** Sends an event to a room; without a running server (no HTTP listener) it is dropped. */
  emit<E extends keyof ServerToClientEvents>(
    room: RoomName,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.server?.to(room).emit(event, ...args);
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const room = (body as { room?: unknown } | null)?.room;
    if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) return { ok: false, error: 'invalid room' };
    if (!(await this.mayJoin(socket.data.actor ?? null, room as RoomName))) return { ok: false, error: 'forbidden' };
    await socket.join(room);
    return { ok: true, room: room as RoomName };
  }

  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const room = (body as { room?: unknown } | null)?.room;
    if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) return { ok: false, error: 'invalid room' };
    await socket.leave(room);
    return { ok: true, room: room as RoomName };
  }

  private async mayJoin(actor: ActorClaims | null, room: RoomName): Promise<boolean> {
    if (room === 'public') return true;
    if (!actor) return false;
    // A user's own room only: never another user's.
    if (room.startsWith('user:')) return room === userRoom(actor.sub);
    const code = room === 'national' ? 'TH' : room.split(':')[1];
    try {
      const unit = await this.units.byCode(code);
      return isAllowed({ role: actor.role, scopePath: actor.scope }, 'read', unit);
    } catch (error) {
      if (error instanceof ApiError) return false;
      this.log.error(error);
      return false;
    }
  }
}

export const userRoom = (userId: string): RoomName => `user:${userId}`;
