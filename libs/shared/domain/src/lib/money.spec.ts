import { BahtAmount, formatSatang, parseBahtToSatang, sumSatang } from './money';

describe('money', () => {
  describe('parseBahtToSatang', () => {
    it.each<[BahtAmount, bigint]>([
      ['1234.56', 123456n],
      ['1,234,567.89', 123456789n],
      ['99,999,999,999,999.99', 9999999999999999n],
      ['0.5', 50n],
      ['0.05', 5n],
      ['12.30', 1230n],
      ['  12.30 ', 1230n],
      ['-500', -50000n],
      ['-1,000.10', -100010n],
      ['0', 0n],
      [1234.5, 123450n],
      [0.1, 10n],
      [0.07, 7n],
      [-0, 0n],
      [1e9, 100000000000n],
    ])('%j → %s satang', (amount, satang) => {
      expect(parseBahtToSatang(amount)).toBe(satang);
    });

    it.each<BahtAmount>(['10.005', 10.005, '1,23.00', '1,2345.00', ',100', 'abc', '', '1.2.3', Number.NaN, Infinity])(
      'refuses %j',
      (amount) => {
        expect(() => parseBahtToSatang(amount)).toThrow(RangeError);
      },
    );

    it('refuses a floating-point artefact rather than rounding it away', () => {
      expect(() => parseBahtToSatang(0.1 + 0.2)).toThrow(/more than two decimals/);
    });
  });

  describe('sumSatang', () => {
    it.each<[BahtAmount[], bigint]>([
      [[0.1, 0.2], 30n],
      [['1,000.10', '2,000.20'], 300030n],
      [['99,999,999,999,999.99', '99,999,999,999,999.99'], 19999999999999998n],
      [['100.00', '-100.00'], 0n],
      [[], 0n],
    ])('%j → %s', (amounts, total) => {
      expect(sumSatang(amounts)).toBe(total);
    });
  });

  describe('formatSatang', () => {
    it.each<[bigint, string]>([
      [123456n, '1234.56'],
      [123450n, '1234.50'],
      [5n, '0.05'],
      [50n, '0.50'],
      [0n, '0.00'],
      [-5n, '-0.05'],
      [-123456n, '-1234.56'],
      [19999999999999998n, '199999999999999.98'],
    ])('%s → %s', (satang, text) => {
      expect(formatSatang(satang)).toBe(text);
    });

    it('round-trips with parseBahtToSatang', () => {
      for (const text of ['0.01', '1234567.89', '-42.00']) {
        expect(formatSatang(parseBahtToSatang(text))).toBe(text);
      }
    });
  });
});
