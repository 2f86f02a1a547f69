/**
 * One display state per KPI (สถานะการแสดงผล), for every screen and the PDF alike.
 *
 * The evaluation keeps the roll-up of whatever was reported even when the light is grey; shown
 * beside "no report" and an empty achievement, that figure reads as a contradiction. Screens and
 * reports therefore show a KPI through `kpiDisplayState`: which figures appear follows from the
 * state, never from each screen's own checks.
 *
 * | kind        | when                                          | actual | expected by now | achievement |
 * | ----------- | --------------------------------------------- | ------ | --------------- | ----------- |
 * | `judged`    | green, amber or red                           | shown  | shown           | shown (or – when the rule is a direct comparison) |
 * | `noReport`  | grey: the latest due period has no result     | –      | shown           | –           |
 * | `noTarget`  | none, with results but no target to judge by  | shown  | –               | –           |
 * | `notJudged` | none, nothing due and nothing reported early  | –      | –               | –           |
 */
import type { KpiDirection } from './kpi-status';
import type { KpiStatusName } from './vocabulary';

export type KpiDisplayKind = 'judged' | 'noReport' | 'noTarget' | 'notJudged';

/** How a judged KPI's colour was decided. */
export type KpiStatusRule = 'higherBetter' | 'lowerBetter' | 'band' | 'direct';

export interface KpiDisplayInput {
  readonly status: KpiStatusName;
  readonly direction: KpiDirection;
  readonly actual: number | null;
  readonly expected: number | null;
  readonly achievement: number | null;
  readonly missingPeriods: readonly string[];
  readonly earlyPeriod?: string | null;
}

export interface KpiDisplayState {
  readonly kind: KpiDisplayKind;
  readonly status: KpiStatusName;
  /** The figures to show; null shows as "–". */
  readonly actual: number | null;
  readonly expected: number | null;
  readonly achievement: number | null;
  /** The running period counted early (approved before it was due), to be marked as such. */
  readonly earlyPeriod: string | null;
  /** For `noReport`: the latest due period without an approved result. */
  readonly missingPeriod: string | null;
  /** For `judged`: the rule that gave the colour. */
  readonly rule: KpiStatusRule | null;
}

export function kpiDisplayState(k: KpiDisplayInput): KpiDisplayState {
  const earlyPeriod = k.earlyPeriod ?? null;
  const blank = { actual: null, expected: null, achievement: null, earlyPeriod: null, missingPeriod: null, rule: null };
  if (k.status === 'grey') {
    return {
      ...blank,
      kind: 'noReport',
      status: 'grey',
      expected: k.expected,
      missingPeriod: k.missingPeriods[k.missingPeriods.length - 1] ?? null,
    };
  }
  if (k.status === 'none') {
    return k.actual === null
      ? { ...blank, kind: 'notJudged', status: 'none' }
      : { ...blank, kind: 'noTarget', status: 'none', actual: k.actual, earlyPeriod };
  }
  const rule: KpiStatusRule =
    k.direction === 'band'
      ? 'band'
      : k.achievement === null
        ? 'direct'
        : k.direction === 'lower_better'
          ? 'lowerBetter'
          : 'higherBetter';
  return {
    kind: 'judged',
    status: k.status,
    actual: k.actual,
    expected: k.direction === 'band' ? null : k.expected,
    achievement: k.achievement,
    earlyPeriod,
    missingPeriod: null,
    rule,
  };
}
