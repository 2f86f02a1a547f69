import { type Actor, type UnitRef, isAllowed, isWithin } from './access-policy';
import { formatDecimal } from './rational';

/**
 * A province's performance agreement, from the template-derived draft to the governor's signature:
 *
 *   draft ──propose──▶ proposed ──accept──▶ accepted ──sign──▶ agreed ──▶ evaluated_6 ──▶ evaluated_12
 *     ▲                   │
 *     └── returned ◀──return (with the ministry's reason); edited and proposed again
 *
 * The province (officer or approver) edits a draft or returned agreement, each change from the
 * template with a reason, and proposes it; the ministry (central staff) accepts it or returns it
 * with a reason; only the province's governor signs an accepted agreement. After signing, a change
 * is an amendment: pending until the ministry approves it (a new version) or returns it.
 */
export type AgreementState = 'draft' | 'proposed' | 'returned' | 'accepted' | 'agreed' | 'evaluated_6' | 'evaluated_12';

export const AGREEMENT_STATES: readonly AgreementState[] = [
  'draft',
  'proposed',
  'returned',
  'accepted',
  'agreed',
  'evaluated_6',
  'evaluated_12',
];

/** The acts of the lifecycle before signing, and the ministry's decision on an amendment. */
export type AgreementAct = 'propose' | 'accept' | 'return' | 'sign' | 'amend' | 'decideAmendment';

const TRANSITIONS: Record<
  'propose' | 'accept' | 'return' | 'sign',
  { from: readonly AgreementState[]; to: AgreementState }
> = {
  propose: { from: ['draft', 'returned'], to: 'proposed' },
  accept: { from: ['proposed'], to: 'accepted' },
  return: { from: ['proposed'], to: 'returned' },
  sign: { from: ['accepted'], to: 'agreed' },
};

/** The state an act leads to from `state`, or null when the act is not possible there. */
export function nextAgreementState(
  state: AgreementState,
  act: 'propose' | 'accept' | 'return' | 'sign',
): AgreementState | null {
  const t = TRANSITIONS[act];
  return t.from.includes(state) ? t.to : null;
}

/** The province edits its indicators freely (each change with a reason) only before proposing, or once returned. */
export function isAgreementEditable(state: AgreementState): boolean {
  return state === 'draft' || state === 'returned';
}

/** Signed: the governor's signature is on it; from now on it changes only by an approved amendment. */
export function isAgreementSigned(state: AgreementState): boolean {
  return state === 'agreed' || state === 'evaluated_6';
}

/** After the 12-month round nothing changes any more. */
export function isAgreementClosed(state: AgreementState): boolean {
  return state === 'evaluated_12';
}

/**
 * Who may do each act on a province's agreement: the province's officers and approvers edit,
 * propose and ask for amendments; central staff (analysts, the ministry) accept, return and decide
 * amendments, never a province's own people; only the province's governor signs. Admins may all.
 */
export function mayActOnAgreement(actor: Actor, act: AgreementAct, unit: UnitRef): boolean {
  if (unit.type !== 'province') return false;
  if (actor.role === 'admin') return true;
  if (!isWithin(actor.scopePath, unit.path)) return false;
  switch (act) {
    case 'propose':
    case 'amend':
      return isAllowed(actor, 'write', unit);
    case 'accept':
    case 'return':
    case 'decideAmendment':
      return actor.role === 'central_analyst' && actor.scopePath !== unit.path;
    case 'sign':
      return actor.role === 'governor';
  }
}

export interface IndicatorTerms {
  weight: string;
  levels: readonly string[];
}

const same = (a: string, b: string) => formatDecimal(a, 6) === formatDecimal(b, 6);

/** True when an indicator's weight or criterion values differ from the template's (a local indicator always does). */
export function deviatesFromTemplate(current: IndicatorTerms, template: IndicatorTerms | null): boolean {
  if (template === null) return true;
  if (!same(current.weight, template.weight)) return true;
  return (
    current.levels.length !== template.levels.length || current.levels.some((l, k) => !same(l, template.levels[k]))
  );
}

/**
 * The codes of the indicators a proposal cannot go with: each one changed from the template (or
 * added by the province) needs its reason.
 */
export function indicatorsMissingReason(
  indicators: readonly {
    code: string;
    current: IndicatorTerms;
    template: IndicatorTerms | null;
    reason: string | null;
  }[],
): string[] {
  return indicators.filter((i) => deviatesFromTemplate(i.current, i.template) && !i.reason?.trim()).map((i) => i.code);
}

/** The fields of an indicator that differ between two versions, for the side-by-side history. */
export function changedTerms(
  before: IndicatorTerms | null,
  after: IndicatorTerms | null,
): { weight: boolean; levels: boolean[] } {
  const n = Math.max(before?.levels.length ?? 0, after?.levels.length ?? 0);
  if (!before || !after) return { weight: true, levels: Array.from({ length: n }, () => true) };
  return {
    weight: !same(before.weight, after.weight),
    levels: Array.from({ length: n }, (_, k) =>
      before.levels[k] === undefined || after.levels[k] === undefined ? true : !same(before.levels[k], after.levels[k]),
    ),
  };
}
