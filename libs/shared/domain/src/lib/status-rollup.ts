/**
 * Roll-up of KPI traffic lights to goals, strategic issues and the plan (DHIS2 / balanced-scorecard
 * style): how many KPIs are on track, a weighted performance index, and a colour for each node.
 *
 * A node is judged on **all the KPIs beneath it, pooled**, not on the mean of its children's
 * figures: an issue with ten KPIs must not weigh the same as an issue with one, for the same reason
 * a rate is the ratio of the sums and not the mean of the ratios (see kpi-rollup.ts). The index is
 * computed as an exact fraction and converted to `number` once, like every published figure here.
 */
import { StatusThresholds, statusFromAchievement } from './kpi-status';
import { KPI_STATUSES, type KpiStatusName } from './vocabulary';
import { Rational, ZERO, add, compare, div, fromInteger, mul, parseDecimal, sign, toNumber } from './rational';

/** The levels of a strategy map above the KPIs. The order plan → issue → goal is not enforced. */
export type StrategyNodeKind = 'plan' | 'issue' | 'goal';

/**
 * Above 120 % one KPI that overshoots (a target set too low, a one-off event) would lift the index
 * enough to hide a red KPI next to it. Balanced scorecards commonly cap at 100–120 %.
 */
export const DEFAULT_ACHIEVEMENT_CAP = 120;

/** One KPI as {@link evaluateKpiStatus} judged it. */
export interface KpiStatusItem {
  readonly id: string;
  readonly status: KpiStatusName;
  /** Percent, or `null` when undefined (no result, no target, or a quotient without meaning). */
  readonly achievement: number | null;
  /** Relative weight in the performance index; default 1, must be positive. */
  readonly weight?: number;
}

export interface KpiStatusLeaf extends KpiStatusItem {
  readonly kind: 'kpi';
}

export interface StrategyGroupNode {
  readonly kind: StrategyNodeKind;
  readonly id: string;
  readonly children: readonly StatusTreeNode[];
}

export type StatusTreeNode = StrategyGroupNode | KpiStatusLeaf;

export type StatusCounts = Readonly<Record<KpiStatusName, number>>;

export interface StatusSummary {
  readonly counts: StatusCounts;
  /** All KPIs beneath the node, `none` included. */
  readonly kpiCount: number;
  /** green + amber + red + grey: the KPIs that something was due for. */
  readonly judgedCount: number;
  /** green / judged, a fraction 0…1; `null` when nothing is judged. */
  readonly onTrackShare: number | null;
  /** Σ wᵢ·clamp(aᵢ, 0, cap) / Σ wᵢ in percent, unrounded; `null` when no KPI enters it. */
  readonly performanceIndex: number | null;
  /** Σ wᵢ of the KPIs that entered the index. */
  readonly indexWeight: number;
  readonly status: KpiStatusName;
}

export interface StatusRollupNode {
  readonly kind: StrategyNodeKind | 'kpi';
  readonly id: string;
  readonly summary: StatusSummary;
  /** Same order as the input; empty for a KPI. */
  readonly children: readonly StatusRollupNode[];
}

export interface StatusRollupOptions {
  /** The same settings as the KPI lights; default {@link DEFAULT_STATUS_THRESHOLDS}. */
  readonly thresholds?: Partial<StatusThresholds>;
  /** Upper bound of one KPI's achievement in the index; default 120. `null`: no cap. */
  readonly achievementCap?: number | null;
}

/**
 * Summary of one flat list of KPIs, e.g. the KPIs of one goal or of one agency.
 *
 * - `onTrackShare` = green / (green + amber + red + grey). Grey counts as not on track: a result
 *   that is due and missing is not a success. `none` (not yet due, or no target) is left out.
 * - `performanceIndex` = Σ wᵢ·clamp(aᵢ, 0, cap) / Σ wᵢ over green/amber/red KPIs with an
 *   achievement, plus grey KPIs at 0. The cap stops one runaway KPI hiding the others; the floor
 *   at 0 is its mirror: a negative achievement (a negative actual against a positive target)
 *   counts no worse than a missing result. `none` KPIs and judged KPIs whose achievement is
 *   undefined stay out of the index (they still count in `counts` and `onTrackShare`).
 * - `status`: `none` if nothing is judged; `grey` if every judged KPI is grey; otherwise the index
 *   against the KPI thresholds (green ≥ 100, amber ≥ 80, red below). If no KPI entered the index
 *   (only KPIs with an undefined achievement, such as a target of 0 met), the worst of their
 *   lights.
 */
export function summarizeKpiStatuses(kpis: readonly KpiStatusItem[], options: StatusRollupOptions = {}): StatusSummary {
  const settings = resolveOptions(options);
  const ids = new Set<string>();
  const total = kpis.reduce((acc, kpi) => merge(acc, leafAccumulator(kpi, settings, ids)), emptyAccumulator());
  return summarize(total, settings);
}

/**
 * Summaries for every node of a strategy-map tree, in one post-order pass: each node's totals are
 * the merged totals of its children, so a node's summary equals {@link summarizeKpiStatuses} of
 * all the KPIs beneath it. A KPI keeps its own status. KPI ids must be unique across the tree: a
 * KPI listed under two goals would count twice in the plan.
 */
export function rollUpStatusTree(root: StatusTreeNode, options: StatusRollupOptions = {}): StatusRollupNode {
  const settings = resolveOptions(options);
  const ids = new Set<string>();

  const visit = (node: StatusTreeNode): { result: StatusRollupNode; totals: Accumulator } => {
    if (node.kind === 'kpi') {
      const totals = leafAccumulator(node, settings, ids);
      const summary = { ...summarize(totals, settings), status: node.status };
      return { result: { kind: 'kpi', id: node.id, summary, children: [] }, totals };
    }
    assertGroupKind(node);
    const visited = node.children.map(visit);
    const totals = visited.reduce((acc, child) => merge(acc, child.totals), emptyAccumulator());
    return {
      result: {
        kind: node.kind,
        id: node.id,
        summary: summarize(totals, settings),
        children: visited.map((child) => child.result),
      },
      totals,
    };
  };

  return visit(root).result;
}

interface Settings {
  readonly thresholds: Partial<StatusThresholds>;
  readonly cap: Rational | null;
}

interface Accumulator {
  readonly counts: StatusCounts;
  /** Σ wᵢ·clamp(aᵢ). */
  readonly weighted: Rational;
  /** Σ wᵢ over the KPIs in the index. */
  readonly weight: Rational;
}

const NO_COUNTS: StatusCounts = { green: 0, amber: 0, red: 0, grey: 0, none: 0 };

function emptyAccumulator(): Accumulator {
  return { counts: NO_COUNTS, weighted: ZERO, weight: ZERO };
}

function merge(a: Accumulator, b: Accumulator): Accumulator {
  return {
    counts: {
      green: a.counts.green + b.counts.green,
      amber: a.counts.amber + b.counts.amber,
      red: a.counts.red + b.counts.red,
      grey: a.counts.grey + b.counts.grey,
      none: a.counts.none + b.counts.none,
    },
    weighted: add(a.weighted, b.weighted),
    weight: add(a.weight, b.weight),
  };
}

function leafAccumulator(kpi: KpiStatusItem, settings: Settings, ids: Set<string>): Accumulator {
  if (!(KPI_STATUSES as readonly string[]).includes(kpi.status)) {
    throw new RangeError(`KPI ${kpi.id} has an unknown status: ${String(kpi.status)}`);
  }
  if (ids.has(kpi.id)) {
    throw new RangeError(`KPI ${kpi.id} is listed twice; it would count twice in the roll-up`);
  }
  ids.add(kpi.id);
  const weight = parseWeight(kpi);
  const counts = { ...NO_COUNTS, [kpi.status]: 1 };
  const score = indexScore(kpi, settings);
  if (score === null) {
    return { counts, weighted: ZERO, weight: ZERO };
  }
  return { counts, weighted: mul(weight, score), weight };
}

/** What the KPI contributes to the index before weighting, or `null` when it stays out. */
function indexScore(kpi: KpiStatusItem, settings: Settings): Rational | null {
  if (kpi.status === 'grey') {
    return ZERO;
  }
  if (kpi.status === 'none' || kpi.achievement === null || kpi.achievement === undefined) {
    return null;
  }
  const achievement = parseDecimal(kpi.achievement);
  if (sign(achievement) < 0) {
    return ZERO;
  }
  return settings.cap !== null && compare(achievement, settings.cap) > 0 ? settings.cap : achievement;
}

function summarize(totals: Accumulator, settings: Settings): StatusSummary {
  const { counts } = totals;
  const judgedCount = counts.green + counts.amber + counts.red + counts.grey;
  const kpiCount = judgedCount + counts.none;
  const index = sign(totals.weight) > 0 ? div(totals.weighted, totals.weight) : null;
  return {
    counts,
    kpiCount,
    judgedCount,
    onTrackShare: judgedCount === 0 ? null : toNumber(div(fromInteger(counts.green), fromInteger(judgedCount))),
    performanceIndex: index === null ? null : toNumber(index),
    indexWeight: toNumber(totals.weight),
    status: nodeStatus(counts, judgedCount, index, settings),
  };
}

function nodeStatus(
  counts: StatusCounts,
  judgedCount: number,
  index: Rational | null,
  settings: Settings,
): KpiStatusName {
  if (judgedCount === 0) {
    return 'none';
  }
  if (counts.grey === judgedCount) {
    return 'grey';
  }
  if (index !== null) {
    return statusFromAchievement(toNumber(index), settings.thresholds);
  }
  // Every judged KPI has an undefined achievement (a grey one would have entered the index at 0).
  return counts.red > 0 ? 'red' : counts.amber > 0 ? 'amber' : 'green';
}

function parseWeight(kpi: KpiStatusItem): Rational {
  const weight = parseDecimal(kpi.weight ?? 1);
  if (sign(weight) <= 0) {
    throw new RangeError(`KPI ${kpi.id} needs a positive weight, got ${kpi.weight}`);
  }
  return weight;
}

function assertGroupKind(node: StrategyGroupNode): void {
  if (!['plan', 'issue', 'goal'].includes(node.kind) || !Array.isArray(node.children)) {
    throw new RangeError(`Node ${node.id} is neither a KPI nor a plan, issue or goal with children`);
  }
}

function resolveOptions(options: StatusRollupOptions): Settings {
  const thresholds = options.thresholds ?? {};
  // Validates the thresholds up front, so a bad setting fails even for a tree with nothing judged.
  statusFromAchievement(0, thresholds);
  const capSetting = options.achievementCap === undefined ? DEFAULT_ACHIEVEMENT_CAP : options.achievementCap;
  if (capSetting === null) {
    return { thresholds, cap: null };
  }
  const cap = parseDecimal(capSetting);
  // A cap below the green threshold would make a green node impossible.
  if (statusFromAchievement(capSetting, thresholds) !== 'green') {
    throw new RangeError(`The achievement cap (${capSetting}) must not be below the green threshold`);
  }
  return { thresholds, cap };
}
