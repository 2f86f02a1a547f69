import type { AgreementVersionDto, AgreementVersionIndicatorDto } from '@provdash/shared/contracts';
import { editMode, versionRows } from './agreement-flow';

const ind = (code: string, weight: string, levels: string[]): AgreementVersionIndicatorDto => ({
  code,
  nameTh: `ตัวชี้วัด ${code}`,
  nameEn: `Indicator ${code}`,
  unitTh: 'ร้อยละ',
  unitEn: '%',
  direction: 'higher_better',
  kind: 'scale',
  weight,
  levels,
  kpiCode: null,
});
const v = (number: number, indicators: AgreementVersionIndicatorDto[]): AgreementVersionDto => ({
  number,
  madeAt: '2026-10-20T03:00:00.000Z',
  reason: number === 1 ? null : 'ปรับเกณฑ์',
  indicators,
});

describe('agreement flow view', () => {
  it('puts every version side by side and marks what changed from the version before', () => {
    const rows = versionRows([
      v(1, [ind('A1', '60.00', ['60', '65', '70', '75', '80']), ind('A2', '40.00', ['1', '2', '3', '4', '5'])]),
      v(2, [ind('A1', '60.00', ['62', '66', '70', '74', '78']), ind('A2', '40.00', ['1', '2', '3', '4', '5'])]),
    ]);
    expect(rows.map((r) => r.code)).toEqual(['A1', 'A2']);
    expect(rows[0].cells[0]).toMatchObject({ weightChanged: false, levelChanged: [false, false, false, false, false] });
    expect(rows[0].cells[1]).toMatchObject({
      weight: '60.00',
      weightChanged: false,
      levelChanged: [true, true, false, true, true],
    });
    expect(rows[1].cells[1].levelChanged.every((c) => !c)).toBe(true);
  });

  it('edits before proposing or once returned, amends once signed, and nothing while with the ministry or closed', () => {
    expect(editMode({ status: 'draft' })).toBe('edit');
    expect(editMode({ status: 'returned' })).toBe('edit');
    expect(editMode({ status: 'proposed' })).toBeNull();
    expect(editMode({ status: 'accepted' })).toBeNull();
    expect(editMode({ status: 'agreed' })).toBe('amend');
    expect(editMode({ status: 'evaluated_12' })).toBeNull();
  });
});
