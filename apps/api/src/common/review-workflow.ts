import { HttpStatus } from '@nestjs/common';
import type { ResultStatusName } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
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
  /** Kept from the first submission on: a resubmission after a return moves `submittedAt` only. */
  firstSubmittedAt: Date | null;
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
 * Who entered or changed an entry since it was last approved (or ever, if it never was), from the
 * audit trail: every write of the value leaves the row a draft and a submission leaves it submitted,
 * while returning and reopening (an approver's review, not an entry) leave it returned. The trail is
 * written in the same transaction as each change and the row is locked by the writer, so its order
 * is the row's order. Call it inside the transaction that locked the row.
 */
export async function editorsSinceApproval(m: EntityManager, table: string, id: string): Promise<string[]> {
  const rows: { user_id: string }[] = await m.query(
    `SELECT DISTINCT e.user_id FROM audit_event e
      WHERE e.entity = $1 AND e.entity_id = $2 AND e.user_id IS NOT NULL
        AND e.after->>'status' IN ('draft', 'submitted')
        AND e.id > COALESCE((SELECT max(a.id) FROM audit_event a
                              WHERE a.entity = $1 AND a.entity_id = $2 AND a.after->>'status' = 'approved'), 0)`,
    [table, id],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Moves an entry one step, checking the version read, the state, the reason that returning and
 * reopening need, and four eyes: the approver is neither the submitter nor anyone who entered or
 * changed the value since the last approval (`editors`, from `editorsSinceApproval`): otherwise an
 * approver could type a value, have an officer submit it, and approve it himself. The caller saves the row.
 */
export function applyReviewStep(
  row: Reviewed,
  step: ReviewStep,
  input: { version: number; reason?: string },
  actorId: string,
  now = new Date(),
  editors: readonly string[] = [],
): void {
  if (input.version !== row.version) throw conflict();
  const rule = STEPS[step];
  if (!(rule.from as readonly ResultStatusName[]).includes(row.status)) throw conflict('result.wrongState');
  const reason = input.reason?.trim();
  if ((step === 'return' || step === 'reopen') && !reason) {
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'result.reasonRequired');
  }
  if (step === 'approve' && row.submittedBy === actorId) throw forbidden('access.selfApproval');
  if (step === 'approve' && editors.includes(actorId)) throw forbidden('access.ownEntryApproval');

  row.status = rule.to;
  if (step === 'submit')
    Object.assign(row, { submittedBy: actorId, submittedAt: now, firstSubmittedAt: row.firstSubmittedAt ?? now, returnReason: null });
  if (step === 'approve') Object.assign(row, { approvedBy: actorId, approvedAt: now });
  if (step === 'return' || step === 'reopen')
    Object.assign(row, { returnReason: reason, approvedBy: null, approvedAt: null });
}
