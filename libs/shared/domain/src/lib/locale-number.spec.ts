import { localeNumberOrNull, NUMBER_SEPARATORS, parseLocaleNumber } from './locale-number';

describe('parseLocaleNumber', () => {
  describe.each(['th', 'en'] as const)('locale %s', (locale) => {
    it.each([
      ['0', '0'],
      ['123', '123'],
      ['1234', '1234'],
      ['1,234', '1234'],
      ['12,345', '12345'],
      ['123,456', '123456'],
      ['1,234,567', '1234567'],
      ['1234567.891', '1234567.891'],
      ['1,234,567.891', '1234567.891'],
      ['968.65', '968.65'],
      ['0.5', '0.5'],
      ['.5', '0.5'],
      ['007.50', '7.5'],
      ['1.000', '1'],
      ['-12.5', '-12.5'],
      ['−12.5', '-12.5'],
      ['+12.5', '12.5'],
      ['-0', '0'],
      ['-0.00', '0'],
      ['-1,000', '-1000'],
      ['  42  ', '42'],
      ['๑,๒๓๔.๕', '1234.5'],
      ['๙๘', '98'],
    ])('reads %p as %p', (text, value) => {
      expect(parseLocaleNumber(text, locale)).toEqual({ ok: true, value });
    });

    it.each([
      // The report: 1,2,3 was saved as 123.
      ['1,2,3', 'grouping'],
      ['1,23', 'grouping'],
      ['12,34', 'grouping'],
      ['1,2345', 'grouping'],
      ['1234,567', 'grouping'],
      ['1,234,56', 'grouping'],
      ['12,34,567', 'grouping'], // Indian lakh grouping
      ['0,500', 'grouping'],
      ['1,5', 'grouping'], // a European decimal comma
      ['1.234,5', 'grouping'],
      ['1.234.567', 'grouping'],
      [',123', 'grouping'],
      ['1,', 'grouping'],
      ['1,,234', 'grouping'],
      ['1,234.5,6', 'grouping'],
      ['1.234,567', 'grouping'],
    ])('refuses %p (%s)', (text, error) => {
      expect(parseLocaleNumber(text, locale)).toEqual({ ok: false, error });
    });

    it.each([
      ['abc'],
      ['12a'],
      ['1e5'],
      ['1e-7'],
      ['1 234'],
      ['1\u00a0234'],
      ['--1'],
      ['+-1'],
      ['-'],
      ['.'],
      ['5.'],
      ['0x10'],
      ['Infinity'],
      ['NaN'],
      ['12%'],
      ['฿100'],
    ])('refuses %p as not a number', (text) => {
      expect(parseLocaleNumber(text, locale)).toEqual({ ok: false, error: 'notANumber' });
    });
  });

  it.each([[''], ['   '], [null], [undefined]])('calls %p empty', (text) => {
    expect(parseLocaleNumber(text)).toEqual({ ok: false, error: 'empty' });
  });

  it('defaults to Thai, which groups like English', () => {
    expect(NUMBER_SEPARATORS.th).toEqual(NUMBER_SEPARATORS.en);
    expect(parseLocaleNumber('1,234.5')).toEqual({ ok: true, value: '1234.5' });
  });

  it('agrees with Intl.NumberFormat for both locales', () => {
    for (const [locale, tag] of [
      ['th', 'th-TH'],
      ['en', 'en'],
    ] as const) {
      for (const n of [0, 7, 1234, 1234567.891, -98765.4321, 1000000]) {
        const text = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 }).format(n);
        expect(parseLocaleNumber(text, locale)).toEqual({ ok: true, value: String(n) });
      }
    }
  });

  it('limits decimals and integer digits when asked', () => {
    const limits = { maxFractionDigits: 6, maxIntegerDigits: 15 };
    expect(parseLocaleNumber('0.123456', 'th', limits)).toEqual({ ok: true, value: '0.123456' });
    expect(parseLocaleNumber('0.1234560', 'th', limits)).toEqual({ ok: true, value: '0.123456' });
    expect(parseLocaleNumber('0.1234567', 'th', limits)).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(parseLocaleNumber('999,999,999,999,999', 'th', limits)).toEqual({ ok: true, value: '999999999999999' });
    expect(parseLocaleNumber('1,000,000,000,000,000', 'th', limits)).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseLocaleNumber('0000000000000000001', 'th', limits)).toEqual({ ok: true, value: '1' });
  });

  it('takes finite JSON numbers as they print, and refuses the rest', () => {
    expect(parseLocaleNumber(12.5)).toEqual({ ok: true, value: '12.5' });
    expect(parseLocaleNumber(-0)).toEqual({ ok: true, value: '0' });
    expect(parseLocaleNumber(1e-7)).toEqual({ ok: false, error: 'notANumber' });
    expect(parseLocaleNumber(1e21)).toEqual({ ok: false, error: 'notANumber' });
    expect(parseLocaleNumber(Number.NaN)).toEqual({ ok: false, error: 'notANumber' });
    expect(parseLocaleNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'notANumber' });
  });
});

describe('localeNumberOrNull', () => {
  it('gives the value or null', () => {
    expect(localeNumberOrNull('1,234')).toBe('1234');
    expect(localeNumberOrNull('1,2,3')).toBeNull();
    expect(localeNumberOrNull('')).toBeNull();
    expect(localeNumberOrNull('1.5', 'en', { maxFractionDigits: 0 })).toBeNull();
  });
});
