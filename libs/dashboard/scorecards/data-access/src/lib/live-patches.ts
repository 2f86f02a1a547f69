import type {
  GoalComparisonDto,
  KpiComparisonDto,
  KpiScorecardEffect,
  ScorecardDto,
  StatusSummaryDto,
} from '@provdash/shared/contracts';
import { rankProvinces } from '@provdash/shared/domain';

/**
 * One province's approved KPI change as a live event brought it. `epoch` counts the screen's
 * reloads at the time it arrived: a snapshot requested after it already contains it.
 */
export interface LiveKpiChange {
  epoch: number;
  orgUnitCode: string;
  fiscalYear: number;
  effect: KpiScorecardEffect;
}

/** Keeps the latest change per key, in arrival order, so the list stays as short as the screen. */
export function keepLatest<T>(list: readonly T[], added: readonly T[], key: (item: T) => string): T[] {
  const fresh = new Set(added.map(key));
  const kept = list.filter((item) => !fresh.has(key(item)));
  const last = new Map(added.map((item) => [key(item), item]));
  return [...kept, ...last.values()];
}

/** The changes that apply on top of a snapshot: its province and year, and newer than its request. */
export function changesFor(
  changes: readonly LiveKpiChange[],
  floor: number,
  fiscalYear: number,
  orgUnitCode?: string,
): LiveKpiChange[] {
  return changes.filter(
    (c) =>
      c.epoch >= floor && c.fiscalYear === fiscalYear && (orgUnitCode === undefined || c.orgUnitCode === orgUnitCode),
  );
}

/**
 * A scorecard with the KPI lines and roll-ups the changes carry, applied in order: each effect is
 * the server's own evaluation after the change, so the newest one's summaries and counts stand.
 */
export function patchScorecard(base: ScorecardDto, changes: readonly LiveKpiChange[]): ScorecardDto {
  if (!changes.length) return base;
  const kpis = [...base.kpis];
  const goals = [...base.rollup.goals];
  const issues = [...base.rollup.issues];
  let plan = base.rollup.plan;
  let counts = base.counts;
  for (const { effect } of changes) {
    const at = kpis.findIndex((k) => k.kpiId === effect.kpi.kpiId);
    if (at >= 0) kpis[at] = effect.kpi;
    else kpis.push(effect.kpi);
    replaceOrAdd(goals, (g) => g.code === effect.goal.code, effect.goal);
    replaceOrAdd(issues, (i) => i.code === effect.issue.code, effect.issue);
    plan = effect.plan;
    counts = effect.counts;
  }
  return { ...base, counts, kpis, rollup: { plan, issues, goals } };
}

function replaceOrAdd<T>(list: T[], match: (item: T) => boolean, item: T): void {
  const at = list.findIndex(match);
  if (at >= 0) list[at] = item;
  else list.push(item);
}

/** Ranked as the API ranks: by rounded achievement, ties sharing a rank, no figure no rank; rank order, then code. */
function rerank<R extends { orgUnitCode: string; rank: number | null }>(
  rows: R[],
  figure: (row: R) => number | null,
): R[] {
  const ranked = rankProvinces(
    rows.map((r) => ({ code: r.orgUnitCode, achievement: figure(r) })),
    { by: 'achievement', decimals: 2 },
  );
  const rankOf = new Map(ranked.map((r) => [r.code, r.rank]));
  return rows
    .map((r) => ({ ...r, rank: rankOf.get(r.orgUnitCode) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgUnitCode.localeCompare(b.orgUnitCode));
}

/** One KPI across provinces with the changed provinces' figures, re-ranked. Cluster figures are left as they are. */
export function patchKpiComparison(base: KpiComparisonDto, changes: readonly LiveKpiChange[]): KpiComparisonDto {
  const byUnit = new Map(
    changes.filter((c) => c.effect.kpi.code === base.kpiCode).map((c) => [c.orgUnitCode, c.effect.kpi]),
  );
  if (!byUnit.size) return base;
  const rows = base.rows.map((row) => {
    const kpi = byUnit.get(row.orgUnitCode);
    return kpi
      ? { ...row, actual: kpi.actual, expected: kpi.expected, achievement: kpi.achievement, status: kpi.status }
      : row;
  });
  return { ...base, rows: rerank(rows, (r) => r.achievement) };
}

/** One goal across provinces with the changed provinces' roll-ups, re-ranked by the performance index. */
export function patchGoalComparison(base: GoalComparisonDto, changes: readonly LiveKpiChange[]): GoalComparisonDto {
  const byUnit = new Map<string, StatusSummaryDto>(
    changes.filter((c) => c.effect.goal.code === base.goalCode).map((c) => [c.orgUnitCode, c.effect.goal.summary]),
  );
  if (!byUnit.size) return base;
  const rows = base.rows.map((row) => {
    const summary = byUnit.get(row.orgUnitCode);
    return summary ? { ...row, summary } : row;
  });
  return { ...base, rows: rerank(rows, (r) => r.summary.performanceIndex) };
}
