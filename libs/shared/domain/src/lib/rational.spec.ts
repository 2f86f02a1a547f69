import {
  add,
  compare,
  decimalPlaces,
  div,
  formatDecimal,
  fromInteger,
  mul,
  parseDecimal,
  rational,
  roundDecimal,
  roundScaled,
  sign,
  sub,
  sum,
  toFixedString,
  toNumber,
} from './rational';

describe('rational', () => {
  describe('rational()', () => {
    it.each([
      [2n, 4n, 1n, 2n],
      [-2n, 4n, -1n, 2n],
      [2n, -4n, -1n, 2n],
      [-2n, -4n, 1n, 2n],
      [0n, 5n, 0n, 1n],
    ])('%s/%s reduces to %s/%s', (num, den, expectedNum, expectedDen) => {
      expect(rational(num, den)).toEqual({
        num: expectedNum,
        den: expectedDen,
      });
    });

    it('refuses a zero denominator', () => {
      expect(() => rational(1n, 0n)).toThrow(RangeError);
    });
  });

  describe('parseDecimal', () => {
    it.each<[number | string, bigint, bigint]>([
      [0.1, 1n, 10n],
      [0.2, 1n, 5n],
      [72.3, 723n, 10n],
      [-3.5, -7n, 2n],
      [100, 100n, 1n],
      [-0, 0n, 1n],
      [1e21, 10n ** 21n, 1n],
      [1e-7, 1n, 10n ** 7n],
      ['1234.50', 2469n, 2n],
      [' 12 ', 12n, 1n],
      ['.5', 1n, 2n],
      ['5.', 5n, 1n],
      ['+2.5e2', 250n, 1n],
      ['-1.5E-1', -3n, 20n],
    ])('%j → %s/%s', (value, num, den) => {
      expect(parseDecimal(value)).toEqual({ num, den });
    });

    it.each<number | string>([Number.NaN, Number.POSITIVE_INFINITY, '', 'abc', '1,000', '1.2.3', '--1'])(
      'refuses %j',
      (value) => {
        expect(() => parseDecimal(value)).toThrow(RangeError);
      },
    );
  });

  describe('decimalPlaces', () => {
    it.each<[number | string, number]>([
      [100, 0],
      [0.5, 1],
      [0.25, 2],
      [0.05, 2],
      [0.04, 2],
      [0.125, 3],
      [10.005, 3],
      [1e-7, 7],
      ['33.330', 2],
    ])('%j has %i decimals', (value, places) => {
      expect(decimalPlaces(value)).toBe(places);
    });
  });

  describe('arithmetic', () => {
    const tenth = parseDecimal(0.1);
    const fifth = parseDecimal(0.2);

    it('adds 0.1 + 0.2 to exactly 0.3', () => {
      expect(add(tenth, fifth)).toEqual(parseDecimal(0.3));
      expect(toNumber(add(tenth, fifth))).toBe(0.3);
    });

    it('subtracts, multiplies and divides exactly', () => {
      expect(sub(parseDecimal(72.3), fromInteger(70))).toEqual(parseDecimal(2.3));
      expect(mul(parseDecimal(0.57), fromInteger(100))).toEqual(fromInteger(57));
      expect(div(fromInteger(1), fromInteger(3))).toEqual({ num: 1n, den: 3n });
    });

    it('refuses division by zero', () => {
      expect(() => div(fromInteger(1), fromInteger(0))).toThrow(RangeError);
    });

    it('sums a list, empty to zero', () => {
      expect(sum([tenth, fifth, tenth])).toEqual(parseDecimal(0.4));
      expect(sum([])).toEqual(fromInteger(0));
    });

    it('compares and signs', () => {
      expect(compare(div(fromInteger(1), fromInteger(3)), parseDecimal(0.3333))).toBe(1);
      expect(compare(parseDecimal(0.3), add(tenth, fifth))).toBe(0);
      expect(compare(parseDecimal(-1), fromInteger(0))).toBe(-1);
      expect([sign(parseDecimal(-2)), sign(fromInteger(0)), sign(tenth)]).toEqual([-1, 0, 1]);
    });

    it('refuses integers that are not safe', () => {
      expect(() => fromInteger(0.5)).toThrow(RangeError);
      expect(() => fromInteger(2 ** 60)).toThrow(RangeError);
    });
  });

  describe('toNumber', () => {
    it('is exact-then-rounded for safe parts', () => {
      expect(toNumber(rational(57n, 100n))).toBe(0.57);
      expect(toNumber(rational(2n, 3n))).toBe(2 / 3);
    });

    it('handles parts beyond 2^53 through a decimal string', () => {
      const big = rational(10n ** 30n + 1n, 10n ** 20n);
      expect(toNumber(big)).toBe(1e10);
      expect(toNumber(rational(-(10n ** 40n), 3n * 10n ** 30n))).toBeCloseTo(-3333333333.3333335, 4);
    });
  });

  describe('rounding half away from zero', () => {
    it.each<[number | string, number, bigint]>([
      [2.5, 0, 3n],
      [-2.5, 0, -3n],
      [2.4999, 0, 2n],
      [1.005, 2, 101n],
      [-1.005, 2, -101n],
      [3.76505, 4, 37651n],
      [3.76504999, 4, 37650n],
      [0, 4, 0n],
    ])('roundScaled(%j, %i) = %s', (value, digits, expected) => {
      expect(roundScaled(parseDecimal(value), digits)).toBe(expected);
    });

    it.each<[number | string, number, string]>([
      [3.765, 4, '3.7650'],
      [1.005, 2, '1.01'],
      [-0.125, 2, '-0.13'],
      [-0.00004, 4, '0.0000'],
      [0.5, 0, '1'],
      [5, 4, '5.0000'],
      ['0.00005', 4, '0.0001'],
    ])('formatDecimal(%j, %i) = %s', (value, digits, expected) => {
      expect(formatDecimal(value, digits)).toBe(expected);
    });

    it('formats repeating fractions', () => {
      expect(toFixedString(div(fromInteger(2), fromInteger(3)), 4)).toBe('0.6667');
      expect(toFixedString(div(fromInteger(-1), fromInteger(3)), 4)).toBe('-0.3333');
    });

    it.each<[number, number, number]>([
      [1.005, 2, 1.01],
      [45.675, 2, 45.68],
      [-45.675, 2, -45.68],
      [61.7283945, 2, 61.73],
    ])('roundDecimal(%d, %i) = %d', (value, digits, expected) => {
      expect(roundDecimal(value, digits)).toBe(expected);
    });

    it('refuses a bad number of decimals', () => {
      expect(() => formatDecimal(1, -1)).toThrow(RangeError);
      expect(() => formatDecimal(1, 1.5)).toThrow(RangeError);
    });
  });
});
