import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { ClientToServerEvents, JoinAck, RoomName, ServerToClientEvents } from '@provdash/shared/contracts';
import { ROOM_PATTERN } from '@provdash/shared/contracts';
import { isAllowed } from '@provdash/shared/domain';
import type { Socket } from 'socket.io';
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
    }
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
