import { addDays } from './iso-date';
import { BahtAmount } from './money';
import {
  DEFAULT_LAPSE_THRESHOLDS,
  LapseRiskLevel,
  TARGET_INTERPOLATIONS,
  TargetInterpolation,
  fiscalYearElapsedPercent,
  gapSatang,
  lapseRisk,
  targetAsOf,
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

describe('disbursement additions', () => {
  const t: QuarterlyTargets = { Q1: 30, Q2: 52, Q3: 75, Q4: 100 };

  describe('targetAsOf', () => {
    it.each<[string, TargetInterpolation, number]>([
      ['2021-09-30', 'step', 0],
      ['2021-09-30', 'linear', 0],
      ['2021-10-01', 'step', 0],
      // Q1 FY 2565 = 1 Oct – 31 Dec 2021, 92 days: day 1 → 30 × 1/92.
      ['2021-10-01', 'linear', 0.33],
      ['2021-11-15', 'linear', 15],
      ['2021-12-31', 'step', 0],
      ['2021-12-31', 'linear', 30],
      ['2022-01-01', 'step', 30],
      // Q2 = 1 Jan – 31 Mar 2022, 90 days: day 45 (14 Feb) → 30 + 22 × 45/90 = 41.
      ['2022-02-14', 'linear', 41],
      ['2022-02-14', 'step', 30],
      ['2022-03-31', 'linear', 52],
      // Q3 = 1 Apr – 30 Jun, 91 days; day 1 → 52 + 23/91 = 52.2527… → 52.25.
      ['2022-04-01', 'linear', 52.25],
      ['2022-07-15', 'step', 75],
      ['2022-09-30', 'linear', 100],
      ['2022-09-30', 'step', 75],
      ['2022-10-01', 'step', 100],
      ['2023-05-01', 'linear', 100],
    ])('%s %s → %s', (asOf, mode, expected) => {
      expect(targetAsOf(t, 2565, asOf, mode)).toBe(expected);
    });

    it('defaults to the step rule', () => {
      expect(targetAsOf(t, 2565, '2022-02-14')).toBe(30);
    });

    it('never decreases through the year under either rule', () => {
      for (const mode of TARGET_INTERPOLATIONS) {
        let previous = 0;
        for (let d = 0; d < 400; d++) {
          const value = targetAsOf(t, 2565, addDays('2021-09-15', d), mode);
          expect(value).toBeGreaterThanOrEqual(previous);
          previous = value;
        }
      }
    });

    it('is flat where two quarters share a figure', () => {
      expect(targetAsOf({ Q1: 30, Q2: 30, Q3: 75, Q4: 100 }, 2565, '2022-02-14', 'linear')).toBe(30);
    });
  });

  describe('gapSatang', () => {
    it.each<[BahtAmount, BahtAmount, number, bigint]>([
      // 400 M allocated, 52 % due = 208 M; 182.7 M disbursed → 25.3 M behind.
      ['182,700,000.00', '400,000,000.00', 52, -2_530_000_000n],
      ['720,000.00', '1,000,000.00', 72, 0n],
      ['800,000.00', '1,000,000.00', 72, 8_000_000n],
      ['0', '0', 72, 0n],
      // 33.33 % of 1.00 baht = 33.33 satang → 33 satang expected.
      ['0', '1.00', 33.33, -33n],
      // 52.25 % of 0.10 baht = 5.225 satang → 5 satang, half away from zero on the gap: −5.225 → −5.
      ['0', '0.10', 52.25, -5n],
      ['0', '0.10', 52.5, -5n],
      ['0', '0.30', 52.5, -16n],
    ])('disbursed %j of %j at %s % → %s satang', (disbursed, allocated, target, expected) => {
      expect(gapSatang(disbursed, allocated, target)).toBe(expected);
    });
  });

  describe('fiscalYearElapsedPercent', () => {
    it.each<[string, number]>([
      ['2021-09-30', 0],
      ['2021-10-01', 0.27],
      ['2021-12-31', 25.21],
      ['2022-03-31', 49.86],
      ['2022-09-29', 99.73],
      ['2022-09-30', 100],
      ['2023-01-01', 100],
    ])('FY 2565 as of %s → %s %', (asOf, expected) => {
      expect(fiscalYearElapsedPercent(2565, asOf)).toBe(expected);
    });

    it('counts 366 days in a leap fiscal year (FY 2567 holds 29 Feb 2024)', () => {
      expect(fiscalYearElapsedPercent(2567, '2024-03-31')).toBe(50);
    });
  });

  describe('lapseRisk', () => {
    it.each<[string, BahtAmount, BahtAmount | null, LapseRiskLevel, number | null]>([
      // 31 Mar 2022: 49.86 % of the year gone.
      ['2022-03-31', '40', null, 'none', 9.86],
      ['2022-03-31', '29.86', null, 'watch', 20],
      ['2022-03-31', '29.87', null, 'none', 19.99],
      ['2022-03-31', '14.86', null, 'high', 35],
      ['2022-03-31', '14.87', null, 'watch', 34.99],
      // Committed money covers part of the lag.
      ['2022-03-31', '10', '45', 'none', 4.86],
      ['2022-03-31', '10', '25', 'watch', 24.86],
      ['2022-03-31', '10', '5', 'high', 39.86],
      // Too early to tell: 25 Oct = 6.85 % of the year.
      ['2021-10-25', '0', null, 'none', 6.85],
      ['2021-10-30', '0', null, 'none', 8.22],
      ['2021-11-30', '0', null, 'none', 16.71],
      ['2022-01-31', '0', null, 'watch', 33.7],
      ['2022-09-30', '60', null, 'high', 40],
    ])('as of %s, %j of 100 disbursed (committed %j) → %s', (asOf, disbursed, committed, level, lag) => {
      const risk = lapseRisk({ fiscalYear: 2565, asOf, allocated: '100', disbursed, committed });
      expect(risk.lag).toBe(lag);
      expect(risk.level).toBe(level);
    });

    it('has no risk without an allocation', () => {
      expect(lapseRisk({ fiscalYear: 2565, asOf: '2022-06-01', allocated: '0', disbursed: '0' })).toEqual({
        elapsed: 66.85,
        rate: null,
        lag: null,
        level: 'none',
      });
    });

    it('takes other thresholds', () => {
      const input = { fiscalYear: 2565, asOf: '2022-03-31', allocated: '100', disbursed: '39.86' };
      expect(lapseRisk(input).level).toBe('none');
      expect(lapseRisk(input, { watchLag: 10, highLag: 20, minElapsed: 0 }).level).toBe('watch');
      expect(lapseRisk(input, { ...DEFAULT_LAPSE_THRESHOLDS, minElapsed: 60 }).level).toBe('none');
    });
  });
});
