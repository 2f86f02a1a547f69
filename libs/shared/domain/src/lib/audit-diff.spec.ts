import { auditChanges, auditValueText } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the fields an update changed, sorted, leaving out the version', () => {
    expect(
      auditChanges(
        { id: 'u1', role: 'province_officer', disabledAt: null, version: 1, displayName: 'A' },
        { id: 'u1', role: 'province_approver', disabledAt: '2026-12-06T00:00:00.000Z', version: 2, displayName: 'A' },
      ),
    ).toEqual([
      { field: 'disabledAt', before: null, after: '2026-12-06T00:00:00.000Z' },
      { field: 'role', before: 'province_officer', after: 'province_approver' },
    ]);
  });

  it('shows bookkeeping when nothing else changed, so a row is never empty', () => {
    expect(auditChanges({ id: 'x', version: 1 }, { id: 'x', version: 2 })).toEqual([
      { field: 'version', before: 1, after: 2 },
    ]);
  });

  it('gives every field of an insert (before undefined) and of a delete (after undefined)', () => {
    expect(auditChanges(null, { b: 2, a: 1 })).toEqual([
      { field: 'a', before: undefined, after: 1 },
      { field: 'b', before: undefined, after: 2 },
    ]);
    expect(auditChanges({ a: 1 }, null)).toEqual([{ field: 'a', before: 1, after: undefined }]);
  });

  it('compares objects and lists by value', () => {
    expect(auditChanges({ links: ['a'], n: { x: 1 } }, { links: ['a'], n: { x: 2 } })).toEqual([
      { field: 'n', before: { x: 1 }, after: { x: 2 } },
    ]);
  });

  it('nothing on either side: nothing changed', () => {
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe('auditValueText', () => {
  it('writes none as empty, objects as JSON and the rest as text', () => {
    expect(auditValueText(undefined)).toBe('');
    expect(auditValueText(null)).toBe('');
    expect(auditValueText({ a: [1] })).toBe('{"a":[1]}');
    expect(auditValueText(12.5)).toBe('12.5');
    expect(auditValueText(false)).toBe('false');
  });
});
