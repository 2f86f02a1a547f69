import type { Actor, UnitRef } from './access-policy';
import { isAllowed, isWithin } from './access-policy';
import { RISK_BAND_FLOORS } from './risk-level';

/**
 * The province's monthly meeting of heads of agencies (issue 20, item 3): its states, who runs it
 * and what goes on its agenda. Pure: the API refuses with these rules, the dashboard shows only the
 * buttons they allow.
 */

export const MEETING_STATES = ['draft', 'held', 'closed'] as const;
/** draft (agenda being built) → held (decisions recorded) → closed (minutes closed). */
export type MeetingState = (typeof MEETING_STATES)[number];

export type MeetingStep = 'hold' | 'close';

/** What an agenda item is about: each kind links to its object. */
export const AGENDA_ITEM_KINDS = [
  'red_kpi',
  'lapse_project',
  'overdue_directive',
  'high_risk',
  'carried_directive',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

const MEETING_FROM: Record<MeetingStep, MeetingState> = { hold: 'draft', close: 'held' };
const MEETING_TO: Record<MeetingStep, MeetingState> = { hold: 'held', close: 'closed' };

/** The state after `step`, or null when the step is not open from `state`. */
export function nextMeetingState(state: MeetingState, step: MeetingStep): MeetingState | null {
  return MEETING_FROM[step] === state ? MEETING_TO[step] : null;
}

/** The agenda is built while the meeting is a draft; rebuilding it replaces what was composed. */
export function canBuildAgenda(state: MeetingState): boolean {
  return state === 'draft';
}

/** Decisions are recorded during the meeting (held) and until the minutes are closed. */
export function canRecordDecision(state: MeetingState): boolean {
  return state === 'held';
}

/**
 * Who runs a province's meeting: its secretary (the strategy office's officers and approvers, the
 * province's writers) and its governor (and deputies, who hold the governor's role), and admins.
 * Nobody else, and never the public: meetings are the province's internal business.
 */
export function canRunMeeting(actor: Actor, unit: UnitRef): boolean {
  if (actor.role === 'admin') return true;
  if (unit.type !== 'province' || !isWithin(actor.scopePath, unit.path)) return false;
  return actor.role === 'governor' || isAllowed(actor, 'write', unit);
}

/** A risk goes on the agenda from the high band of the 5×5 matrix up (high and extreme). */
export function isAgendaRisk(likelihood: number, impact: number): boolean {
  return likelihood * impact >= RISK_BAND_FLOORS.high;
}

/** The lowest likelihood × impact that puts a risk on the agenda (for the agenda's SQL). */
export const AGENDA_RISK_MIN_SCORE = RISK_BAND_FLOORS.high;

/** The order the agenda reads in: carried directives first (the last meeting's unfinished business). */
export const AGENDA_ORDER: Readonly<Record<AgendaItemKind, number>> = {
  carried_directive: 0,
  overdue_directive: 1,
  red_kpi: 2,
  lapse_project: 3,
  high_risk: 4,
};

/** Sort agenda items by kind, then by their own order within the kind (stable). */
export function sortAgenda<T extends { kind: AgendaItemKind }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => AGENDA_ORDER[a.item.kind] - AGENDA_ORDER[b.item.kind] || a.i - b.i)
    .map((x) => x.item);
}
