import { HttpStatus } from '@nestjs/common';
import type { ResultStatusName } from '@provdash/shared/contracts';
import { ApiError, conflict, forbidden } from './api-error';

/**
 * The review workflow shared by KPI results and project progress (DHIS2-style data approval):
 * draft → submitted → approved, or returned with a reason; an approved period is locked until an
 * approver reopens it with a reason. One rule set, so both kinds of entry behave the same.
 */
export interface Reviewed {
  status: ResultStatusName;
  version: number;
  returnReason: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const STEPS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  reopen: { from: ['approved'], to: 'returned' },
} as const satisfies Record<string, { from: readonly ResultStatusName[]; to: ResultStatusName }>;

export type ReviewStep = keyof typeof STEPS;

/** An entry may be edited (as a draft) unless it awaits approval or is approved (locked). */
export function assertEditable(row: Reviewed, expectedVersion: number | undefined | 'any'): void {
  if (expectedVersion !== 'any' && expectedVersion !== row.version) throw conflict();
  if (row.status === 'approved') throw conflict('result.locked');
  if (row.status === 'submitted') throw conflict('result.wrongState');
}

/**
 * Moves an entry one step, checking the version read, the state, the reason that returning and
 * reopening need, and that nobody approves their own submission. The caller saves the row.
 */
export function applyReviewStep(
  row: Reviewed,
  step: ReviewStep,
  input: { version: number; reason?: string },
  actorId: string,
  now = new Date(),
): void {
  if (input.version !== row.version) throw conflict();
  const rule = STEPS[step];
  if (!(rule.from as readonly ResultStatusName[]).includes(row.status)) throw conflict('result.wrongState');
  const reason = input.reason?.trim();
  if ((step === 'return' || step === 'reopen') && !reason) {
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'result.reasonRequired');
  }
  if (step === 'approve' && row.submittedBy === actorId) throw forbidden('access.selfApproval');

  row.status = rule.to;
  if (step === 'submit') Object.assign(row, { submittedBy: actorId, submittedAt: now, returnReason: null });
  if (step === 'approve') Object.assign(row, { approvedBy: actorId, approvedAt: now });
  if (step === 'return' || step === 'reopen')
    Object.assign(row, { returnReason: reason, approvedBy: null, approvedAt: null });
}
