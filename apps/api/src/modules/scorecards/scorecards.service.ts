import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  KpiScorecardEffect,
  ClusterAggregateDto,
  ClusterStatusDto,
  ClusterViewDto,
  GoalComparisonDto,
  KpiComparisonDto,
  KpiStatusName,
  ScorecardDto,
  ScorecardKpiDto,
  StatusSummaryDto,
} from '@provdash/shared/contracts';
import {
  aggregateAcrossProvinces,
  AggregationKind,
  bangkokDateOf,
  evaluateKpiStatus,
  fiscalYearOf,
  Frequency,
  isPeriodDue,
  KpiDirection,
  rankProvinces,
  RollupMethod,
  StatusSummary,
  StatusThresholds,
  summarizeKpiStatuses,
} from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { statusThresholdsOf } from './status-thresholds.service';
import { notFound } from '../../common/api-error';
import { FreshReads } from '../read-cache/fresh-read';
import { RoomCache } from '../realtime/room-cache';

/** $1: the filter's value; $2: the fiscal year; $3: the same year as text, the key of the yearly target row. */
/** What the screen queries return per KPI: definition, targets and approved results, aggregated by SQL. */
interface KpiRow {
  kpi_id: string;
  code: string;
  name_th: string;
  name_en: string;
  unit_th: string;
  unit_en: string;
  issue_code: string;
  goal_code: string;
  goal_name_th: string;
  direction: KpiDirection;
  frequency: Frequency;
  rollup: RollupMethod;
  aggregation: AggregationKind;
  ratio_multiplier: string | null;
  band_min: string | null;
  band_max: string | null;
  owner_agency_th: string;
  org_unit_code: string;
  org_name_th: string;
  org_name_en: string;
  cluster_code: string | null;
  cluster_name_th: string | null;
  cluster_name_en: string | null;
  target: string | null;
  trajectory: { period: string; target: string }[];
  results: { period: string; value: string | null; numerator: string | null; denominator: string | null }[];
  trend: { period: string; value: string | null; numerator: string | null; denominator: string | null }[];
  last_approved_at: Date | null;
}

/**
 * Every trajectory key a fiscal year can have, from its yearly key ($3): months, quarters, halves.
 * Looked up by the (kpi_id, period) index, a KPI's trajectory is one index search whatever its
 * history; filtering on fiscal_year read every year's target row of the KPI, a page a year.
 */
const TRAJECTORY_KEYS = `ARRAY[${[
  ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
  ...['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'],
]
  .map((suffix) => `$3 || '-${suffix}'`)
  .join(', ')}]`;

/** The sparkline and "last update" come from one backward index scan of the newest 12 approved periods. */
const TREND_JOIN = `
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('period', x.period, 'value', x.value, 'numerator', x.numerator,
                                        'denominator', x.denominator) ORDER BY x.period) AS trend,
           max(x.approved_at) AS last_approved_at
    FROM (SELECT r.period, r.value, r.numerator, r.denominator, r.approved_at FROM kpi_result r
          WHERE r.kpi_id = k.id AND r.status = 'approved' ORDER BY r.period DESC LIMIT 12) x
  ) tr ON true`;

/**
 * One statement per screen. For each KPI it gathers, with indexed lookups, the year's target,
 * trajectory and approved results (at most 12 rows a KPI), and the last 12 approved periods for the
 * trend. The roll-up and the traffic light are then the domain library's `evaluateKpiStatus`, the
 * same function the dashboard uses, so a number on screen and in the API can never disagree.
 *
 * `trend: false` leaves out the trend and the last update, which only the scorecard shows: for the
 * comparisons and cluster screens it was 40 % of the statement's time and of the JSON it returns.
 */
export const KPI_SQL = (where: string, { trend = true }: { trend?: boolean } = {}) => `
  SELECT k.id AS kpi_id, k.code, k.name_th, k.name_en, k.unit_th, k.unit_en, i.code AS issue_code, g.code AS goal_code, g.name_th AS goal_name_th,
         k.direction, k.frequency, k.rollup, k.aggregation, k.ratio_multiplier, k.band_min, k.band_max, k.owner_agency_th,
         u.code AS org_unit_code, u.name_th AS org_name_th, u.name_en AS org_name_en,
         CASE WHEN parent.type = 'cluster' THEN parent.code END AS cluster_code,
         CASE WHEN parent.type = 'cluster' THEN parent.name_th END AS cluster_name_th,
         CASE WHEN parent.type = 'cluster' THEN parent.name_en END AS cluster_name_en,
         t.target,
         COALESCE((SELECT json_agg(json_build_object('period', tp.period, 'target', tp.target) ORDER BY tp.period)
                   FROM kpi_target tp WHERE tp.kpi_id = k.id AND tp.period = ANY (${TRAJECTORY_KEYS}) AND tp.fiscal_year = $2 AND tp.state = 'published'), '[]') AS trajectory,
         COALESCE((SELECT json_agg(json_build_object('period', r.period, 'value', r.value, 'numerator', r.numerator,
                                                       'denominator', r.denominator) ORDER BY r.period)
                   FROM kpi_result r WHERE r.kpi_id = k.id AND r.fiscal_year = $2 AND r.status = 'approved'), '[]') AS results,
         ${trend ? `COALESCE(tr.trend, '[]') AS trend, tr.last_approved_at` : `'[]'::json AS trend, NULL::timestamptz AS last_approved_at`}
  FROM kpi k
  JOIN goal g ON g.id = k.goal_id
  JOIN strategic_issue i ON i.id = g.issue_id
  JOIN plan pl ON pl.id = i.plan_id AND pl.status = 'published'
  JOIN org_unit u ON u.id = k.org_unit_id
  LEFT JOIN org_unit parent ON parent.id = u.parent_id
  LEFT JOIN kpi_target t ON t.kpi_id = k.id AND t.period = $3 AND t.state = 'published'${trend ? TREND_JOIN : ''}
  WHERE k.retired_at IS NULL AND g.retired_at IS NULL AND i.retired_at IS NULL AND ${where}
  ORDER BY i.seq, g.seq, k.code`;

/** Every province and cluster for a year or two, with room to spare; about 70 KiB each. */
const CACHED_SCORECARDS = 200;
/** A few KPIs for a year or two; about 20 KiB each. */
const CACHED_COMPARISONS = 200;

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

function evaluate(row: KpiRow, fiscalYear: number, asOf: string, thresholds: StatusThresholds) {
  const ratio = row.rollup === 'ratio';
  const entries = row.results.map((r) =>
    ratio
      ? { period: r.period, numerator: num(r.numerator), denominator: num(r.denominator) }
      : { period: r.period, value: num(r.value) },
  );
  const multiplier = num(row.ratio_multiplier) ?? 1;
  return evaluateKpiStatus({
    fiscalYear,
    frequency: row.frequency,
    rollup: row.rollup,
    direction: row.direction,
    yearlyTarget: num(row.target),
    band:
      row.direction === 'band' && row.band_min !== null && row.band_max !== null
        ? { min: Number(row.band_min), max: Number(row.band_max) }
        : null,
    trajectory: row.trajectory.map((p) => ({ period: p.period, target: Number(p.target) })),
    results: entries,
    asOf,
    ratioMultiplier: ratio ? multiplier : undefined,
    thresholds,
  });
}

function trendValue(row: KpiRow, p: KpiRow['trend'][number]): number | null {
  if (row.rollup !== 'ratio') return num(p.value);
  const d = num(p.denominator);
  return d ? ((num(p.numerator) ?? 0) / d) * (num(row.ratio_multiplier) ?? 1) : null;
}

@Injectable()
export class ScorecardsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Scorecards by unit, year and day, against the unit's room (a province's or a cluster's). */
  private readonly cards = new RoomCache<ScorecardDto>(CACHED_SCORECARDS);
  /** The unit and its counter, read once for the requests that arrived while the previous read ran. */
  private readonly units = new FreshReads<{ id: string; seq: string | null } | undefined>();
  /** The national screens, against the national room, which hears every unit's approved changes. */
  private readonly comparisons = new RoomCache<KpiComparisonDto>(CACHED_COMPARISONS);
  private readonly goalComparisons = new RoomCache<GoalComparisonDto>(CACHED_COMPARISONS);
  private readonly statuses = new RoomCache<ClusterStatusDto>(CACHED_COMPARISONS);
  /** A cluster's screen, against the cluster's room, which hears its own and its provinces' changes. */
  private readonly clusterViews = new RoomCache<ClusterViewDto>(CACHED_COMPARISONS);

  /**
   * Every KPI of a province (or cluster) with target, actual to date, achievement, status and trend.
   * `m` reads inside a caller's transaction (a live event describes the state it is committing).
   *
   * The most read answer of the product (every governor, the public pages, the national overview's
   * 77), so it is kept in memory against the unit's room counter (RoomCache): every change to a
   * scorecard (an approval or reopening, an import, a target, a plan or KPI definition) publishes to
   * that room. The counter comes with the unit lookup, before the KPIs: one round trip for an answer
   * from memory, instead of the 62-KPI statement.
   */
  async scorecard(
    code: string,
    fiscalYear?: number,
    asOfDate?: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ScorecardDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const lookUp = async () => {
      const [row]: { id: string; seq: string | null }[] = await m.query(
        `SELECT u.id, CASE WHEN u.type IN ('province', 'cluster') THEN COALESCE(r.seq, 0)::text END AS seq
         FROM org_unit u LEFT JOIN realtime_room r ON r.room = u.type || ':' || u.code
         WHERE u.code = $1`,
        [code],
      );
      return row;
    };
    // Inside a writer's transaction the read must be its own (it may see what is not committed).
    const unit = m.queryRunner?.isTransactionActive ? await lookUp() : await this.units.read(code, lookUp);
    if (!unit) throw notFound('notFound.unit');
    const compute = () => this.computeScorecard(m, unit.id, code, fy, asOf);
    // Units above a cluster have no room of their own: computed every time (rarely asked for).
    if (unit.seq === null) return compute();
    return this.cards.at(m, `${code}|${fy}|${asOf}`, unit.seq, compute);
  }

  private async computeScorecard(
    m: EntityManager,
    unitId: string,
    code: string,
    fy: number,
    asOf: string,
  ): Promise<ScorecardDto> {
    const rows: KpiRow[] = await m.query(KPI_SQL('k.org_unit_id = $1'), [unitId, fy, String(fy)]);
    const thresholds = await statusThresholdsOf(m, fy);
    const counts: Record<KpiStatusName, number> = { green: 0, amber: 0, red: 0, grey: 0, none: 0 };
    const kpis: ScorecardKpiDto[] = rows.map((row) => {
      const e = evaluate(row, fy, asOf, thresholds);
      counts[e.status] += 1;
      return {
        kpiId: row.kpi_id,
        code: row.code,
        nameTh: row.name_th,
        nameEn: row.name_en,
        unitTh: row.unit_th,
        unitEn: row.unit_en,
        issueCode: row.issue_code,
        goalCode: row.goal_code,
        direction: row.direction,
        frequency: row.frequency,
        ownerAgencyTh: row.owner_agency_th,
        target: num(row.target),
        expected: e.expected,
        actual: e.actual,
        achievement: e.achievement,
        status: e.status,
        missingPeriods: [...e.missingPeriods],
        earlyPeriod: e.earlyPeriod,
        trend: row.trend.map((p) => ({ period: p.period, value: trendValue(row, p) })),
        lastApprovedAt: row.last_approved_at ? new Date(row.last_approved_at).toISOString() : null,
      };
    });
    const summary = (list: ScorecardKpiDto[]) => summaryDto(summarizeKpiStatuses(list.map(statusItem), { thresholds }));
    const issueCodes = [...new Set(kpis.map((k) => k.issueCode))];
    const goalKeys = [...new Map(kpis.map((k) => [k.goalCode, k.issueCode])).entries()];
    return {
      orgUnitCode: code,
      fiscalYear: fy,
      asOf,
      counts,
      kpis,
      rollup: {
        plan: summary(kpis),
        issues: issueCodes.map((c) => ({ code: c, summary: summary(kpis.filter((k) => k.issueCode === c)) })),
        goals: goalKeys.map(([c, issueCode]) => ({
          code: c,
          issueCode,
          summary: summary(kpis.filter((k) => k.goalCode === c)),
        })),
      },
    };
  }

  /** One KPI's scorecard line and the roll-ups it sits in, as the transaction `m` sees them. */
  async kpiEffect(
    m: EntityManager,
    code: string,
    kpiId: string,
    fiscalYear: number,
  ): Promise<KpiScorecardEffect | null> {
    const card = await this.scorecard(code, fiscalYear, undefined, m);
    const kpi = card.kpis.find((k) => k.kpiId === kpiId);
    if (!kpi) return null;
    const goal = card.rollup.goals.find((g) => g.code === kpi.goalCode);
    const issue = card.rollup.issues.find((i) => i.code === kpi.issueCode);
    if (!goal || !issue) return null;
    return { kpi, goal, issue, plan: card.rollup.plan, counts: card.counts };
  }

  /** One KPI (by its code) across every province that carries it, ranked by achievement; its clusters by value. */
  async compareKpi(kpiCode: string, fiscalYear?: number, asOfDate?: string): Promise<KpiComparisonDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    const m = this.dataSource.manager;
    return this.comparisons.through(m, 'national', `${kpiCode}|${fy}|${asOf}`, () =>
      this.computeCompareKpi(kpiCode, fy, asOf),
    );
  }

  private async computeCompareKpi(kpiCode: string, fy: number, asOf: string): Promise<KpiComparisonDto> {
    const rows: KpiRow[] = await this.dataSource.query(
      KPI_SQL(`k.code = $1 AND u.type = 'province'`, { trend: false }),
      [kpiCode, fy, String(fy)],
    );
    if (!rows.length) throw notFound();
    const thresholds = await statusThresholdsOf(this.dataSource.manager, fy);
    const evaluated = rows.map((row) => ({ row, e: evaluate(row, fy, asOf, thresholds) }));
    const ranked = rankProvinces(
      evaluated.map(({ row, e }) => ({ code: row.org_unit_code, achievement: e.achievement })),
      { by: 'achievement', decimals: 2 },
    );
    const rankOf = new Map(ranked.map((r) => [r.code, r.rank]));
    return {
      kpiCode,
      nameTh: rows[0].name_th,
      nameEn: rows[0].name_en,
      unitTh: rows[0].unit_th,
      unitEn: rows[0].unit_en,
      fiscalYear: fy,
      asOf,
      rows: evaluated
        .map(({ row, e }) => ({
          orgUnitCode: row.org_unit_code,
          nameTh: row.org_name_th,
          nameEn: row.org_name_en,
          clusterCode: row.cluster_code,
          kpiId: row.kpi_id,
          actual: e.actual,
          expected: e.expected,
          achievement: e.achievement,
          status: e.status,
          rank: rankOf.get(row.org_unit_code) ?? null,
        }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgUnitCode.localeCompare(b.orgUnitCode)),
      clusters: clusterAggregates(evaluated, fy, asOf),
    };
  }

  /** One goal (by its code) across provinces: the lights of its KPIs rolled up per province, ranked by the index. */
  async compareGoal(goalCode: string, fiscalYear?: number, asOfDate?: string): Promise<GoalComparisonDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    return this.goalComparisons.through(this.dataSource.manager, 'national', `${goalCode}|${fy}|${asOf}`, () =>
      this.computeCompareGoal(goalCode, fy, asOf),
    );
  }

  private async computeCompareGoal(goalCode: string, fy: number, asOf: string): Promise<GoalComparisonDto> {
    const rows: KpiRow[] = await this.dataSource.query(
      KPI_SQL(`g.code = $1 AND u.type = 'province'`, { trend: false }),
      [goalCode, fy, String(fy)],
    );
    if (!rows.length) throw notFound();
    const thresholds = await statusThresholdsOf(this.dataSource.manager, fy);
    const byProvince = new Map<string, { row: KpiRow; items: ReturnType<typeof statusItem>[] }>();
    for (const row of rows) {
      const e = evaluate(row, fy, asOf, thresholds);
      const entry = byProvince.get(row.org_unit_code) ?? { row, items: [] };
      entry.items.push(statusItem({ kpiId: row.kpi_id, status: e.status, achievement: e.achievement }));
      byProvince.set(row.org_unit_code, entry);
    }
    const summaries = [...byProvince.values()].map(({ row, items }) => ({
      row,
      summary: summarizeKpiStatuses(items, { thresholds }),
    }));
    const ranked = rankProvinces(
      summaries.map(({ row, summary }) => ({ code: row.org_unit_code, achievement: summary.performanceIndex })),
      { by: 'achievement', decimals: 2 },
    );
    const rankOf = new Map(ranked.map((r) => [r.code, r.rank]));
    return {
      goalCode,
      fiscalYear: fy,
      asOf,
      rows: summaries
        .map(({ row, summary }) => ({
          orgUnitCode: row.org_unit_code,
          nameTh: row.org_name_th,
          nameEn: row.org_name_en,
          clusterCode: row.cluster_code,
          goalNameTh: row.goal_name_th,
          summary: summaryDto(summary),
          rank: rankOf.get(row.org_unit_code) ?? null,
        }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgUnitCode.localeCompare(b.orgUnitCode)),
    };
  }

  /**
   * The 18 clusters at a glance: every member province's KPI lights rolled up over its plan, and
   * all of a cluster's KPIs together. The KPI statement is the screens' one (without a filter value
   * of its own); the clusters and their provinces come from a second, small one, so a cluster or
   * province without KPIs this year is still listed.
   */
  async clusterStatus(fiscalYear?: number, asOfDate?: string): Promise<ClusterStatusDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    return this.statuses.through(this.dataSource.manager, 'national', `${fy}|${asOf}`, () =>
      this.computeClusterStatus(fy, asOf),
    );
  }

  private async computeClusterStatus(fy: number, asOf: string): Promise<ClusterStatusDto> {
    const [clusters, rows]: [ClusterRow[], KpiRow[]] = await Promise.all([
      this.dataSource.query(
        `SELECT c.code, c.name_th, c.name_en, r.code AS region_code,
                COALESCE((SELECT json_agg(json_build_object('code', p.code, 'nameTh', p.name_th, 'nameEn', p.name_en)
                                          ORDER BY p.code)
                          FROM org_unit p WHERE p.parent_id = c.id AND p.type = 'province'), '[]') AS provinces
         FROM org_unit c JOIN org_unit r ON r.id = c.parent_id
         WHERE c.type = 'cluster' ORDER BY c.code`,
      ),
      this.dataSource.query(KPI_SQL(`u.type = $1 AND parent.type = 'cluster'`, { trend: false }), [
        'province',
        fy,
        String(fy),
      ]),
    ]);
    const thresholds = await statusThresholdsOf(this.dataSource.manager, fy);
    const byProvince = new Map<string, ReturnType<typeof statusItem>[]>();
    for (const row of rows) {
      const e = evaluate(row, fy, asOf, thresholds);
      const items = byProvince.get(row.org_unit_code) ?? [];
      items.push(statusItem({ kpiId: row.kpi_id, status: e.status, achievement: e.achievement }));
      byProvince.set(row.org_unit_code, items);
    }
    return {
      fiscalYear: fy,
      asOf,
      clusters: clusters.map((c) => ({
        clusterCode: c.code,
        nameTh: c.name_th,
        nameEn: c.name_en,
        regionCode: c.region_code,
        summary: summaryDto(
          summarizeKpiStatuses(
            c.provinces.flatMap((p) => byProvince.get(p.code) ?? []),
            { thresholds },
          ),
        ),
        provinces: c.provinces.map((p) => ({
          ...p,
          summary: summaryDto(summarizeKpiStatuses(byProvince.get(p.code) ?? [], { thresholds })),
        })),
      })),
    };
  }

  /** A cluster's member provinces × their KPIs, with the cluster's combined figure per KPI. */
  /**
   * Provincial goals lit together (the cascade to cluster goals and the national pillars): loads
   * the provinces' scorecards (each cached on its own) and answers, for any set of (province, goal),
   * the roll-up of every KPI under them, each lit exactly as its province's scorecard lights it.
   */
  async provincialGoalRollup(
    provinces: readonly string[],
    fiscalYear: number,
    asOf: string,
  ): Promise<(goals: readonly { province: string; goal: string }[]) => StatusSummaryDto> {
    const [cards, thresholds] = await Promise.all([
      Promise.all(provinces.map((code) => this.scorecard(code, fiscalYear, asOf))),
      statusThresholdsOf(this.dataSource.manager, fiscalYear),
    ]);
    const kpisOf = new Map(cards.map((c) => [c.orgUnitCode, c.kpis]));
    return (goals) =>
      summaryDto(
        summarizeKpiStatuses(
          goals.flatMap(({ province, goal }) =>
            (kpisOf.get(province) ?? [])
              .filter((k) => k.goalCode === goal)
              .map((k) =>
                statusItem({ kpiId: `${province}:${k.kpiId}`, status: k.status, achievement: k.achievement }),
              ),
          ),
          { thresholds },
        ),
      );
  }

  async clusterView(code: string, fiscalYear?: number, asOfDate?: string): Promise<ClusterViewDto> {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    return this.clusterViews.through(this.dataSource.manager, `cluster:${code}`, `${code}|${fy}|${asOf}`, () =>
      this.computeClusterView(code, fy, asOf),
    );
  }

  private async computeClusterView(code: string, fy: number, asOf: string): Promise<ClusterViewDto> {
    const [cluster] = await this.dataSource.query(`SELECT id FROM org_unit WHERE code = $1 AND type = 'cluster'`, [
      code,
    ]);
    if (!cluster) throw notFound('notFound.unit');
    const rows: KpiRow[] = await this.dataSource.query(
      KPI_SQL(`u.parent_id = $1 AND u.type = 'province'`, { trend: false }),
      [cluster.id, fy, String(fy)],
    );
    const thresholds = await statusThresholdsOf(this.dataSource.manager, fy);
    const evaluated = rows.map((row) => ({ row, e: evaluate(row, fy, asOf, thresholds) }));
    const provinces = [...new Map(rows.map((r) => [r.org_unit_code, r])).values()]
      .map((r) => ({ code: r.org_unit_code, nameTh: r.org_name_th, nameEn: r.org_name_en }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const codes = [...new Set(rows.map((r) => r.code))];
    return {
      clusterCode: code,
      fiscalYear: fy,
      asOf,
      provinces,
      kpis: codes.map((kpiCode) => {
        const group = evaluated.filter(({ row }) => row.code === kpiCode);
        const first = group[0].row;
        return {
          code: kpiCode,
          nameTh: first.name_th,
          nameEn: first.name_en,
          unitTh: first.unit_th,
          unitEn: first.unit_en,
          aggregation: first.aggregation,
          clusterValue: aggregate(group, fy, asOf).value,
          cells: group.map(({ row, e }) => ({
            orgUnitCode: row.org_unit_code,
            kpiId: row.kpi_id,
            actual: e.actual,
            achievement: e.achievement,
            status: e.status,
          })),
        };
      }),
    };
  }
}

interface ClusterRow {
  code: string;
  name_th: string;
  name_en: string;
  region_code: string;
  provinces: { code: string; nameTh: string; nameEn: string }[];
}

const statusItem = (k: { kpiId: string; status: KpiStatusName; achievement: number | null }) => ({
  id: k.kpiId,
  status: k.status,
  achievement: k.achievement,
});

function summaryDto(s: StatusSummary): StatusSummaryDto {
  return {
    counts: { ...s.counts },
    kpiCount: s.kpiCount,
    judgedCount: s.judgedCount,
    onTrackShare: s.onTrackShare,
    performanceIndex: s.performanceIndex,
    status: s.status,
  };
}

type Evaluated = { row: KpiRow; e: ReturnType<typeof evaluate> };

/**
 * A KPI combined over provinces, by the KPI's declared kind: sums of the actuals to date, pooled
 * numerators and denominators of the due approved periods for ratios, or nothing where combining
 * would mislead.
 */
function aggregate(group: Evaluated[], fy: number, asOf: string) {
  const kind = group[0].row.aggregation;
  const multiplier = num(group[0].row.ratio_multiplier) ?? 1;
  return aggregateAcrossProvinces(
    kind,
    group.map(({ row, e }) => {
      if (kind !== 'weighted_ratio') return { code: row.org_unit_code, value: e.actual };
      const due = row.results.filter((r) => isPeriodDue(r.period, asOf));
      return due.length
        ? {
            code: row.org_unit_code,
            numerator: due.reduce((a, r) => a + (num(r.numerator) ?? 0), 0),
            denominator: due.reduce((a, r) => a + (num(r.denominator) ?? 0), 0),
          }
        : { code: row.org_unit_code };
    }),
    { multiplier },
  );
}

function clusterAggregates(evaluated: Evaluated[], fy: number, asOf: string): ClusterAggregateDto[] {
  const byCluster = new Map<string, Evaluated[]>();
  for (const item of evaluated) {
    if (!item.row.cluster_code) continue;
    byCluster.set(item.row.cluster_code, [...(byCluster.get(item.row.cluster_code) ?? []), item]);
  }
  const clusters = [...byCluster.entries()].map(([code, group]) => {
    const result = aggregate(group, fy, asOf);
    return {
      code,
      clusterCode: code,
      nameTh: group[0].row.cluster_name_th ?? code,
      nameEn: group[0].row.cluster_name_en ?? code,
      aggregation: result.kind,
      value: result.value,
      missing: [...result.missing],
    };
  });
  const direction = evaluated[0]?.row.direction;
  const ranked = rankProvinces(clusters, { by: 'value', direction, decimals: 2 });
  return ranked
    .map(({ code: _code, ...c }) => c)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.clusterCode.localeCompare(b.clusterCode));
}
