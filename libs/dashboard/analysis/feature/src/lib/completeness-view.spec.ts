import type { CompletenessProvinceDto, ReportingCountsDto } from '@provdash/shared/contracts';
import { formatPercent as percent } from '@provdash/dashboard/scorecards/ui';
import { byCompleteness, completenessBand } from './completeness-view';

const counts = (due: number, reported: number, late = 0): ReportingCountsDto => ({
  due,
  reported,
  onTime: reported,
  late,
  approved: 0,
  returned: 0,
});
const province = (code: string, c: ReportingCountsDto): CompletenessProvinceDto => ({
  code,
  nameTh: code,
  nameEn: code,
  clusterCode: null,
  regionCode: 'central',
  counts: c,
});

describe('completeness view', () => {
  it.each([
    [counts(4, 4), 'full'],
    [counts(5, 4), 'most'], // 80 %
    [counts(100, 99), 'most'],
    [counts(4, 3), 'few'], // 75 %
    [counts(4, 0), 'few'],
    [counts(0, 0), 'none'],
  ] as const)('bands %o as %s', (c, band) => {
    expect(completenessBand(c)).toBe(band);
  });

  it("writes a rate with one decimal (the scorecards' format), a dash when nothing was due", () => {
    expect(percent(92.456)).toBe('92.5 %');
    expect(percent(100)).toBe('100.0 %');
    expect(percent(null)).toBe('–');
  });

  it('puts the least complete first, then the most late, provinces with nothing due last', () => {
    const rows = [
      province('50', counts(4, 4)),
      province('10', counts(0, 0)),
      province('52', counts(4, 2, 1)),
      province('51', counts(4, 2, 2)),
      province('53', counts(4, 1)),
    ];
    expect([...rows].sort(byCompleteness).map((p) => p.code)).toEqual(['53', '51', '52', '50', '10']);
  });
});
