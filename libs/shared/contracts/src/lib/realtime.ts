/**
 * The Socket.IO contract, typing both the NestJS gateway and the Angular client.
 * Rooms follow scope: `province:<code>`, `cluster:<code>`, `national`, and `public` (approved data only).
 * A signed-in socket is put into its own `user:<id>` room on connect (for its own uploads' progress);
 * joining another user's room is refused.
 */
export type RoomName = `province:${string}` | `cluster:${string}` | `user:${string}` | 'national' | 'public';

export const ROOM_PATTERN =
  /^(province:[0-9]{2}|cluster:C[0-9]{2}|user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|national|public)$/;

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

export type DisbursementImportPhase = 'parsing' | 'validating' | 'writing' | 'done';

/**
 * Progress of one GFMIS upload, sent only to the uploader's own `user:<id>` room, at most every
 * 5 % of a phase. `uploadId` is the one the client passed (or the one the response returns);
 * `batchId` appears once the batch exists (writing, done).
 */
export interface DisbursementImportProgressEvent {
  batchId?: string;
  uploadId: string;
  phase: DisbursementImportPhase;
  done: number;
  total: number;
}

/** A GFMIS batch was committed for a province (sent to `province:<code>` after the commit). */
export interface DisbursementBatchImportedEvent {
  batchId: string;
  orgUnitCode: string;
  fiscalYear: number;
  rows: number;
  /** Months (YYYY-MM-01) the batch wrote. */
  months: string[];
  totalCommitted: string;
  totalDisbursed: string;
}

export interface ServerToClientEvents {
  'kpi-result.changed': (event: KpiResultChangedEvent) => void;
  'disbursement-import.progress': (event: DisbursementImportProgressEvent) => void;
  'disbursement-batch.imported': (event: DisbursementBatchImportedEvent) => void;
}
