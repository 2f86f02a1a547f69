/**
 * The explorer (the ministry's pivot table): what each measure means, which dimensions it can be
 * cut by, and how a cell's figure is made from the parts summed into it. Worked cases in
 * docs/analysis.md#the-explorer.
 *
 * Every figure is a function of sums (its "parts"), and a cell, a row total, a column total and
 * the grand total each sum the parts of the entries beneath them: totals pool their parts, they
 * are never the mean or the sum of the cells' percentages. PostgreSQL sums the parts
 * (apps/api/src/modules/analysis/explorer-queries.ts); {@link explorerFigure} turns parts into the
 * figure, and the per-entry rules below say what each approved result contributes.
 */
import { rateFromSatang } from './disbursement';
import { parseBahtToSatang } from './money';
import { achievementPercent, bandAchievementPercent, KpiDirection, meetsTarget, TargetBand } from './kpi-status';
import { periodsPerYear, type Frequency } from './fiscal-period';
import { RollupEntry, RollupMethod, rollUp } from './kpi-rollup';
import { DEFAULT_ACHIEVEMENT_CAP } from './status-rollup';
import { AggregationKind } from './kpi-aggregation';

/**
 * - `value`: the KPI's own figure; one KPI per cell (the KPI is a row, a column or the filter).
 * - `achievement`: the mean achievement of the approved results against their period's target,
 *   each capped at 0–120 % like the performance index of the scorecards.
 * - `status`: the share of approved results that meet their period's target, in percent.
 * - `disbursementRate`: disbursed / allocated, in percent (GFMIS, the provinces' projects).
 * - `agreementScore`: the mean score of the provinces' latest evaluated agreement round (1–5).
 */
export const EXPLORER_MEASURES = ['value', 'achievement', 'status', 'disbursementRate', 'agreementScore'] as const;
export type ExplorerMeasure = (typeof EXPLORER_MEASURES)[number];

export const EXPLORER_DIMENSIONS = [
  'kpi',
  'goal',
  'pillar',
  'province',
  'cluster',
  'region',
  'period',
  'fiscalYear',
] as const;
export type ExplorerDimension = (typeof EXPLORER_DIMENSIONS)[number];

/** Money and agreement rounds have no KPI, goal or pillar; a round has no month. */
const MEASURE_DIMENSIONS: Readonly<Record<ExplorerMeasure, readonly ExplorerDimension[]>> = {
  value: EXPLORER_DIMENSIONS,
  achievement: EXPLORER_DIMENSIONS,
  status: EXPLORER_DIMENSIONS,
  disbursementRate: ['province', 'cluster', 'region', 'period', 'fiscalYear'],
  agreementScore: ['province', 'cluster', 'region', 'fiscalYear'],
};

export function explorerDimensionsOf(measure: ExplorerMeasure): readonly ExplorerDimension[] {
  return MEASURE_DIMENSIONS[measure];
}

export function isExplorerMeasure(value: unknown): value is ExplorerMeasure {
  return typeof value === 'string' && (EXPLORER_MEASURES as readonly string[]).includes(value);
}

export function isExplorerDimension(value: unknown): value is ExplorerDimension {
  return typeof value === 'string' && (EXPLORER_DIMENSIONS as readonly string[]).includes(value);
}

/**
 * The sums a cell is made of. Which ones a measure reads:
 * - `value`: `valueSum`, `numeratorSum`, `denominatorSum`, `entries`, `kpis`, `single` (see {@link ExplorerValueKind});
 * - `achievement`: `achievementSum` / `achievementCount`;
 * - `status`: `met` / `judged`;
 * - `disbursementRate`: `disbursed` / `allocated` (baht, as decimal strings or numbers);
 * - `agreementScore`: `scoreSum` / `scored`.
 */
export interface ExplorerParts {
  readonly valueSum?: number | null;
  readonly numeratorSum?: number | null;
  readonly denominatorSum?: number | null;
  readonly entries?: number;
  /** How many different KPIs entered the cell; `value` needs exactly one. */
  readonly kpis?: number;
  /** The cell's actual when it holds exactly one entry (a non-additive KPI, one province, one period). */
  readonly single?: number | null;
  readonly achievementSum?: number | null;
  readonly achievementCount?: number;
  readonly met?: number;
  readonly judged?: number;
  readonly disbursed?: number | string | null;
  readonly allocated?: number | string | null;
  readonly scoreSum?: number | null;
  readonly scored?: number;
}

/**
 * How a KPI's values combine across periods *and* provinces, from its roll-up over the year and
 * its aggregation across provinces:
 * - `sum`: both add (people trained, baht): Σ values;
 * - `ratio`: a ratio over the year and pooled across provinces: Σ numerators / Σ denominators × multiplier;
 * - `single`: anything else (a level, a growth rate, a weighted mean whose weights are not stored)
 *   has a figure only for one entry: one province, one period. A mean of such values would mean
 *   nothing, so a cell covering more is empty (`NOT_ADDITIVE`), never a mean.
 */
export type ExplorerValueKind = 'sum' | 'ratio' | 'single';

export function explorerValueKind(rollup: RollupMethod, aggregation: AggregationKind): ExplorerValueKind {
  if (rollup === 'sum' && aggregation === 'sum') {
    return 'sum';
  }
  if (rollup === 'ratio' && aggregation === 'weighted_ratio') {
    return 'ratio';
  }
  return 'single';
}

/**
 * Why a cell has no figure:
 * - `NO_DATA`: nothing entered it (no approved result, no allocation, no evaluated round);
 * - `NOT_ADDITIVE`: a `single` KPI over more than one entry;
 * - `MIXED_KPIS`: the `value` of different KPIs (people and baht do not add up);
 * - `ZERO_DENOMINATOR`: a ratio of nothing (Σ denominators or the allocation is 0).
 */
export const EXPLORER_NULL_REASONS = ['NO_DATA', 'NOT_ADDITIVE', 'MIXED_KPIS', 'ZERO_DENOMINATOR'] as const;
export type ExplorerNullReason = (typeof EXPLORER_NULL_REASONS)[number];

export type ExplorerFigure =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: ExplorerNullReason };

export interface ExplorerFigureOptions {
  /** For `value`: how the KPI combines. */
  readonly valueKind?: ExplorerValueKind;
  /** For a `ratio` value: 100 for a percentage. Default 1. */
  readonly multiplier?: number;
}

const figure = (value: number): ExplorerFigure => ({ value, reason: null });
const empty = (reason: ExplorerNullReason): ExplorerFigure => ({ value: null, reason });

/** The figure of a cell (or a total) from its summed parts. Unrounded except the disbursement rate (two decimals, as everywhere). */
export function explorerFigure(
  measure: ExplorerMeasure,
  parts: ExplorerParts,
  options: ExplorerFigureOptions = {},
): ExplorerFigure {
  switch (measure) {
    case 'value': {
      const entries = parts.entries ?? 0;
      if (entries === 0) return empty('NO_DATA');
      if ((parts.kpis ?? 1) > 1) return empty('MIXED_KPIS');
      const kind = options.valueKind ?? 'single';
      if (kind === 'sum') return figure(parts.valueSum ?? 0);
      if (kind === 'ratio') {
        const den = parts.denominatorSum ?? 0;
        if (den === 0) return empty('ZERO_DENOMINATOR');
        return figure(((parts.numeratorSum ?? 0) / den) * (options.multiplier ?? 1));
      }
      return entries === 1 && parts.single !== null && parts.single !== undefined
        ? figure(parts.single)
        : empty('NOT_ADDITIVE');
    }
    case 'achievement':
      return ratioOf(parts.achievementSum ?? 0, parts.achievementCount ?? 0, 1);
    case 'status':
      return ratioOf(parts.met ?? 0, parts.judged ?? 0, 100);
    case 'disbursementRate': {
      if (parts.allocated === null || parts.allocated === undefined) return empty('NO_DATA');
      const rate = rateFromSatang(parseBahtToSatang(parts.disbursed ?? 0), parseBahtToSatang(parts.allocated));
      return rate === null ? empty('ZERO_DENOMINATOR') : figure(rate);
    }
    case 'agreementScore':
      return ratioOf(parts.scoreSum ?? 0, parts.scored ?? 0, 1);
  }
}

function ratioOf(part: number, count: number, scale: number): ExplorerFigure {
  return count === 0 ? empty('NO_DATA') : figure((part / count) * scale);
}

/** What a KPI expects of one period. */
export interface PeriodTargetInput {
  readonly frequency: Frequency;
  readonly rollup: RollupMethod;
  /** The published target of the fiscal year (the period key "2569"). */
  readonly yearlyTarget: number | null;
  /** The published trajectory point of this very period, if the plan has one. */
  readonly periodTarget: number | null;
}

/**
 * A period's target: its trajectory point if the plan sets one; else for a `sum` KPI the year's
 * target shared equally among the periods of its frequency (a year of 1,200 people trained
 * expects 100 a month); for any other KPI the year's target itself (a level to hold every period).
 */
export function periodTargetOf(input: PeriodTargetInput): number | null {
  if (input.periodTarget !== null) return input.periodTarget;
  if (input.yearlyTarget === null) return null;
  return input.rollup === 'sum' ? input.yearlyTarget / periodsPerYear(input.frequency) : input.yearlyTarget;
}

export interface ExplorerEntryInput {
  readonly direction: KpiDirection;
  readonly rollup: RollupMethod;
  readonly multiplier?: number;
  readonly entry: RollupEntry;
  /** From {@link periodTargetOf}; unused by a band KPI. */
  readonly target: number | null;
  readonly band?: TargetBand | null;
}

export interface ExplorerEntry {
  /** The result's own figure (a ratio entry's quotient), or `null` when it lacks what its roll-up needs. */
  readonly actual: number | null;
  /** Achievement in percent capped to 0–{@link DEFAULT_ACHIEVEMENT_CAP}; `null` when it has no meaning (no target, no actual, an undefined quotient). */
  readonly achievement: number | null;
  /** Whether the result meets its target; `null` when there is nothing to judge it by. */
  readonly met: boolean | null;
}

/** What one approved result contributes to `achievement` and `status`. */
export function explorerEntry(input: ExplorerEntryInput): ExplorerEntry {
  const actual = rollUp(input.rollup, [input.entry], { multiplier: input.multiplier });
  if (actual === null) return { actual, achievement: null, met: null };
  if (input.direction === 'band') {
    if (!input.band) return { actual, achievement: null, met: null };
    const a = bandAchievementPercent(actual, input.band);
    return {
      actual,
      achievement: a === null ? null : cap(a),
      met: actual >= input.band.min && actual <= input.band.max,
    };
  }
  if (input.target === null) return { actual, achievement: null, met: null };
  const a = achievementPercent(actual, input.target, input.direction);
  return { actual, achievement: a === null ? null : cap(a), met: meetsTarget(actual, input.target, input.direction) };
}

function cap(achievement: number): number {
  return Math.min(Math.max(achievement, 0), DEFAULT_ACHIEVEMENT_CAP);
}
