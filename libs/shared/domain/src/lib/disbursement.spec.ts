import { BahtAmount } from './money';
import {
  FiscalQuarter,
  QuarterlyTargets,
  RateRow,
  committedRate,
  compareWithTarget,
  disbursementRate,
  disbursementTargetAsOf,
  gapPercentagePoints,
  rankByRate,
  rateFromSatang,
  validateQuarterlyTargets,
} from './disbursement';

/**
 * FY 2565 (1 Oct 2021 – 30 Sep 2022). Q3 is as quoted in DESIGN.md (72 % overall, 46 % capital);
 * the other quarters are test values, not a Cabinet resolution.
 */
const overall2565: QuarterlyTargets = { Q1: 30, Q2: 52, Q3: 72, Q4: 100 };
const capital2565: QuarterlyTargets = { Q1: 20, Q2: 35, Q3: 46, Q4: 75 };

describe('disbursement', () => {
  describe('disbursementRate', () => {
    it.each<[BahtAmount, BahtAmount, number | null]>([
      ['720,000.00', '1,000,000.00', 72],
      ['1,234,567.89', '2,000,000.00', 61.73],
      ['1', '3', 33.33],
      ['2', '3', 66.67],
      ['182,700,000.00', '400,000,000.00', 45.68],
      ['0.01', '8', 0.13],
      ['1.25', '10000', 0.01],
      ['0', '100', 0],
      ['1,100.00', '1,000.00', 110],
      ['-50.00', '1,000.00', -5],
      ['100', '0', null],
      ['0', '0.00', null],
      [720000, 1000000, 72],
    ])('%j of %j → %s %', (disbursed, allocated, rate) => {
      expect(disbursementRate(disbursed, allocated)).toBe(rate);
    });

    it('rounds the exact midpoint 45.675 up, where toFixed gives 45.67', () => {
      expect(((182_700_000 / 400_000_000) * 100).toFixed(2)).toBe('45.67');
      expect(disbursementRate('182700000.00', '400000000.00')).toBe(45.68);
    });

    it('refuses amounts with more than two decimals', () => {
      expect(() => disbursementRate('1.001', '10')).toThrow(RangeError);
    });
  });

  describe('committedRate', () => {
    it.each<[BahtAmount, BahtAmount, number | null]>([
      ['60,000,000.00', '400,000,000.00', 15],
      ['1', '6', 16.67],
      ['5', '0', null],
    ])('%j of %j → %s %', (committed, allocated, rate) => {
      expect(committedRate(committed, allocated)).toBe(rate);
    });
  });

  describe('rateFromSatang', () => {
    it('works on satang totals', () => {
      expect(rateFromSatang(91234567890n, 125000000000n)).toBe(72.99);
      expect(rateFromSatang(1n, 0n)).toBeNull();
    });
  });

  describe('disbursementTargetAsOf (step rule)', () => {
    it.each<[string, FiscalQuarter | null, number]>([
      ['2021-05-01', null, 0],
      ['2021-10-01', null, 0],
      ['2021-12-31', null, 0],
      ['2022-01-01', 'Q1', 30],
      ['2022-03-31', 'Q1', 30],
      ['2022-04-01', 'Q2', 52],
      ['2022-06-30', 'Q2', 52],
      ['2022-07-01', 'Q3', 72],
      ['2022-07-15', 'Q3', 72],
      ['2022-09-30', 'Q3', 72],
      ['2022-10-01', 'Q4', 100],
      ['2023-03-01', 'Q4', 100],
    ])('FY 2565 overall as of %s → %s, %i %', (asOf, quarter, target) => {
      expect(disbursementTargetAsOf(overall2565, 2565, asOf)).toEqual({
        quarter,
        target,
      });
    });

    it('reads the capital targets the same way', () => {
      expect(disbursementTargetAsOf(capital2565, 2565, '2022-07-15')).toEqual({
        quarter: 'Q3',
        target: 46,
      });
    });
  });

  describe('gapPercentagePoints', () => {
    it.each<[number | null, number, number | null]>([
      [45.67, 46, -0.33],
      [45.68, 46, -0.32],
      [72.99, 72, 0.99],
      [72, 72, 0],
      [0, 30, -30],
      [110, 100, 10],
      [null, 72, null],
    ])('%s − %d → %s', (rate, target, gap) => {
      expect(gapPercentagePoints(rate, target)).toBe(gap);
    });

    it('has no float artefact', () => {
      expect(45.67 - 46).not.toBe(-0.33);
    });
  });

  describe('compareWithTarget: FY 2565, as of 15 Jul 2022 (Q3 ended)', () => {
    it('overall: 912,345,678.90 of 1,250,000,000.00 = 72.99 %, 0.99 points ahead of 72 %', () => {
      expect(
        compareWithTarget({
          fiscalYear: 2565,
          asOf: '2022-07-15',
          allocated: '1,250,000,000.00',
          disbursed: '912,345,678.90',
          committed: '1,000,000,000.00',
          targets: overall2565,
        }),
      ).toEqual({
        rate: 72.99,
        committedRate: 80,
        targetQuarter: 'Q3',
        target: 72,
        gap: 0.99,
        onTarget: true,
      });
    });

    it('capital: 182,700,000.00 of 400,000,000.00 = 45.68 %, 0.32 points behind 46 %', () => {
      expect(
        compareWithTarget({
          fiscalYear: 2565,
          asOf: '2022-07-15',
          allocated: '400,000,000.00',
          disbursed: '182,700,000.00',
          committed: '60,000,000.00',
          targets: capital2565,
        }),
      ).toEqual({
        rate: 45.68,
        committedRate: 15,
        targetQuarter: 'Q3',
        target: 46,
        gap: -0.32,
        onTarget: false,
      });
    });

    it('exactly on target counts as on target', () => {
      const result = compareWithTarget({
        fiscalYear: 2565,
        asOf: '2022-07-15',
        allocated: '100.00',
        disbursed: '72.00',
        targets: overall2565,
      });
      expect(result).toMatchObject({
        rate: 72,
        gap: 0,
        onTarget: true,
        committedRate: null,
      });
    });

    it('nothing allocated: no rate, no gap', () => {
      const result = compareWithTarget({
        fiscalYear: 2565,
        asOf: '2022-07-15',
        allocated: 0,
        disbursed: 0,
        committed: 0,
        targets: overall2565,
      });
      expect(result).toEqual({
        rate: null,
        committedRate: null,
        targetQuarter: 'Q3',
        target: 72,
        gap: null,
        onTarget: null,
      });
    });

    it('before Q1 ends the target is 0', () => {
      const result = compareWithTarget({
        fiscalYear: 2565,
        asOf: '2021-11-15',
        allocated: '1000.00',
        disbursed: '50.00',
        targets: overall2565,
      });
      expect(result).toMatchObject({
        rate: 5,
        targetQuarter: null,
        target: 0,
        gap: 5,
        onTarget: true,
      });
    });
  });

  describe('rankByRate', () => {
    const ranks = (rows: RateRow[]): [string, number | null][] => rankByRate(rows).map((row) => [row.code, row.rank]);

    it.each<[string, RateRow[], [string, number | null][]]>([
      [
        '1, 2, 2, 4',
        [
          { code: 'A', rate: 90 },
          { code: 'B', rate: 80 },
          { code: 'C', rate: 80 },
          { code: 'D', rate: 70 },
        ],
        [
          ['A', 1],
          ['B', 2],
          ['C', 2],
          ['D', 4],
        ],
      ],
      [
        'tie at the top',
        [
          { code: 'B', rate: 80 },
          { code: 'A', rate: 80 },
          { code: 'C', rate: 70 },
        ],
        [
          ['A', 1],
          ['B', 1],
          ['C', 3],
        ],
      ],
      [
        'all equal',
        [
          { code: '30', rate: 50 },
          { code: '10', rate: 50 },
          { code: '20', rate: 50 },
        ],
        [
          ['10', 1],
          ['20', 1],
          ['30', 1],
        ],
      ],
      [
        'northern provinces (worked example)',
        [
          { code: '50', rate: 72.99 },
          { code: '57', rate: 75.1 },
          { code: '52', rate: 72.99 },
          { code: '58', rate: 68.4 },
          { code: '54', rate: 80.02 },
          { code: '56', rate: null },
        ],
        [
          ['54', 1],
          ['57', 2],
          ['50', 3],
          ['52', 3],
          ['58', 5],
          ['56', null],
        ],
      ],
      [
        'rows without a rate last, by code',
        [
          { code: '20', rate: null },
          { code: '10', rate: null },
          { code: '30', rate: 0 },
        ],
        [
          ['30', 1],
          ['10', null],
          ['20', null],
        ],
      ],
      [
        'negative rates rank below zero',
        [
          { code: 'A', rate: -5 },
          { code: 'B', rate: 0 },
        ],
        [
          ['B', 1],
          ['A', 2],
        ],
      ],
      ['empty', [], []],
    ])('%s', (_, rows, expected) => {
      expect(ranks(rows)).toEqual(expected);
    });

    it('keeps extra fields and does not modify the input', () => {
      const rows = [
        { code: '50', name: 'เชียงใหม่', rate: 70 },
        { code: '10', name: 'กรุงเทพมหานคร', rate: 80 },
      ];
      const copy = structuredClone(rows);
      expect(rankByRate(rows)).toEqual([
        { code: '10', name: 'กรุงเทพมหานคร', rate: 80, rank: 1 },
        { code: '50', name: 'เชียงใหม่', rate: 70, rank: 2 },
      ]);
      expect(rows).toEqual(copy);
    });

    it('refuses a non-finite rate', () => {
      expect(() => rankByRate([{ code: 'A', rate: Number.NaN }])).toThrow(RangeError);
    });
  });

  describe('validateQuarterlyTargets', () => {
    it.each<[QuarterlyTargets, unknown[]]>([
      [overall2565, []],
      [capital2565, []],
      [{ Q1: 0, Q2: 0, Q3: 0, Q4: 0 }, []],
      [{ Q1: 30, Q2: 25, Q3: 72, Q4: 100 }, [{ code: 'TARGETS_DECREASING', quarter: 'Q2' }]],
      [{ Q1: 30, Q2: 52, Q3: 72, Q4: 101 }, [{ code: 'TARGET_OUT_OF_RANGE', quarter: 'Q4' }]],
      [{ Q1: -1, Q2: 52, Q3: 72, Q4: 100 }, [{ code: 'TARGET_OUT_OF_RANGE', quarter: 'Q1' }]],
      [{ Q1: 30, Q2: Number.NaN, Q3: 72, Q4: 100 }, [{ code: 'TARGET_NOT_FINITE', quarter: 'Q2' }]],
    ])('%j → %j', (targets, errors) => {
      expect(validateQuarterlyTargets(targets)).toEqual(errors);
    });
  });
});
