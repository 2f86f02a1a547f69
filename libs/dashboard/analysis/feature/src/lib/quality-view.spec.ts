import type { DataQualityDto, DataQualityFindingDto } from '@provdash/shared/contracts';
import { findingsTable, parseKind, provinceRows, provincesTable, referenceKey } from './quality-view';

type Row = DataQualityDto['provinces'][number];
const row = (code: string, outlier: number, near: number, changed: number, late: number): Row => ({
  code,
  nameTh: `จ.${code}`,
  nameEn: `P${code}`,
  counts: { outlier, near_limit: near, changed_after_approval: changed, late },
  total: outlier + near + changed + late,
});
const t = (key: string) => `[${key}]`;

describe('parseKind', () => {
  it('accepts the four kinds and nothing else', () => {
    expect(parseKind('late')).toBe('late');
    expect(parseKind('changed_after_approval')).toBe('changed_after_approval');
    expect(parseKind('LATE')).toBeNull();
    expect(parseKind('')).toBeNull();
    expect(parseKind(null)).toBeNull();
  });
});

describe('provinceRows', () => {
  const rows = [row('50', 0, 1, 0, 3), row('10', 2, 0, 0, 0), row('34', 0, 0, 0, 0), row('83', 1, 0, 1, 2)];
  it('puts the most findings first, then orders by code', () => {
    expect(provinceRows(rows, null).map((r) => r.code)).toEqual(['50', '83', '10', '34']);
  });
  it('with a kind, keeps only the provinces that have one, most first', () => {
    expect(provinceRows(rows, 'outlier').map((r) => r.code)).toEqual(['10', '83']);
    expect(provinceRows(rows, 'changed_after_approval').map((r) => r.code)).toEqual(['83']);
  });
  it('leaves its input in place', () => {
    provinceRows(rows, null);
    expect(rows[0].code).toBe('50');
  });
});

describe('referenceKey', () => {
  it('names the side for bounds and limits', () => {
    expect(referenceKey({ kind: 'outlier', side: 'min' })).toBe('outlier_min');
    expect(referenceKey({ kind: 'near_limit', side: 'max' })).toBe('near_limit_max');
    expect(referenceKey({ kind: 'late', side: null })).toBe('late');
    expect(referenceKey({ kind: 'changed_after_approval', side: null })).toBe('changed_after_approval');
  });
});

describe('export tables', () => {
  it('writes a province per row with a count per kind and the total', () => {
    const table = provincesTable([row('50', 0, 1, 0, 3)], t, (p) => p.nameTh, 2569);
    expect(table.header).toEqual([
      '[province]',
      '[kinds.outlier]',
      '[kinds.near_limit]',
      '[kinds.changed_after_approval]',
      '[kinds.late]',
      '[total]',
    ]);
    expect(table.rows).toEqual([['จ.50', 0, 1, 0, 3, 4]]);
    expect(table.sheet).toBe('[title] 2569');
  });

  it('writes figures as numbers, a late finding with its deadline, names in the language asked', () => {
    const base: DataQualityFindingDto = {
      kind: 'changed_after_approval',
      provinceCode: '50',
      provinceTh: 'เชียงใหม่',
      provinceEn: 'Chiang Mai',
      kpiId: 'k1',
      kpiCode: 'K2.1.1',
      kpiTh: 'อัตราป่วย',
      kpiEn: 'Incidence',
      unitTh: 'ต่อแสนประชากร',
      unitEn: 'per 100,000',
      period: '2570-M02',
      status: 'submitted',
      value: '12',
      reference: '10.5',
      side: null,
      by: 'ผู้อนุมัติ',
      on: '2026-12-07',
      note: 'ปรับตัวเลข',
    };
    const late: DataQualityFindingDto = {
      ...base,
      kind: 'late',
      reference: null,
      note: '2026-12-15',
      on: '2026-12-20',
    };
    const table = findingsTable([base, late], t, 'en', '50 2570');
    expect(table.header).toHaveLength(11);
    expect(table.rows[0]).toEqual([
      'Chiang Mai',
      '[kinds.changed_after_approval]',
      'K2.1.1',
      'Incidence',
      '2570-M02',
      '[statuses.submitted]',
      12,
      10.5,
      'ผู้อนุมัติ',
      '2026-12-07',
      'ปรับตัวเลข',
    ]);
    expect(table.rows[1].slice(6)).toEqual([12, '2026-12-15', 'ผู้อนุมัติ', '2026-12-20', null]);
    expect(findingsTable([base], t, 'th', 's').rows[0].slice(0, 4)).toEqual([
      'เชียงใหม่',
      '[kinds.changed_after_approval]',
      'K2.1.1',
      'อัตราป่วย',
    ]);
  });
});
