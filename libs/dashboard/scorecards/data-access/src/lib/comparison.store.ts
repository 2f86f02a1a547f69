import type { HttpResourceRef } from '@angular/common/http';
import { computed, effect, inject, Injectable, linkedSignal, signal, untracked } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { injectHighlights, injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  DisbursementBatchImportedEvent,
  DisbursementBudgetType,
  DisbursementRateDto,
  KpiResultChangedEvent,
  RankingChangedEvent,
  RankingKind,
  TargetChangedEvent,
} from '@provdash/shared/contracts';
import {
  agreementRankingResource,
  clusterDirectoryResource,
  disbursementRankingResource,
} from './comparison.resources';
import { changesFor, keepLatest, LiveKpiChange, patchGoalComparison, patchKpiComparison } from './live-patches';
import { comparisonRoom } from './live-rooms';
import {
  agreementMetricView,
  clusterIndex,
  disbursementMetricView,
  goalMetricView,
  kpiMetricView,
  type MetricKind,
  type MetricView,
  patchAgreementRanking,
  patchDisbursementRanking,
} from './metric-view';
import { valueOf } from './province-view.store';
import {
  goalComparisonResource,
  kpiComparisonResource,
  planForYear,
  plansResource,
  strategyMapResource,
} from './scorecards.resources';

export type ComparisonKind = MetricKind;

interface Evaluation {
  fiscalYear: number | null;
  asOf: string | null;
}

/** What is compared: a KPI or a goal by code, the agreement score, or the disbursement rate of a budget type. */
export type ComparisonQuery =
  | ({ kind: 'kpi' | 'goal'; code: string } & Evaluation)
  | ({ kind: 'agreement' } & Evaluation)
  | ({ kind: 'disbursement'; budgetType: DisbursementBudgetType } & Evaluation);

export interface CodeOption {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** Chiang Mai's plan carries the demo template of KPI and goal codes every province shares. */
export const OPTIONS_UNIT = '50';

/** Key of the chart among the highlighted province codes. */
export const CHART_KEY = 'chart';

/** A national ranking as `ranking.changed` brought it; `epoch` as for {@link LiveKpiChange}. */
interface LiveRanking {
  epoch: number;
  event: RankingChangedEvent;
}

/** A province's new disbursement figures from a GFMIS import (or its rollback). */
interface LiveRate {
  epoch: number;
  rate: DisbursementRateDto;
}

type LiveWork = { change: LiveKpiChange } | { ranking: LiveRanking } | { rate: LiveRate } | { reload: true };

/** Whether a query names something to compare (a KPI or goal needs its code). */
function complete(q: ComparisonQuery | undefined): q is ComparisonQuery {
  return !!q && (q.kind === 'agreement' || q.kind === 'disbursement' || !!q.code);
}

/**
 * One metric across the provinces: a KPI or goal (the codes to pick from taken from a reference
 * plan), the performance-agreement score or the disbursement rate; `view` gives every kind the
 * same shape for the screen.
 *
 * Live: it watches `national` (or `public`) and, a burst at a time, patches what changed and ranks
 * the rows again as the API does: a KPI or goal row from each approval's scorecard effect, the
 * agreement scores from `ranking.changed`, a province's disbursement from its GFMIS import (its
 * cluster moving by as much) and the overall rates from `ranking.changed`. A KPI's cluster figures
 * combine members' raw data no event carries, so after a burst that moved a KPI row they are
 * fetched again, quietly, while the patched rows show at once.
 */
@Injectable()
export class ComparisonStore {
  private readonly auth = inject(AuthStore);

  readonly optionsUnit = signal(OPTIONS_UNIT);
  readonly query = signal<ComparisonQuery | undefined>(undefined);

  /** Declared before the comparisons, so the room's join leaves ahead of their first request. */
  readonly live = inject(RealtimeService).watch(
    () => (complete(this.query()) ? comparisonRoom(this.auth.user()) : null),
    {
      'kpi-result.changed': (e) => this.received(e.data),
      'ranking.changed': (e) => this.rankingChanged(e.data),
      'disbursement-batch.imported': (e) => this.batchImported(e.data),
      'target.changed': (e) => this.targetChanged(e.data),
      refetch: () => this.refresh(),
    },
  );

  readonly plans = plansResource(() => this.optionsUnit());
  readonly map = strategyMapResource(() => planForYear(valueOf(this.plans), this.query()?.fiscalYear)?.id);
  readonly directory = clusterDirectoryResource(() => !!this.query());

  readonly kpiOptions = computed<CodeOption[]>(() =>
    (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.flatMap((g) =>
        g.kpis.filter((k) => !k.retired).map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
      ),
    ),
  );
  /**
   * The KPI a comparison opens on: the plan's first reported within the year, else its first. A
   * yearly KPI has nothing to compare in the running year until the year is over, so opening on one
   * would show the current year empty for eleven months.
   */
  readonly defaultKpiCode = computed<string | undefined>(() => {
    const kpis = (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.flatMap((g) => g.kpis.filter((k) => !k.retired)),
    );
    return (kpis.find((k) => k.frequency !== 'yearly') ?? kpis[0])?.code;
  });
  readonly goalOptions = computed<CodeOption[]>(() =>
    (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.filter((g) => !g.retired).map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
    ),
  );

  readonly kpiComparison = kpiComparisonResource(() => {
    const q = this.query();
    return q?.kind === 'kpi' && q.code ? { kpiCode: q.code, fiscalYear: q.fiscalYear, asOf: q.asOf } : undefined;
  });
  readonly goalComparison = goalComparisonResource(() => {
    const q = this.query();
    return q?.kind === 'goal' && q.code ? { goalCode: q.code, fiscalYear: q.fiscalYear, asOf: q.asOf } : undefined;
  });
  readonly agreementRanking = agreementRankingResource(() => {
    const q = this.query();
    return q?.kind === 'agreement' ? { fiscalYear: q.fiscalYear, asOf: q.asOf } : undefined;
  });
  readonly disbursementRanking = disbursementRankingResource(() => {
    const q = this.query();
    return q?.kind === 'disbursement'
      ? { level: 'province', budgetType: q.budgetType, fiscalYear: q.fiscalYear, asOf: q.asOf }
      : undefined;
  });
  readonly disbursementClusters = disbursementRankingResource(() => {
    const q = this.query();
    return q?.kind === 'disbursement'
      ? { level: 'cluster', budgetType: q.budgetType, fiscalYear: q.fiscalYear, asOf: q.asOf }
      : undefined;
  });

  /** Province codes (and `chart`) that just changed, for a brief highlight. */
  readonly highlights = injectHighlights();

  private epoch = 0;
  private requested = 0;
  private reloadAfterLoad = false;
  private readonly changes = linkedSignal<ComparisonQuery | undefined, LiveKpiChange[]>({
    source: this.query,
    computation: () => [],
  });
  private readonly rankings = linkedSignal<ComparisonQuery | undefined, LiveRanking[]>({
    source: this.query,
    computation: () => [],
  });
  private readonly rates = linkedSignal<ComparisonQuery | undefined, LiveRate[]>({
    source: this.query,
    computation: () => [],
  });
  /** The comparison on screen, seen as what every kind shares. */
  private readonly active = computed<HttpResourceRef<{ fiscalYear: number } | undefined>>(() => {
    switch (this.query()?.kind) {
      case 'goal':
        return this.goalComparison;
      case 'agreement':
        return this.agreementRanking;
      case 'disbursement':
        return this.disbursementRanking;
      default:
        return this.kpiComparison;
    }
  });
  /** Changes older than this are inside the snapshot shown; moves when a reloaded snapshot arrives. */
  private readonly floor = linkedSignal({
    source: () => valueOf(this.active()),
    computation: () => this.requested,
  });
  private readonly batch = injectLiveBatch<LiveWork>((work) => this.apply(work));

  /** The KPI comparison as it stands now: the snapshot with the approvals heard since, re-ranked. */
  readonly kpiView = computed(() => {
    const base = valueOf(this.kpiComparison);
    return base && patchKpiComparison(base, changesFor(this.changes(), this.floor(), base.fiscalYear));
  });
  readonly goalView = computed(() => {
    const base = valueOf(this.goalComparison);
    return base && patchGoalComparison(base, changesFor(this.changes(), this.floor(), base.fiscalYear));
  });
  readonly agreementView = computed(() => {
    const base = valueOf(this.agreementRanking);
    return base && patchAgreementRanking(base, this.latestRanking('agreement', base.fiscalYear));
  });
  private readonly clusterOf = computed(() => {
    const directory = valueOf(this.directory);
    return directory && clusterIndex(directory);
  });
  readonly disbursementView = computed(() => {
    const provinces = valueOf(this.disbursementRanking);
    if (!provinces) return undefined;
    const floor = this.floor();
    const rates = this.rates()
      .filter((r) => r.epoch >= floor)
      .map((r) => r.rate);
    return patchDisbursementRanking(
      provinces,
      valueOf(this.disbursementClusters),
      rates,
      this.latestRanking('disbursement', provinces.fiscalYear),
      this.clusterOf() ?? new Map(),
    );
  });

  /** The chosen comparison in the one shape the screen draws, whatever its kind. */
  readonly view = computed<MetricView | undefined>(() => {
    switch (this.query()?.kind) {
      case 'kpi': {
        const v = this.kpiView();
        return v && kpiMetricView(v);
      }
      case 'goal': {
        const v = this.goalView();
        return v && goalMetricView(v);
      }
      case 'agreement': {
        const v = this.agreementView();
        return v && agreementMetricView(v);
      }
      case 'disbursement': {
        const v = this.disbursementView();
        const clusterOf = this.clusterOf();
        // Without the directory the rows would have no clusters; it is one small request away.
        return v && clusterOf && disbursementMetricView(v.provinces, v.clusters, clusterOf);
      }
      default:
        return undefined;
    }
  });
  readonly loading = computed(() => {
    const q = this.query();
    if (!complete(q)) return false;
    if (this.active().isLoading()) return true;
    return q.kind === 'disbursement' && (this.directory.isLoading() || this.disbursementClusters.isLoading());
  });
  readonly error = computed(() => {
    const q = this.query();
    if (!complete(q)) return false;
    if (this.active().error()) return true;
    return q.kind === 'disbursement' && !!(this.directory.error() || this.disbursementClusters.error());
  });

  constructor() {
    effect(() => {
      const status = this.active().status();
      if (status !== 'loading' && this.reloadAfterLoad) {
        this.reloadAfterLoad = false;
        untracked(() => this.refresh());
      }
    });
  }

  /** Reloads the comparison shown; what arrives live meanwhile is kept on top of the new snapshot. */
  refresh(): void {
    const resource = this.active();
    // Settle the floor of the snapshot shown before the new request moves the mark (it is computed lazily).
    untracked(this.floor);
    if (resource.reload()) {
      this.requested = ++this.epoch;
      // Cluster sums are patched by what their members moved since the same mark: both reload together.
      if (untracked(this.query)?.kind === 'disbursement') this.disbursementClusters.reload();
    } else if (resource.status() === 'loading') this.reloadAfterLoad = true;
  }

  /** The newest national ranking of a kind heard since the snapshot shown was requested. */
  private latestRanking(kind: RankingKind, fiscalYear: number): RankingChangedEvent | undefined {
    const floor = this.floor();
    const heard = this.rankings().filter(
      (r) => r.epoch >= floor && r.event.kind === kind && r.event.fiscalYear === fiscalYear,
    );
    return heard[heard.length - 1]?.event;
  }

  private received(event: KpiResultChangedEvent): void {
    const q = this.query();
    const effect = event.scorecard;
    if (!q || !effect || (q.kind !== 'kpi' && q.kind !== 'goal')) return;
    const concerns = q.kind === 'kpi' ? event.kpiCode === q.code : effect.goal.code === q.code;
    if (!concerns) return;
    // The effect is as of today; a comparison as of another day has to be evaluated again.
    if (q.asOf) {
      this.batch.push({ reload: true });
      return;
    }
    this.batch.push({
      change: { epoch: this.epoch, orgUnitCode: event.orgUnitCode, fiscalYear: event.fiscalYear, effect },
    });
  }

  /** Rankings are of today: a comparison as of another day is evaluated again instead. */
  private rankingChanged(event: RankingChangedEvent): void {
    const q = this.query();
    if (q?.kind !== event.kind) return;
    this.batch.push(q.asOf ? { reload: true } : { ranking: { epoch: this.epoch, event } });
  }

  private batchImported(event: DisbursementBatchImportedEvent): void {
    const q = this.query();
    if (q?.kind !== 'disbursement') return;
    if (q.asOf) {
      this.batch.push({ reload: true });
      return;
    }
    for (const rate of event.rates) this.batch.push({ rate: { epoch: this.epoch, rate } });
  }

  /**
   * A province's new KPI target moves its expected value, achievement and light, and a new
   * disbursement target moves every gap and light: no event carries those, so the snapshot is reloaded.
   */
  private targetChanged(event: TargetChangedEvent): void {
    const q = this.query();
    if (!complete(q)) return;
    if (event.kind === 'disbursement-target') {
      if (q.kind === 'disbursement' && q.budgetType === event.budgetType) this.batch.push({ reload: true });
      return;
    }
    if (q.kind !== 'kpi' && q.kind !== 'goal') return;
    // The ministry's thresholds judge every light of their year: the comparison of that year reloads.
    if (event.kind === 'status-thresholds') {
      const shown = q.kind === 'kpi' ? valueOf(this.kpiComparison) : valueOf(this.goalComparison);
      if (shown?.fiscalYear === event.fiscalYear) this.batch.push({ reload: true });
      return;
    }
    // A province renaming or retiring a KPI or goal changes its row: reload when it is on screen.
    if (event.kind === 'definition') {
      const rows = (q.kind === 'kpi' ? valueOf(this.kpiComparison) : valueOf(this.goalComparison))?.rows ?? [];
      if (rows.some((r) => r.orgUnitCode === event.orgUnitCode)) this.batch.push({ reload: true });
      return;
    }
    const shown = q.kind === 'goal' || valueOf(this.kpiComparison)?.rows.some((r) => r.kpiId === event.kpiId);
    if (shown) this.batch.push({ reload: true });
  }

  private apply(work: LiveWork[]): void {
    const added = work.flatMap((w) => ('change' in w ? [w.change] : []));
    const rankings = work.flatMap((w) => ('ranking' in w ? [w.ranking] : []));
    const rates = work.flatMap((w) => ('rate' in w ? [w.rate] : []));
    const q = this.query();
    if (added.length) {
      this.changes.update((list) => keepLatest(list, added, (c) => c.orgUnitCode));
      const fiscalYear = valueOf(this.active())?.fiscalYear;
      const shown = added.filter((c) => c.fiscalYear === fiscalYear);
      if (shown.length) this.highlights.mark([...shown.map((c) => c.orgUnitCode), CHART_KEY]);
    }
    if (rankings.length || rates.length) {
      // A ranking names every province: mark only those whose figure moved.
      const before = new Map(untracked(this.view)?.rows.map((r) => [r.code, r.value]));
      if (rankings.length) this.rankings.update((list) => keepLatest(list, rankings, (r) => r.event.kind));
      if (rates.length) this.rates.update((list) => keepLatest(list, rates, (r) => r.rate.orgUnitCode));
      const moved = (untracked(this.view)?.rows ?? []).filter(
        (r) => before.has(r.code) && before.get(r.code) !== r.value,
      );
      if (moved.length) this.highlights.mark([...moved.map((r) => r.code), CHART_KEY]);
    }
    const kpi = q?.kind === 'kpi' ? valueOf(this.kpiComparison) : undefined;
    const clustersMoved =
      !!kpi && kpi.clusters.some((c) => c.aggregation !== 'none') && added.some((c) => c.fiscalYear === kpi.fiscalYear);
    if (clustersMoved || work.some((w) => 'reload' in w)) this.refresh();
  }
}
