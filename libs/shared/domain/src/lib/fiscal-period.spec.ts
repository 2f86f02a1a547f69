import {
  Frequency,
  beToGregorian,
  comparePeriods,
  fiscalYearOf,
  fiscalYearRange,
  formatDateLabel,
  formatPeriod,
  fractionOfYearElapsed,
  isFrequency,
  isPeriodDue,
  latestDuePeriod,
  parsePeriod,
  periodContaining,
  periodEndsOnOrBefore,
  periodLabel,
  periodLabelEn,
  periodLabelTh,
  periodRange,
  periodsDueBy,
  periodsOfYear,
  periodsPerYear,
  gregorianToBe,
  toFiscalPeriod,
} from './fiscal-period';

describe('fiscal-period', () => {
  describe('Buddhist-Era conversion', () => {
    it.each([
      [2569, 2026],
      [2568, 2025],
      [2543, 2000],
      [2443, 1900],
    ])('B.E. %i = %i C.E.', (be, gregorian) => {
      expect(beToGregorian(be)).toBe(gregorian);
      expect(gregorianToBe(gregorian)).toBe(be);
    });

    it('refuses fractional years', () => {
      expect(() => beToGregorian(2569.5)).toThrow(RangeError);
      expect(() => gregorianToBe(2025.1)).toThrow(RangeError);
    });
  });

  describe('fiscalYearOf', () => {
    it.each<[string | Date, number]>([
      ['2025-09-30', 2568],
      ['2025-10-01', 2569],
      ['2025-12-31', 2569],
      ['2026-01-01', 2569],
      ['2026-09-30', 2569],
      ['2026-10-01', 2570],
      ['2024-02-29', 2567],
      ['1999-10-01', 2543],
      ['2000-09-30', 2543],
      [new Date('2025-10-01T00:00:00Z'), 2569],
      [new Date('2025-09-30T23:59:59Z'), 2568],
    ])('%s is in FY %i', (date, fiscalYear) => {
      expect(fiscalYearOf(date)).toBe(fiscalYear);
    });

    it('refuses timestamps whose calendar day depends on a time zone', () => {
      expect(() => fiscalYearOf('2025-10-01T00:00:00+07:00')).toThrow(RangeError);
    });
  });

  describe('fiscalYearRange', () => {
    it.each([
      [2569, '2025-10-01', '2026-09-30'],
      [2568, '2024-10-01', '2025-09-30'],
      [2565, '2021-10-01', '2022-09-30'],
      [2543, '1999-10-01', '2000-09-30'],
    ])('FY %i runs %s … %s', (fiscalYear, start, end) => {
      expect(fiscalYearRange(fiscalYear)).toEqual({ start, end });
    });

    it.each([2025, 2569.5, 3000, 2399])('refuses %d (a Gregorian or impossible year)', (fiscalYear) => {
      expect(() => fiscalYearRange(fiscalYear)).toThrow(RangeError);
    });
  });

  describe('parsePeriod / formatPeriod', () => {
    it.each<[string, Frequency, number]>([
      ['2569-M01', 'monthly', 1],
      ['2569-M12', 'monthly', 12],
      ['2569-Q1', 'quarterly', 1],
      ['2569-Q4', 'quarterly', 4],
      ['2569-H1', 'half_yearly', 1],
      ['2569-H2', 'half_yearly', 2],
      ['2569', 'yearly', 1],
    ])('%s ↔ %s #%i', (key, frequency, index) => {
      expect(parsePeriod(key)).toEqual({ fiscalYear: 2569, frequency, index });
      expect(formatPeriod({ fiscalYear: 2569, frequency, index })).toBe(key);
    });

    it.each([
      '2569-M00',
      '2569-M13',
      '2569-M1',
      '2569-Q0',
      '2569-Q5',
      '2569-Q01',
      '2569-H0',
      '2569-H3',
      '2569-Y1',
      '2569-m01',
      '2569-',
      ' 2569',
      '2025-M01',
      '256',
      '',
    ])('%j is not a period key', (key) => {
      expect(parsePeriod(key)).toBeNull();
      expect(() => toFiscalPeriod(key)).toThrow(RangeError);
    });

    it('refuses invalid period objects', () => {
      expect(() => formatPeriod({ fiscalYear: 2569, frequency: 'quarterly', index: 5 })).toThrow(RangeError);
      expect(() =>
        formatPeriod({
          fiscalYear: 2569,
          frequency: 'weekly' as Frequency,
          index: 1,
        }),
      ).toThrow(RangeError);
    });

    it('round-trips every period of a year', () => {
      for (const frequency of ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const) {
        for (const key of periodsOfYear(2569, frequency)) {
          expect(formatPeriod(toFiscalPeriod(key))).toBe(key);
        }
      }
    });
  });

  describe('periodRange', () => {
    it.each([
      ['2569-M01', '2025-10-01', '2025-10-31'],
      ['2569-M02', '2025-11-01', '2025-11-30'],
      ['2569-M03', '2025-12-01', '2025-12-31'],
      ['2569-M04', '2026-01-01', '2026-01-31'],
      ['2569-M05', '2026-02-01', '2026-02-28'],
      ['2569-M12', '2026-09-01', '2026-09-30'],
      ['2567-M05', '2024-02-01', '2024-02-29'],
      ['2543-M05', '2000-02-01', '2000-02-29'],
      ['2443-M05', '1900-02-01', '1900-02-28'],
      ['2569-Q1', '2025-10-01', '2025-12-31'],
      ['2569-Q2', '2026-01-01', '2026-03-31'],
      ['2569-Q3', '2026-04-01', '2026-06-30'],
      ['2569-Q4', '2026-07-01', '2026-09-30'],
      ['2569-H1', '2025-10-01', '2026-03-31'],
      ['2569-H2', '2026-04-01', '2026-09-30'],
      ['2569', '2025-10-01', '2026-09-30'],
      ['2565-Q3', '2022-04-01', '2022-06-30'],
    ])('%s covers %s … %s', (key, start, end) => {
      expect(periodRange(key)).toEqual({ start, end });
    });

    it('accepts a parsed period', () => {
      expect(periodRange({ fiscalYear: 2569, frequency: 'quarterly', index: 1 })).toEqual({
        start: '2025-10-01',
        end: '2025-12-31',
      });
    });
  });

  describe('periodsOfYear', () => {
    it.each<[Frequency, number]>([
      ['monthly', 12],
      ['quarterly', 4],
      ['half_yearly', 2],
      ['yearly', 1],
    ])('%s has %i periods', (frequency, count) => {
      expect(periodsPerYear(frequency)).toBe(count);
      expect(periodsOfYear(2569, frequency)).toHaveLength(count);
    });

    it('lists keys in order', () => {
      expect(periodsOfYear(2569, 'quarterly')).toEqual(['2569-Q1', '2569-Q2', '2569-Q3', '2569-Q4']);
      expect(periodsOfYear(2569, 'half_yearly')).toEqual(['2569-H1', '2569-H2']);
      expect(periodsOfYear(2569, 'yearly')).toEqual(['2569']);
      expect(periodsOfYear(2569, 'monthly')[0]).toBe('2569-M01');
      expect(periodsOfYear(2569, 'monthly')[11]).toBe('2569-M12');
    });

    it('refuses an unknown frequency and a Gregorian year', () => {
      expect(() => periodsOfYear(2569, 'weekly' as Frequency)).toThrow(RangeError);
      expect(() => periodsOfYear(2026, 'monthly')).toThrow(RangeError);
    });

    it('recognises frequencies', () => {
      expect(isFrequency('half_yearly')).toBe(true);
      expect(isFrequency('weekly')).toBe(false);
      expect(isFrequency(3)).toBe(false);
    });
  });

  describe('periodContaining', () => {
    it.each<[string, Frequency, string]>([
      ['2025-10-01', 'monthly', '2569-M01'],
      ['2025-09-30', 'monthly', '2568-M12'],
      ['2025-12-31', 'monthly', '2569-M03'],
      ['2026-01-01', 'monthly', '2569-M04'],
      ['2024-02-29', 'monthly', '2567-M05'],
      ['2025-12-31', 'quarterly', '2569-Q1'],
      ['2026-01-15', 'quarterly', '2569-Q2'],
      ['2026-07-01', 'quarterly', '2569-Q4'],
      ['2026-03-31', 'half_yearly', '2569-H1'],
      ['2026-04-01', 'half_yearly', '2569-H2'],
      ['2026-09-30', 'yearly', '2569'],
      ['2026-10-01', 'yearly', '2570'],
    ])('%s, %s → %s', (date, frequency, key) => {
      expect(periodContaining(date, frequency)).toBe(key);
    });
  });

  describe('isPeriodDue / periodEndsOnOrBefore', () => {
    it.each([
      ['2569-M01', '2025-10-31', false, true],
      ['2569-M01', '2025-11-01', true, true],
      ['2569-M01', '2025-10-30', false, false],
      ['2569-Q1', '2025-12-31', false, true],
      ['2569-Q1', '2026-01-01', true, true],
      ['2569-H1', '2026-04-01', true, true],
      ['2569', '2026-09-30', false, true],
      ['2569', '2026-10-01', true, true],
      ['2567-M05', '2024-02-29', false, true],
      ['2567-M05', '2024-03-01', true, true],
      ['2569-M01', '2024-01-01', false, false],
    ])('%s as of %s: due %s, ended by end of day %s', (key, asOf, due, ended) => {
      expect(isPeriodDue(key, asOf)).toBe(due);
      expect(periodEndsOnOrBefore(key, asOf)).toBe(ended);
    });
  });

  describe('periodsDueBy / latestDuePeriod / fractionOfYearElapsed', () => {
    it.each<[Frequency, string, string[], number]>([
      ['monthly', '2024-01-01', [], 0],
      ['monthly', '2025-10-31', [], 0],
      ['monthly', '2025-11-01', ['2569-M01'], 1 / 12],
      ['monthly', '2025-11-15', ['2569-M01'], 1 / 12],
      ['monthly', '2026-01-01', ['2569-M01', '2569-M02', '2569-M03'], 0.25],
      ['quarterly', '2026-03-31', ['2569-Q1'], 0.25],
      ['quarterly', '2026-04-01', ['2569-Q1', '2569-Q2'], 0.5],
      ['half_yearly', '2026-03-31', [], 0],
      ['half_yearly', '2026-04-01', ['2569-H1'], 0.5],
      ['yearly', '2026-09-30', [], 0],
      ['yearly', '2026-10-01', ['2569'], 1],
    ])('FY 2569 %s as of %s', (frequency, asOf, due, fraction) => {
      expect(periodsDueBy(2569, frequency, asOf)).toEqual(due);
      expect(latestDuePeriod(2569, frequency, asOf)).toBe(due.length > 0 ? due[due.length - 1] : null);
      expect(fractionOfYearElapsed(2569, frequency, asOf)).toBe(fraction);
    });

    it('counts all twelve months once the year is over', () => {
      expect(periodsDueBy(2569, 'monthly', '2027-05-01')).toEqual(periodsOfYear(2569, 'monthly'));
      expect(fractionOfYearElapsed(2569, 'monthly', '2027-05-01')).toBe(1);
    });

    it('pro-rates by whole periods: 6 of 12 months on 1 April', () => {
      expect(fractionOfYearElapsed(2569, 'monthly', '2026-04-01')).toBe(0.5);
    });
  });

  describe('comparePeriods', () => {
    it('sorts mixed periods by end, then start', () => {
      const keys = ['2569', '2569-M12', '2569-Q1', '2569-M01', '2569-H1', '2568-Q4', '2569-Q4', '2569-M03'];
      expect([...keys].sort(comparePeriods)).toEqual([
        '2568-Q4',
        '2569-M01',
        '2569-Q1',
        '2569-M03',
        '2569-H1',
        '2569',
        '2569-Q4',
        '2569-M12',
      ]);
    });

    it('is 0 for the same period', () => {
      expect(
        comparePeriods('2569-Q2', {
          fiscalYear: 2569,
          frequency: 'quarterly',
          index: 2,
        }),
      ).toBe(0);
    });
  });

  describe('labels', () => {
    it.each([
      ['2569-M01', 'ต.ค. 2568', 'Oct 2025'],
      ['2569-M02', 'พ.ย. 2568', 'Nov 2025'],
      ['2569-M03', 'ธ.ค. 2568', 'Dec 2025'],
      ['2569-M04', 'ม.ค. 2569', 'Jan 2026'],
      ['2569-M05', 'ก.พ. 2569', 'Feb 2026'],
      ['2569-M06', 'มี.ค. 2569', 'Mar 2026'],
      ['2569-M07', 'เม.ย. 2569', 'Apr 2026'],
      ['2569-M08', 'พ.ค. 2569', 'May 2026'],
      ['2569-M09', 'มิ.ย. 2569', 'Jun 2026'],
      ['2569-M10', 'ก.ค. 2569', 'Jul 2026'],
      ['2569-M11', 'ส.ค. 2569', 'Aug 2026'],
      ['2569-M12', 'ก.ย. 2569', 'Sep 2026'],
      ['2569-Q1', 'ไตรมาส 1/2569', 'Q1 FY2569'],
      ['2569-Q4', 'ไตรมาส 4/2569', 'Q4 FY2569'],
      ['2569-H1', 'ครึ่งปีแรก 2569', 'H1 FY2569'],
      ['2569-H2', 'ครึ่งปีหลัง 2569', 'H2 FY2569'],
      ['2569', 'ปีงบประมาณ 2569', 'FY2569'],
    ])('%s → %s / %s', (key, th, en) => {
      expect(periodLabelTh(key)).toBe(th);
      expect(periodLabelEn(key)).toBe(en);
      expect(periodLabel(key)).toBe(th);
      expect(periodLabel(key, 'th')).toBe(th);
      expect(periodLabel(key, 'en')).toBe(en);
    });

    it.each([
      ['2025-10-01', '1 ต.ค. 2568', '1 Oct 2025'],
      ['2024-02-29', '29 ก.พ. 2567', '29 Feb 2024'],
      ['2026-09-30', '30 ก.ย. 2569', '30 Sep 2026'],
    ])('date %s → %s / %s', (date, th, en) => {
      expect(formatDateLabel(date)).toBe(th);
      expect(formatDateLabel(date, 'en')).toBe(en);
    });
  });
});
