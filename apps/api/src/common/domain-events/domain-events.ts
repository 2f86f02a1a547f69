import type {
  DefinitionEntity,
  DirectiveChangedEvent,
  DisbursementBatchImportedEvent,
  DisbursementBudgetType,
  DisbursementImportPhase,
  NotificationDto,
  ResultStatusName,
} from '@provdash/shared/contracts';

/**
 * The one map of domain events: what a writer says happened, in the writer's words. Writers publish
 * them through `DomainEventBus` and import no reactor; reactors (the live events in the outbox,
 * agreement scores, and later notifications and directives) subscribe with `@OnDomainEvent`.
 * Payloads are plain data, never entities, so a reactor cannot write through the writer's objects.
 * Like the realtime `LiveEvents` map, the key is the name and the value its payload.
 */
export interface DomainEvents {
  'kpiResult.saved': KpiResultEvent;
  'kpiResult.submitted': KpiResultEvent;
  'kpiResult.approved': KpiResultEvent;
  'kpiResult.returned': KpiResultEvent;
  'kpiResult.reopened': KpiResultEvent;
  /** A results spreadsheet wrote its drafts (one event for the file, not one per row). */
  'kpiResults.imported': { unit: UnitRef; fiscalYear: number; rows: number };
  'kpiTarget.set': { unit: UnitRef; kpiId: string; fiscalYear: number; target: string };
  'projectProgress.saved': ProjectProgressEvent;
  'projectProgress.submitted': ProjectProgressEvent;
  'projectProgress.approved': ProjectProgressEvent;
  'projectProgress.returned': ProjectProgressEvent;
  'projectProgress.reopened': ProjectProgressEvent;
  'disbursementTarget.set': {
    fiscalYear: number;
    budgetType: DisbursementBudgetType;
    quarters: [number, number, number, number];
  };
  /** The ministry set a year's KPI status thresholds (a national setting every light depends on). */
  'kpiStatusThresholds.set': { fiscalYear: number; green: number; amber: number };
  'disbursement.imported': DisbursementBatchEvent;
  'disbursement.rolledBack': DisbursementBatchEvent;
  /** How far a GFMIS upload has got; not data, so it is published outside any transaction. */
  'disbursementImport.progressed': {
    userId: string;
    progress: { batchId?: string; uploadId: string; phase: DisbursementImportPhase; done: number; total: number };
  };
  /** An agreement's own write moved live scores (a result approved, a round evaluated…). */
  'agreement.scoresMoved': {
    fiscalYear: number;
    orgUnitCodes: string[];
    round: { round: number; score: string } | null;
  };
  /** A plan, issue, goal, strategy, arrow, KPI or project of the unit was added, edited or removed. */
  'definition.changed': { unit: UnitRef; entity: DefinitionEntity };
  'monthlyReport.made': {
    unit: UnitRef;
    reportId: string;
    month: string;
    fiscalYear: number;
    generatedAt: string;
  };
  /** A directive was issued or took a step (follow-up module); notifications and the live events react. */
  'directive.changed': DirectiveEvent;
  /** Notifications were made for people (modules/notifications): each person's bell hears of its own. */
  'notifications.created': { items: { userId: string; notification: NotificationDto; unread: number }[] };
  /** A person marked notifications read (some, or all): their other devices follow. */
  'notifications.read': { userId: string; ids: string[] | 'all'; unread: number };
}

export type DomainEventName = keyof DomainEvents;

/** A unit as events carry it: enough to name its rooms (`realtime/rooms.ts`). */
export interface UnitRef {
  code: string;
  type: string;
  path: string;
}

export interface KpiResultEvent {
  kpi: { id: string; code: string };
  unit: UnitRef;
  result: {
    fiscalYear: number;
    period: string;
    version: number;
    status: ResultStatusName;
    value: string | null;
    numerator: string | null;
    denominator: string | null;
  };
}

export interface DirectiveEvent {
  unit: UnitRef;
  directive: Omit<DirectiveChangedEvent, 'orgUnitCode'> & { dueDate: string; ownerAgency: string };
  /** Who took the step. */
  actorId: string;
}

export interface ProjectProgressEvent {
  projectId: string;
  period: string;
  version: number;
  status: ResultStatusName;
  percent: number;
}

export interface DisbursementBatchEvent {
  unit: UnitRef;
  fiscalYear: number;
  batch: Omit<DisbursementBatchImportedEvent, 'orgUnitCode' | 'fiscalYear' | 'rates'>;
}

/** The event a review step publishes, for the two kinds of reviewed entry. */
export const KPI_RESULT_EVENT = {
  save: 'kpiResult.saved',
  submit: 'kpiResult.submitted',
  approve: 'kpiResult.approved',
  return: 'kpiResult.returned',
  reopen: 'kpiResult.reopened',
} as const satisfies Record<string, DomainEventName>;

export const PROJECT_PROGRESS_EVENT = {
  save: 'projectProgress.saved',
  submit: 'projectProgress.submitted',
  approve: 'projectProgress.approved',
  return: 'projectProgress.returned',
  reopen: 'projectProgress.reopened',
} as const satisfies Record<string, DomainEventName>;

export const KPI_RESULT_EVENTS = Object.values(KPI_RESULT_EVENT);
export const PROJECT_PROGRESS_EVENTS = Object.values(PROJECT_PROGRESS_EVENT);
