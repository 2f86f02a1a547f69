import { ApiError } from './api-error';
import { applyReviewStep, assertEditable, Reviewed, ReviewStep } from './review-workflow';

const entry = (over: Partial<Reviewed> = {}): Reviewed => ({
  status: 'draft',
  version: 3,
  returnReason: null,
  submittedBy: null,
  submittedAt: null,
  firstSubmittedAt: null,
  approvedBy: null,
  approvedAt: null,
  ...over,
});

const keyOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as ApiError).key;
  }
};

const NOW = new Date('2026-11-21T03:00:00Z');

describe('review workflow', () => {
  it.each<[string, Reviewed['status'], ReviewStep, Reviewed['status'] | string]>([
    ['submit a draft', 'draft', 'submit', 'submitted'],
    ['resubmit a returned entry', 'returned', 'submit', 'submitted'],
    ['approve a submission', 'submitted', 'approve', 'approved'],
    ['return a submission', 'submitted', 'return', 'returned'],
    ['reopen an approved entry', 'approved', 'reopen', 'returned'],
    ['approve a draft', 'draft', 'approve', 'result.wrongState'],
    ['submit an approved entry', 'approved', 'submit', 'result.wrongState'],
    ['reopen a submission', 'submitted', 'reopen', 'result.wrongState'],
  ])('%s', (_name, from, step, expected) => {
    const row = entry({ status: from, submittedBy: 'officer' });
    const error = keyOf(() => applyReviewStep(row, step, { version: 3, reason: 'เหตุผล' }, 'approver', NOW));
    expect(error ?? row.status).toBe(expected);
  });

  it('keeps the first submission when a returned entry is sent again: timeliness is judged by it', () => {
    const row = entry({ status: 'draft' });
    applyReviewStep(row, 'submit', { version: 3 }, 'officer', NOW);
    expect(row.firstSubmittedAt).toEqual(NOW);
    Object.assign(row, { status: 'returned' });
    const later = new Date('2026-12-02T03:00:00Z');
    applyReviewStep(row, 'submit', { version: 3 }, 'officer', later);
    expect(row.submittedAt).toEqual(later);
    expect(row.firstSubmittedAt).toEqual(NOW);
  });

  it('records who submitted and who approved, and clears the reason on resubmission', () => {
    const row = entry({ status: 'returned', returnReason: 'แก้ไข' });
    applyReviewStep(row, 'submit', { version: 3 }, 'officer', NOW);
    expect(row).toMatchObject({ submittedBy: 'officer', submittedAt: NOW, returnReason: null });
    applyReviewStep(row, 'approve', { version: 3 }, 'approver', NOW);
    expect(row).toMatchObject({ status: 'approved', approvedBy: 'approver', approvedAt: NOW });
    applyReviewStep(row, 'reopen', { version: 3, reason: '  ยอดไม่ครบ  ' }, 'approver', NOW);
    expect(row).toMatchObject({ status: 'returned', returnReason: 'ยอดไม่ครบ', approvedBy: null, approvedAt: null });
  });

  it('refuses a stale version, a missing reason and self-approval', () => {
    expect(keyOf(() => applyReviewStep(entry(), 'submit', { version: 2 }, 'a'))).toBe('conflict.version');
    const submitted = () => entry({ status: 'submitted', submittedBy: 'approver' });
    expect(keyOf(() => applyReviewStep(submitted(), 'return', { version: 3, reason: ' ' }, 'x'))).toBe(
      'result.reasonRequired',
    );
    expect(keyOf(() => applyReviewStep(submitted(), 'approve', { version: 3 }, 'approver'))).toBe(
      'access.selfApproval',
    );
  });

  it.each<[Reviewed['status'], number | 'any', string | null]>([
    ['draft', 3, null],
    ['returned', 3, null],
    ['draft', 2, 'conflict.version'],
    ['draft', 'any', null],
    ['approved', 'any', 'result.locked'],
    ['submitted', 3, 'result.wrongState'],
  ])('editing a %s entry with version %p: %p', (status, version, expected) => {
    expect(keyOf(() => assertEditable(entry({ status }), version))).toBe(expected);
  });
});

describe('four eyes', () => {
  it('refuses an approver who entered or changed the value since the last approval, even if another submitted it', () => {
    const row = () => entry({ status: 'submitted', submittedBy: 'officer' });
    expect(keyOf(() => applyReviewStep(row(), 'approve', { version: 3 }, 'approver', NOW, ['approver', 'officer']))).toBe(
      'access.ownEntryApproval',
    );
    const clean = row();
    applyReviewStep(clean, 'approve', { version: 3 }, 'approver', NOW, ['officer']);
    expect(clean.status).toBe('approved');
  });
});
