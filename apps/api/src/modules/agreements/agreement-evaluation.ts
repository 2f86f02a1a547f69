import type {
  AgreementDirectionName,
  AgreementIndicatorKindName,
  AgreementRoundNumber,
  AgreementScoreDto,
  AgreementScoreLineDto,
  MissingResultPolicyName,
} from '@provdash/shared/contracts';
import {
  addDays,
  agreementScore,
  compareIsoDates,
  evaluateKpiStatus,
  Frequency,
  isPeriodDue,
  KpiDirection,
  periodRange,
  RollupMethod,
} from '@provdash/shared/domain';

/**
 * From stored rows to an agreement's score: which actual each indicator has as of a date, and what
 * that scores. The scoring itself is the domain library's `agreementScore`; the KPI roll-up is its
 * `evaluateKpiStatus`. Everything here is pure, so the API, the rounds and the demo seed agree.
 */

/** The approved results of a linked KPI for the agreement's fiscal year. */
export interface LinkedKpi {
  code: string;
  frequency: Frequency;
  rollup: RollupMethod;
  direction: KpiDirection;
  ratioMultiplier: string | number | null;
  results: {
    period: string;
    value: string | number | null;
    numerator?: string | number | null;
    denominator?: string | number | null;
  }[];
}

/** An approved manual result of a standalone indicator. */
export interface OwnResult {
  period: string;
  value: string | number | null;
  step: number | null;
  approvedAt?: string | null;
}

export interface ScoredIndicator {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: string | number;
  levels: readonly (string | number)[];
  /** Set when the indicator is linked to a KPI; its own results are then ignored. */
  kpi: LinkedKpi | null;
  results: readonly OwnResult[];
}

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * The day from which a round's periods are all due: the day after its last day (1 April for the
 * 6-month round, 1 October for the 12-month round). Results of periods ending by then count.
 */
export function roundAsOf(fiscalYear: number, round: AgreementRoundNumber): string {
  const last = round === 6 ? periodRange(`${fiscalYear}-H1`).end : periodRange(String(fiscalYear)).end;
  return addDays(last, 1);
}

/**
 * The value standing for "`step` steps of the milestone reached": the criterion value of that step,
 * so `indicatorScore` gives exactly `step`. Step 0 is one step before v1 (2·v1 − v2), which scores 0
 * in either direction.
 */
export function milestoneActual(levels: readonly number[], step: number): number {
  if (!Number.isInteger(step) || step < 0 || step > levels.length) {
    throw new RangeError(`A milestone step must be a whole number from 0 to ${levels.length}, got ${step}`);
  }
  return step === 0 ? 2 * levels[0] - levels[1] : levels[step - 1];
}

/**
 * The actual of an indicator as of a date, from approved data only:
 * - linked to a KPI: the KPI's rolled-up actual over the periods due (evaluateKpiStatus);
 * - standalone: the latest manual result whose period is due (a later period supersedes an earlier
 *   one; between periods ending the same day, the later approval wins).
 */
export function indicatorActual(indicator: ScoredIndicator, fiscalYear: number, asOf: string): number | null {
  if (indicator.kpi) {
    const k = indicator.kpi;
    const ratio = k.rollup === 'ratio';
    return evaluateKpiStatus({
      fiscalYear,
      frequency: k.frequency,
      rollup: k.rollup,
      direction: k.direction,
      results: k.results.map((r) =>
        ratio
          ? { period: r.period, numerator: num(r.numerator), denominator: num(r.denominator) }
          : { period: r.period, value: num(r.value) },
      ),
      asOf,
      ratioMultiplier: ratio ? (num(k.ratioMultiplier) ?? 1) : undefined,
      // The agreement is official: only periods that are due count, never an early result.
      countEarly: false,
    }).actual;
  }
  let latest: OwnResult | null = null;
  for (const r of indicator.results) {
    if (!isPeriodDue(r.period, asOf)) continue;
    const order = latest ? compareIsoDates(periodRange(r.period).end, periodRange(latest.period).end) : 1;
    if (order > 0 || (order === 0 && (r.approvedAt ?? '') >= (latest?.approvedAt ?? ''))) latest = r;
  }
  if (!latest) return null;
  if (latest.step !== null && latest.step !== undefined) {
    return milestoneActual(indicator.levels.map(Number), latest.step);
  }
  return num(latest.value);
}

/** The next whole level above a score and the value that reaches it; null at level 5. */
export function nextLevel(levels: readonly number[], score: number | null): { level: number; value: number } | null {
  const level = score === null ? 1 : Math.floor(score) + 1;
  return level > levels.length ? null : { level, value: levels[level - 1] };
}

/**
 * The agreement's score as of a date. `zero` (the official rounds) counts an indicator without a
 * result as 0 with its weight; `exclude` (the live view) leaves it out of the mean. `actuals`, by
 * indicator id, replaces the actuals found in the data: a round's results as the evaluator decided them.
 */
export function scoreAgreement(
  indicators: readonly ScoredIndicator[],
  fiscalYear: number,
  asOf: string,
  policy: MissingResultPolicyName,
  actuals?: ReadonlyMap<string, number | null>,
): AgreementScoreDto {
  const rows = indicators.map((indicator) => ({
    indicator,
    weight: Number(indicator.weight),
    levels: indicator.levels.map(Number),
    actual: actuals?.has(indicator.id)
      ? (actuals.get(indicator.id) ?? null)
      : indicatorActual(indicator, fiscalYear, asOf),
  }));
  const result = agreementScore(
    rows.map((r) => ({
      weight: r.weight,
      levels: r.levels,
      direction: r.indicator.direction,
      kind: r.indicator.kind,
      actual: r.actual,
    })),
    { missingResult: policy },
  );
  const lines = rows.map(({ indicator, weight, levels, actual }, i): AgreementScoreLineDto => {
    const { score, counted } = result.indicators[i];
    return {
      indicatorId: indicator.id,
      code: indicator.code,
      nameTh: indicator.nameTh,
      nameEn: indicator.nameEn,
      unitTh: indicator.unitTh,
      unitEn: indicator.unitEn,
      direction: indicator.direction,
      kind: indicator.kind,
      weight,
      levels,
      kpiCode: indicator.kpi?.code ?? null,
      actual,
      score,
      counted,
      contribution: counted && result.countedWeight > 0 ? (weight * (score ?? 0)) / result.countedWeight : null,
      nextLevel: nextLevel(levels, score),
    };
  });
  return {
    asOf,
    policy,
    score: result.score,
    formatted: result.formatted,
    countedWeight: result.countedWeight,
    indicators: lines,
  };
}
