/**
 * The Socket.IO contract, typing both the NestJS gateway and the Angular client.
 * Rooms follow scope: `province:<code>`, `cluster:<code>`, `national`, and `public` (approved data only).
 */
export type RoomName = `province:${string}` | `cluster:${string}` | 'national' | 'public';

export const ROOM_PATTERN = /^(province:[0-9]{2}|cluster:C[0-9]{2}|national|public)$/;

export interface JoinRequest {
  room: RoomName;
}

export type JoinAck = { ok: true; room: RoomName } | { ok: false; error: string };

export interface ClientToServerEvents {
  join: (request: JoinRequest, ack: (result: JoinAck) => void) => void;
  leave: (request: JoinRequest, ack: (result: JoinAck) => void) => void;
}

/** A KPI result moved (saved, submitted, approved, returned, reopened); the version lets a client detect a gap. */
export interface KpiResultChangedEvent {
  kpiId: string;
  orgUnitCode: string;
  period: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  version: number;
}

export interface ServerToClientEvents {
  'kpi-result.changed': (event: KpiResultChangedEvent) => void;
}
