import {
  addDays,
  bangkokDateOf,
  compareIsoDates,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toIsoDate,
} from './iso-date';

describe('iso-date', () => {
  describe('isLeapYear', () => {
    it.each([
      [2024, true],
      [2023, false],
      [2000, true],
      [1900, false],
      [2100, false],
      [2400, true],
    ])('%i → %s', (year, expected) => {
      expect(isLeapYear(year)).toBe(expected);
    });
  });

  describe('daysInMonth', () => {
    it.each([
      [2024, 2, 29],
      [2025, 2, 28],
      [2000, 2, 29],
      [1900, 2, 28],
      [2025, 1, 31],
      [2025, 4, 30],
      [2025, 6, 30],
      [2025, 9, 30],
      [2025, 10, 31],
      [2025, 11, 30],
      [2025, 12, 31],
    ])('%i-%i has %i days', (year, month, days) => {
      expect(daysInMonth(year, month)).toBe(days);
    });
  });

  describe('isIsoDate', () => {
    it.each([
      ['2025-10-01', true],
      ['2024-02-29', true],
      ['2025-02-29', false],
      ['1900-02-29', false],
      ['2025-13-01', false],
      ['2025-00-10', false],
      ['2025-04-31', false],
      ['2025-10-1', false],
      ['25-10-01', false],
      ['2025-10-01T00:00:00Z', false],
      ['', false],
    ])('%j → %s', (value, expected) => {
      expect(isIsoDate(value)).toBe(expected);
    });
  });

  describe('formatIsoDate', () => {
    it('zero-pads every part', () => {
      expect(formatIsoDate(987, 3, 5)).toBe('0987-03-05');
    });

    it.each([
      [2025, 2, 29],
      [2025, 13, 1],
      [0, 1, 1],
      [10000, 1, 1],
      [2025.5, 1, 1],
    ])('refuses %i-%i-%i', (year, month, day) => {
      expect(() => formatIsoDate(year, month, day)).toThrow(RangeError);
    });
  });

  describe('toIsoDate', () => {
    it('returns a valid date string unchanged', () => {
      expect(toIsoDate('2025-10-01')).toBe('2025-10-01');
    });

    it.each([
      [new Date('2025-10-01T00:00:00Z'), '2025-10-01'],
      [new Date('2025-09-30T23:59:59.999Z'), '2025-09-30'],
      [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    ])('reads a Date by its UTC calendar day: %s → %s', (date, expected) => {
      expect(toIsoDate(date)).toBe(expected);
    });

    it.each(['2025-10-01T00:00:00+07:00', '2025-02-29', 'yesterday'])('refuses %j', (value) => {
      expect(() => toIsoDate(value)).toThrow(RangeError);
    });

    it('refuses an invalid Date', () => {
      expect(() => toIsoDate(new Date('nope'))).toThrow(RangeError);
    });
  });

  describe('parseIsoDate', () => {
    it('splits a date into numbers', () => {
      expect(parseIsoDate('2026-09-30')).toEqual({
        year: 2026,
        month: 9,
        day: 30,
      });
    });
  });

  describe('bangkokDateOf', () => {
    // Bangkok is UTC+7: 17:00 UTC is midnight in Thailand.
    it.each([
      ['2025-09-30T16:59:59.999Z', '2025-09-30'],
      ['2025-09-30T17:00:00.000Z', '2025-10-01'],
      ['2025-10-01T00:00:00.000Z', '2025-10-01'],
      ['2024-02-28T17:00:00.000Z', '2024-02-29'],
    ])('%s → %s', (instant, expected) => {
      expect(bangkokDateOf(new Date(instant))).toBe(expected);
    });

    it('refuses an invalid Date', () => {
      expect(() => bangkokDateOf(new Date(Number.NaN))).toThrow(RangeError);
    });
  });

  describe('addDays', () => {
    it.each([
      ['2024-02-28', 1, '2024-02-29'],
      ['2024-02-29', 1, '2024-03-01'],
      ['2025-02-28', 1, '2025-03-01'],
      ['2025-12-31', 1, '2026-01-01'],
      ['2025-10-01', -1, '2025-09-30'],
      ['2025-10-01', 0, '2025-10-01'],
      ['2025-10-01', 365, '2026-10-01'],
      ['0050-01-01', 1, '0050-01-02'],
    ])('%s %+i days → %s', (date, days, expected) => {
      expect(addDays(date, days)).toBe(expected);
    });

    it('refuses fractional days', () => {
      expect(() => addDays('2025-10-01', 0.5)).toThrow(RangeError);
    });
  });

  describe('compareIsoDates', () => {
    it.each([
      ['2025-09-30', '2025-10-01', -1],
      ['2025-10-01', '2025-10-01', 0],
      ['2026-01-01', '2025-12-31', 1],
    ])('%s vs %s → %i', (a, b, expected) => {
      expect(compareIsoDates(a, b)).toBe(expected);
    });
  });
});
