/** One field an audited change touched: its value before and after (undefined: the side did not have it). */
export interface AuditFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping every save moves; showing it as a change would hide the real ones. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt']);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields an audit row changed, in a stable order: for an update the fields whose value differs;
 * for an insert every field of the new row, for a delete every field of the old one (the other side
 * undefined). The version and timestamps are left out unless nothing else changed.
 */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditFieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const all = keys
    .filter((k) => !before || !after || !same(before[k], after[k]))
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }));
  const real = all.filter((c) => !BOOKKEEPING.has(c.field));
  return real.length > 0 ? real : all;
}

/** A value of the trail as one line of text: empty for none, JSON for objects and lists. */
export function auditValueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
