import type {
  AgreementRankingDto,
  ClusterDirectoryDto,
  DisbursementBudgetType,
  DisbursementRankingDto,
  DisbursementRankingRowDto,
  DisbursementRateDto,
  GoalComparisonDto,
  KpiComparisonDto,
  KpiStatusName,
  RankingChangedEvent,
} from '@provdash/shared/contracts';
import {
  formatAgreementScore,
  formatSatang,
  gapPercentagePoints,
  parseBahtToSatang,
  rankByRate,
  rankProvinces,
  rateFromSatang,
  statusFromAchievement,
} from '@provdash/shared/domain';

/** What the compare screen can rank the provinces on. */
export type MetricKind = 'kpi' | 'goal' | 'agreement' | 'disbursement';

export const METRIC_KINDS: readonly MetricKind[] = ['kpi', 'goal', 'agreement', 'disbursement'];

/** How a ranked figure reads: percent (achievement, index, rate) or an agreement score 0–5. */
export type MetricFormat = 'percent' | 'score';

/** One province on the compare screen, whatever the metric: the figure it is ranked on, and its light. */
export interface MetricRow {
  code: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  rank: number | null;
  value: number | null;
  status: KpiStatusName;
  /** KPI: the rolled-up actual, in the KPI's unit. */
  actual?: number | null;
  /** Agreement: the last evaluated round's score. */
  lastRound?: number | null;
  /** Disbursement: baht as the API sends them (two decimals), and the gap to the target in points. */
  allocated?: string;
  disbursed?: string;
  gap?: number | null;
}

/** A cluster's own figure where the API gives one (a KPI's combined value, a mean score, a summed rate). */
export interface MetricCluster {
  code: string;
  nameTh: string;
  nameEn: string;
  rank: number | null;
  value: number | null;
  /** False when the KPI must not be combined across provinces. */
  combinable: boolean;
  /** Members without a figure. */
  missing: number;
}

export interface MetricView {
  kind: MetricKind;
  fiscalYear: number;
  asOf: string;
  format: MetricFormat;
  /** How the cluster figures read: a KPI's clusters combine actuals, in the KPI's unit. */
  clusterFormat: MetricFormat | 'number';
  /** The line the rows are judged against, in the rows' format (100 %, level 3, the quarter's target). */
  target: number | null;
  rows: MetricRow[];
  clusters: MetricCluster[];
}

/** Level 3 of the five criterion levels is the agreed target (DESIGN §2). */
export const AGREEMENT_TARGET_LEVEL = 3;

/**
 * An agreement score's light, judged like a KPI: the score as a share of the target level against
 * the usual thresholds (green from level 3, amber from 2.4). No agreed agreement → not judged.
 */
export function agreementStatus(score: number | null, hasAgreement: boolean): KpiStatusName {
  if (!hasAgreement) return 'none';
  if (score === null) return 'grey';
  return statusFromAchievement((score / AGREEMENT_TARGET_LEVEL) * 100);
}

/**
 * A disbursement rate's light: the rate as a share of the cumulative target in force. Before the
 * first quarter's end the target is 0 and nothing is judged; no allocation → no rate, not judged.
 */
export function disbursementStatus(rate: number | null, target: number | null): KpiStatusName {
  if (rate === null || target === null || target <= 0) return 'none';
  return statusFromAchievement((rate / target) * 100);
}

/** Ranked first, unranked (no figure) last, ties by code: the API's order. */
export function byRankThenCode<T extends { rank: number | null; code: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

export function kpiMetricView(dto: KpiComparisonDto): MetricView {
  return {
    kind: 'kpi',
    fiscalYear: dto.fiscalYear,
    asOf: dto.asOf,
    format: 'percent',
    clusterFormat: 'number',
    target: 100,
    rows: byRankThenCode(
      dto.rows.map((r) => ({
        code: r.orgUnitCode,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        clusterCode: r.clusterCode,
        rank: r.rank,
        value: r.achievement,
        status: r.status,
        actual: r.actual,
      })),
    ),
    clusters: dto.clusters.map((c) => ({
      code: c.clusterCode,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      rank: c.rank,
      value: c.value,
      combinable: c.aggregation !== 'none',
      missing: c.missing.length,
    })),
  };
}

export function goalMetricView(dto: GoalComparisonDto): MetricView {
  return {
    kind: 'goal',
    fiscalYear: dto.fiscalYear,
    asOf: dto.asOf,
    format: 'percent',
    clusterFormat: 'percent',
    target: 100,
    rows: byRankThenCode(
      dto.rows.map((r) => ({
        code: r.orgUnitCode,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        clusterCode: r.clusterCode,
        rank: r.rank,
        value: r.summary.performanceIndex,
        status: r.summary.status,
      })),
    ),
    clusters: [],
  };
}

export function agreementMetricView(dto: AgreementRankingDto): MetricView {
  return {
    kind: 'agreement',
    fiscalYear: dto.fiscalYear,
    asOf: dto.asOf,
    format: 'score',
    clusterFormat: 'score',
    target: AGREEMENT_TARGET_LEVEL,
    rows: byRankThenCode(
      dto.rows.map((r) => ({
        code: r.orgUnitCode,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        clusterCode: r.clusterCode,
        rank: r.liveRank,
        value: r.liveScore,
        status: agreementStatus(r.liveScore, r.agreementId !== null),
        lastRound: r.lastRound?.score ?? null,
      })),
    ),
    clusters: dto.clusters.map((c) => ({
      code: c.clusterCode,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      rank: c.liveRank,
      value: c.liveMean,
      combinable: true,
      missing: 0,
    })),
  };
}

/** Province → cluster, from the directory (the disbursement ranking does not say). */
export function clusterIndex(directory: ClusterDirectoryDto): Map<string, string> {
  return new Map(directory.clusters.flatMap((c) => c.provinces.map((p) => [p.code, c.code] as const)));
}

export function disbursementMetricView(
  provinces: DisbursementRankingDto,
  clusters: DisbursementRankingDto | undefined,
  clusterOf: ReadonlyMap<string, string>,
): MetricView {
  return {
    kind: 'disbursement',
    fiscalYear: provinces.fiscalYear,
    asOf: provinces.asOf,
    format: 'percent',
    clusterFormat: 'percent',
    target: provinces.target,
    rows: byRankThenCode(
      provinces.rows.map((r) => ({
        code: r.code,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        clusterCode: clusterOf.get(r.code) ?? null,
        rank: r.rank,
        value: r.rate,
        status: disbursementStatus(r.rate, provinces.target),
        allocated: r.allocated,
        disbursed: r.disbursed,
        gap: r.gap,
      })),
    ),
    clusters: (clusters?.rows ?? []).map((c) => ({
      code: c.code,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      rank: c.rank,
      value: c.rate,
      combinable: true,
      missing: 0,
    })),
  };
}

/* Live patches: each applies the server's latest figures on top of a snapshot, then ranks as the API does. */

/** The national agreement ranking from `ranking.changed`: scores and ranks; cluster means computed again as the API does. */
export function patchAgreementRanking(
  base: AgreementRankingDto,
  ranking: RankingChangedEvent | undefined,
): AgreementRankingDto {
  if (!ranking || ranking.kind !== 'agreement' || ranking.fiscalYear !== base.fiscalYear) return base;
  const live = new Map(ranking.rows.map((r) => [r.orgUnitCode, r]));
  const rows = base.rows.map((row) => {
    const r = live.get(row.orgUnitCode);
    return r
      ? {
          ...row,
          liveScore: r.value,
          liveFormatted: r.value === null ? null : formatAgreementScore(r.value),
          liveRank: r.rank,
        }
      : row;
  });
  const clusters = base.clusters.map((c) => {
    const scores = rows
      .filter((r) => r.clusterCode === c.clusterCode && r.liveScore !== null)
      .map((r) => r.liveScore as number);
    const liveMean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    return {
      ...c,
      provinces: scores.length,
      liveMean,
      liveMeanFormatted: liveMean === null ? null : formatAgreementScore(liveMean),
    };
  });
  const clusterRank = new Map(
    rankProvinces(
      clusters.map((c) => ({ code: c.clusterCode, value: c.liveMean })),
      { by: 'value', direction: 'higher_better', decimals: 4 },
    ).map((r) => [r.code, r.rank]),
  );
  const byRank = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);
  return {
    ...base,
    rows: rows.sort((a, b) => byRank(a.liveRank, b.liveRank) || a.orgUnitCode.localeCompare(b.orgUnitCode)),
    clusters: clusters
      .map((c) => ({ ...c, liveRank: clusterRank.get(c.clusterCode) ?? null }))
      .sort((a, b) => byRank(a.liveRank, b.liveRank) || a.clusterCode.localeCompare(b.clusterCode)),
  };
}

/** The figures of one budget type in a province's new rates (after a GFMIS import or its rollback). */
function figuresOf(rate: DisbursementRateDto, budgetType: DisbursementBudgetType) {
  return budgetType === 'overall' ? rate.total : rate.byType.find((t) => t.budgetType === budgetType);
}

function patchRow(row: DisbursementRankingRowDto, f: NonNullable<ReturnType<typeof figuresOf>>, target: number | null) {
  return {
    ...row,
    allocated: f.allocated,
    committed: f.committed,
    disbursed: f.disbursed,
    rate: f.rate,
    committedRate: f.committedRate,
    gap: target === null ? null : gapPercentagePoints(f.rate, target),
  };
}

/**
 * Provinces' new disbursement figures from `disbursement-batch.imported`, and the overall rates of
 * `ranking.changed`, on top of a snapshot; ranked again by `rankByRate`, the API's rule. Clusters
 * sum their provinces' projects, so a cluster moves by exactly what its members moved.
 */
export function patchDisbursementRanking(
  provinces: DisbursementRankingDto,
  clusters: DisbursementRankingDto | undefined,
  rates: readonly DisbursementRateDto[],
  ranking: RankingChangedEvent | undefined,
  clusterOf: ReadonlyMap<string, string>,
): { provinces: DisbursementRankingDto; clusters: DisbursementRankingDto | undefined } {
  const fy = provinces.fiscalYear;
  const byUnit = new Map(rates.filter((r) => r.fiscalYear === fy).map((r) => [r.orgUnitCode, r]));
  const overall =
    ranking?.kind === 'disbursement' && ranking.fiscalYear === fy && provinces.budgetType === 'overall'
      ? new Map(ranking.rows.map((r) => [r.orgUnitCode, r.value]))
      : undefined;
  if (!byUnit.size && !overall) return { provinces, clusters };

  const target = provinces.target;
  const delta = new Map<string, { allocated: bigint; committed: bigint; disbursed: bigint }>();
  const rows = provinces.rows.map((row) => {
    const rate = byUnit.get(row.code);
    const f = rate && figuresOf(rate, provinces.budgetType);
    let next = f ? patchRow(row, f, target) : row;
    const ranked = overall?.get(row.code);
    if (ranked !== undefined && ranked !== next.rate) {
      next = { ...next, rate: ranked, gap: target === null ? null : gapPercentagePoints(ranked, target) };
    }
    const cluster = clusterOf.get(row.code);
    if (f && cluster) {
      const d = delta.get(cluster) ?? { allocated: 0n, committed: 0n, disbursed: 0n };
      d.allocated += parseBahtToSatang(next.allocated) - parseBahtToSatang(row.allocated);
      d.committed += parseBahtToSatang(next.committed) - parseBahtToSatang(row.committed);
      d.disbursed += parseBahtToSatang(next.disbursed) - parseBahtToSatang(row.disbursed);
      delta.set(cluster, d);
    }
    return next;
  });
  const patchedClusters =
    clusters && delta.size
      ? {
          ...clusters,
          rows: rankByRate(
            clusters.rows.map((c) => {
              const d = delta.get(c.code);
              if (!d) return c;
              const allocated = parseBahtToSatang(c.allocated) + d.allocated;
              const committed = parseBahtToSatang(c.committed) + d.committed;
              const disbursed = parseBahtToSatang(c.disbursed) + d.disbursed;
              const rate = rateFromSatang(disbursed, allocated);
              return {
                ...c,
                allocated: formatSatang(allocated),
                committed: formatSatang(committed),
                disbursed: formatSatang(disbursed),
                rate,
                committedRate: rateFromSatang(committed, allocated),
                gap: clusters.target === null ? null : gapPercentagePoints(rate, clusters.target),
              };
            }),
          ),
        }
      : clusters;
  return { provinces: { ...provinces, rows: rankByRate(rows) }, clusters: patchedClusters };
}
