import type { Actor, UnitRef } from './access-policy';
import { isAllowed, isWithin } from './access-policy';
import { addDays, bangkokDateOf, compareIsoDates, parseIsoDate } from './iso-date';
import type { DirectiveState } from './vocabulary';

/**
 * Directives (ข้อสั่งการ): the state machine, who may take each step and when one is overdue.
 * Pure: the API refuses with these rules and the dashboard shows only the buttons they allow.
 */

/** The owner's steps and the issuer's. */
export type DirectiveStep = 'acknowledge' | 'progress' | 'requestClose' | 'close' | 'return';

export const OWNER_STEPS: readonly DirectiveStep[] = ['acknowledge', 'progress', 'requestClose'];
export const ISSUER_STEPS: readonly DirectiveStep[] = ['close', 'return'];

const FROM: Record<DirectiveStep, readonly DirectiveState[]> = {
  acknowledge: ['issued'],
  // Posting progress acknowledges too: an owner who reports has plainly received it.
  progress: ['issued', 'acknowledged', 'in_progress', 'returned'],
  requestClose: ['acknowledged', 'in_progress', 'returned'],
  close: ['close_requested'],
  return: ['close_requested'],
};

const TO: Record<DirectiveStep, DirectiveState> = {
  acknowledge: 'acknowledged',
  progress: 'in_progress',
  requestClose: 'close_requested',
  close: 'closed',
  return: 'returned',
};

/** The state after `step`, or null when the step is not open from `state`. */
export function nextDirectiveState(state: DirectiveState, step: DirectiveStep): DirectiveState | null {
  return FROM[step].includes(state) ? TO[step] : null;
}

/** Steps open from `state`, whoever may take them. */
export function directiveStepsFrom(state: DirectiveState): DirectiveStep[] {
  return (Object.keys(FROM) as DirectiveStep[]).filter((s) => FROM[s].includes(state));
}

export function isDirectiveOpen(state: DirectiveState): boolean {
  return state !== 'closed';
}

/**
 * Issuing, closing and returning belong to the governor (and deputies, who hold the governor's role)
 * of the province, and to admins. Nobody else gives the province's orders.
 */
export function canIssueDirective(actor: Actor, unit: UnitRef): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'governor' && unit.type === 'province' && isWithin(actor.scopePath, unit.path);
}

/**
 * Whether a province's directives and risks are published on its public page is the province's
 * own call: its governor's (or an admin's), never an officer's, since it exposes the follow-up loop.
 */
export function canPublishFollowUp(actor: Actor, unit: UnitRef): boolean {
  return canIssueDirective(actor, unit);
}

/**
 * The owner's steps: the named person; a directive given to an agency only may be answered by the
 * province's writers (its officers and approvers), who enter for the agencies as they do results.
 */
export function canAnswerDirective(
  actor: Actor & { id: string },
  unit: UnitRef,
  directive: { ownerUserId: string | null },
): boolean {
  if (actor.role === 'admin') return true;
  if (!isWithin(actor.scopePath, unit.path)) return false;
  if (directive.ownerUserId) return directive.ownerUserId === actor.id;
  return isAllowed(actor, 'write', unit);
}

export function canTakeDirectiveStep(
  actor: Actor & { id: string },
  unit: UnitRef,
  directive: { ownerUserId: string | null },
  step: DirectiveStep,
): boolean {
  return ISSUER_STEPS.includes(step) ? canIssueDirective(actor, unit) : canAnswerDirective(actor, unit, directive);
}

export interface DirectiveTimeliness {
  /** Open and its due day (Bangkok) has passed. */
  overdue: boolean;
  /** Whole days past the due day: 1 on the day after it; 0 when not overdue. */
  daysOverdue: number;
  /** Days left until the due day, counting today as 0 left when due today; null once overdue or closed. */
  daysLeft: number | null;
}

/**
 * When a directive is overdue. The due date is a calendar day in Thailand and the owner has the whole
 * of it: a directive due 30 Sep (the last day of a fiscal year) is on time until midnight Bangkok
 * time and one day overdue from 1 Oct, the first day of the next fiscal year. A closed directive is
 * never overdue (`closedOn` tells whether it was closed late, see `closedLate`).
 */
export function directiveTimeliness(
  directive: { state: DirectiveState; dueDate: string },
  now: Date,
): DirectiveTimeliness {
  if (!isDirectiveOpen(directive.state)) return { overdue: false, daysOverdue: 0, daysLeft: null };
  const today = bangkokDateOf(now);
  const left = daysBetween(today, directive.dueDate);
  return left < 0
    ? { overdue: true, daysOverdue: -left, daysLeft: null }
    : { overdue: false, daysOverdue: 0, daysLeft: left };
}

/** A closed directive was closed late when its closing day (Bangkok) is after its due day. */
export function closedLate(dueDate: string, closedAt: Date): boolean {
  return compareIsoDates(bangkokDateOf(closedAt), dueDate) > 0;
}

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The first and last day (ISO) of the Bangkok calendar month containing `now`: "closed this month". */
export function bangkokMonthOf(now: Date): { start: string; end: string } {
  const today = parseIsoDate(bangkokDateOf(now));
  const start = `${today.year}-${String(today.month).padStart(2, '0')}-01`;
  const nextMonth =
    today.month === 12 ? `${today.year + 1}-01-01` : `${today.year}-${String(today.month + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(nextMonth, -1) };
}
