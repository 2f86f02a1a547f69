import type { NotificationCreatedEvent, NotificationReadEvent } from './notification';
import type { AgreementStatusName } from './agreement';
import type { DirectiveChangedEvent } from './follow-up';
import type { ScorecardKpiDto, StatusSummaryDto } from './kpi';
import type { DisbursementFiguresDto } from './project';
import type { DisbursementBudgetType, KpiStatusName, ProjectBudgetType, ResultStatusName } from './vocabulary';

/**
 * The Socket.IO contract, typing both the NestJS gateway and the Angular client.
 *
 * Rooms follow scope: `province:<code>`, `cluster:<code>`, `national` (approved data, for people whose
 * scope covers the unit), `public` (approved data, anyone), `workspace:<code>` (a province's drafts,
 * submissions and returns: its officers and approvers only) and `user:<id>` (a signed-in socket's own
 * room, joined on connect, for the progress of its uploads).
 */
export type RoomName =
  | `province:${string}`
  | `workspace:${string}`
  | `cluster:${string}`
  | `user:${string}`
  | 'national'
  | 'public';

export const ROOM_PATTERN =
  /^(province:[0-9]{2}|workspace:[0-9]{2}|cluster:C[0-9]{2}|user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|national|public)$/;

/**
 * Every event below except import progress is published through the outbox: only after its
 * transaction committed, numbered per room. `seq` is one more than the room's previous event, so a
 * gap tells the client it missed something; `at` is the commit time (ISO).
 */
export interface Live<T> {
  room: RoomName;
  seq: number;
  at: string;
  data: T;
}

/** A KPI's scorecard line after a change to its approved data, with the roll-ups it moved. */
export interface KpiScorecardEffect {
  kpi: ScorecardKpiDto;
  goal: { code: string; issueCode: string; summary: StatusSummaryDto };
  issue: { code: string; summary: StatusSummaryDto };
  plan: StatusSummaryDto;
  counts: Record<KpiStatusName, number>;
}

/**
 * A KPI result moved (saved, submitted, approved, returned, reopened). The workspace room hears every
 * step with the entry's own status; the scope rooms hear only approvals and reopenings (`withdrawn`:
 * the approved value no longer stands), with the KPI's new scorecard line. `version` is the entry's.
 */
export interface KpiResultChangedEvent {
  kpiId: string;
  kpiCode: string;
  orgUnitCode: string;
  fiscalYear: number;
  period: string;
  status: ResultStatusName | 'withdrawn';
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  version: number;
  /** Present when the approved data changed (approve, reopen). */
  scorecard: KpiScorecardEffect | null;
}

/** A results spreadsheet wrote drafts for a province (workspace room only). */
export interface KpiResultsImportedEvent {
  orgUnitCode: string;
  fiscalYear: number;
  rows: number;
}

/** A project's monthly progress moved through its review. Like KPI results, scope rooms hear approvals and reopenings only. */
export interface ProjectProgressChangedEvent {
  projectId: string;
  orgUnitCode: string;
  period: string;
  status: ResultStatusName | 'withdrawn';
  percent: number;
  version: number;
}

/** A province's disbursement after an import, overall and by budget type. */
export interface DisbursementRateDto {
  orgUnitCode: string;
  fiscalYear: number;
  total: DisbursementFiguresDto & { target: number | null };
  byType: (DisbursementFiguresDto & { budgetType: ProjectBudgetType; target: number | null })[];
}

/** A GFMIS batch was committed for a province, or rolled back (`rolledBack`). */
export interface DisbursementBatchImportedEvent {
  batchId: string;
  rolledBack: boolean;
  orgUnitCode: string;
  fiscalYear: number;
  rows: number;
  /** Months (YYYY-MM-01) the batch wrote. */
  months: string[];
  totalCommitted: string;
  totalDisbursed: string;
  /** The new rates of the provinces the batch touched. */
  rates: DisbursementRateDto[];
}

/** A province's agreement score moved (an indicator result approved, or a round evaluated). */
export interface AgreementScoreChangedEvent {
  agreementId: string;
  orgUnitCode: string;
  fiscalYear: number;
  status: AgreementStatusName;
  liveScore: number | null;
  liveFormatted: string | null;
  /** Set when a round was just evaluated. */
  round: { round: number; score: string } | null;
}

/** The tables of a plan's definition, as `target.changed` names them. */
export type DefinitionEntity =
  | 'plan'
  | 'strategic_issue'
  | 'goal'
  | 'strategy'
  | 'goal_link'
  | 'kpi'
  | 'project'
  | 'org_unit';

export type RankingKind = 'agreement' | 'disbursement';

/** A national ranking after a change: every province's value and rank (about 77 short rows). */
export interface RankingChangedEvent {
  kind: RankingKind;
  fiscalYear: number;
  rows: { orgUnitCode: string; value: number | null; rank: number | null }[];
}

/**
 * Central staff or a province changed a target or a setting the screens compare against, or the
 * unit's plan itself (`definition`: a plan, issue, goal, strategy, cause-effect arrow, KPI
 * definition or project added, changed, reordered or retired): screens of that unit reload.
 */
export type TargetChangedEvent =
  | { kind: 'kpi-target'; fiscalYear: number; kpiId: string; orgUnitCode: string; target: string | null }
  | { kind: 'definition'; orgUnitCode: string; entity: DefinitionEntity }
  | {
      kind: 'disbursement-target';
      fiscalYear: number;
      budgetType: DisbursementBudgetType;
      quarters: [number, number, number, number];
    }
  /** The ministry changed the year's KPI status thresholds: every screen showing lights reloads. */
  | { kind: 'status-thresholds'; fiscalYear: number; green: number; amber: number };

/** A province's monthly report (PDF and XLSX) is ready in the workspace (workspace room only). */
export interface MonthlyReportReadyEvent {
  reportId: string;
  orgUnitCode: string;
  /** `YYYY-MM`, Gregorian: the month reported on. */
  month: string;
  fiscalYear: number;
  generatedAt: string;
}

/** The events that travel through the outbox, by name. */
export interface LiveEvents {
  'kpi-result.changed': KpiResultChangedEvent;
  'kpi-results.imported': KpiResultsImportedEvent;
  'project-progress.changed': ProjectProgressChangedEvent;
  'disbursement-batch.imported': DisbursementBatchImportedEvent;
  'agreement-score.changed': AgreementScoreChangedEvent;
  'ranking.changed': RankingChangedEvent;
  'target.changed': TargetChangedEvent;
  'monthly-report.ready': MonthlyReportReadyEvent;
  /** A directive moved: the province's workspace room and the rooms of its issuer and owner. */
  'directive.changed': DirectiveChangedEvent;
  /** To the person's own `user:<id>` room: a new notification and the unread count. */
  'notification.created': NotificationCreatedEvent;
  /** To the person's own room: marked read on one device, so every device's bell follows. */
  'notification.read': NotificationReadEvent;
}

export type LiveEventName = keyof LiveEvents;

/** One event as the catch-up on join returns it. */
export type MissedEvent = { [E in LiveEventName]: { event: E; payload: Live<LiveEvents[E]> } }[LiveEventName];

/**
 * Joining a room. `since` is the last `seq` the client holds for it (after a reconnect); the ack
 * then carries what it missed, in order, or `refetch: true` when that is too much or too old, and
 * the client reloads the snapshot over REST.
 *
 * `lateMs` (first join only): how long ago, by the client's clock, a screen began loading its
 * snapshot before the room could be joined. The ack's `recent` then says whether the room heard an
 * event in that window (with a margin for latency and commit): only then can the snapshot have
 * missed something, and only then does the screen reload it.
 */
export interface JoinRequest {
  room: RoomName;
  since?: number;
  lateMs?: number;
}

export type JoinAck =
  | { ok: true; room: RoomName; seq: number; missed: MissedEvent[]; refetch: boolean; recent?: boolean }
  | { ok: false; error: 'invalid' | 'forbidden' };

export interface LeaveRequest {
  room: RoomName;
}

export type LeaveAck = { ok: true; room: RoomName } | { ok: false; error: 'invalid' };

export interface ClientToServerEvents {
  join: (request: JoinRequest, ack: (result: JoinAck) => void) => void;
  leave: (request: LeaveRequest, ack: (result: LeaveAck) => void) => void;
}

export type DisbursementImportPhase = 'parsing' | 'validating' | 'writing' | 'done';

/**
 * Progress of one GFMIS upload, sent only to the uploader's own `user:<id>` room, at most every
 * 5 % of a phase (transient: not through the outbox). `uploadId` is the one the client passed (or
 * the one the response returns); `batchId` appears once the batch exists (writing, done).
 */
export interface DisbursementImportProgressEvent {
  batchId?: string;
  uploadId: string;
  phase: DisbursementImportPhase;
  done: number;
  total: number;
}

/** The server is shutting down: reconnect (another instance will answer) after `retryInMs`. */
export interface ServerShutdownEvent {
  retryInMs: number;
}

export type ServerToClientEvents = { [E in LiveEventName]: (event: Live<LiveEvents[E]>) => void } & {
  'disbursement-import.progress': (event: DisbursementImportProgressEvent) => void;
  'server.shutdown': (event: ServerShutdownEvent) => void;
};
