import type { HttpResourceRef } from '@angular/common/http';
import { computed, effect, inject, Injectable, linkedSignal, signal, untracked } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { injectHighlights, injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { KpiResultChangedEvent, TargetChangedEvent } from '@provdash/shared/contracts';
import { changesFor, keepLatest, LiveKpiChange, patchGoalComparison, patchKpiComparison } from './live-patches';
import { comparisonRoom } from './live-rooms';
import { valueOf } from './province-view.store';
import {
  goalComparisonResource,
  kpiComparisonResource,
  planForYear,
  plansResource,
  strategyMapResource,
} from './scorecards.resources';

export type ComparisonKind = 'kpi' | 'goal';

export interface ComparisonQuery {
  kind: ComparisonKind;
  code: string;
  fiscalYear: number | null;
  asOf: string | null;
}

export interface CodeOption {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** Chiang Mai's plan carries the demo template of KPI and goal codes every province shares. */
export const OPTIONS_UNIT = '50';

/** Key of the chart among the highlighted province codes. */
export const CHART_KEY = 'chart';

type LiveWork = { change: LiveKpiChange } | { reload: true };

/**
 * One KPI or goal across the provinces, with the codes to pick from taken from a reference plan.
 *
 * Live: it watches `national` (or `public`) and, a burst at a time, patches the changed province's
 * row from each approval's scorecard effect and ranks the rows again as the API does. A KPI's
 * cluster figures combine members' raw data no event carries, so after a burst that moved a KPI
 * row they are fetched again, quietly, while the patched rows show at once.
 */
@Injectable()
export class ComparisonStore {
  private readonly auth = inject(AuthStore);

  readonly optionsUnit = signal(OPTIONS_UNIT);
  readonly query = signal<ComparisonQuery | undefined>(undefined);

  /** Declared before the comparisons, so the room's join leaves ahead of their first request. */
  readonly live = inject(RealtimeService).watch(() => (this.query()?.code ? comparisonRoom(this.auth.user()) : null), {
    'kpi-result.changed': (e) => this.received(e.data),
    'target.changed': (e) => this.targetChanged(e.data),
    refetch: () => this.refresh(),
  });

  readonly plans = plansResource(() => this.optionsUnit());
  readonly map = strategyMapResource(() => planForYear(valueOf(this.plans), this.query()?.fiscalYear)?.id);

  readonly kpiOptions = computed<CodeOption[]>(() =>
    (valueOf(this.map)?.issues ?? []).flatMap((i) =>
      i.goals.flatMap((g) =>
        g.kpis.filter((k) => !k.retired).map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
      ),
    ),
  );
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

  /** Province codes (and `chart`) that just changed, for a brief highlight. */
  readonly highlights = injectHighlights();

  private epoch = 0;
  private requested = 0;
  private reloadAfterLoad = false;
  private readonly changes = linkedSignal<ComparisonQuery | undefined, LiveKpiChange[]>({
    source: this.query,
    computation: () => [],
  });
  /** The comparison on screen, seen as what both kinds share. */
  private readonly active = computed<HttpResourceRef<{ fiscalYear: number } | undefined>>(() =>
    this.query()?.kind === 'goal' ? this.goalComparison : this.kpiComparison,
  );
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
    if (resource.reload()) this.requested = ++this.epoch;
    else if (resource.status() === 'loading') this.reloadAfterLoad = true;
  }

  private received(event: KpiResultChangedEvent): void {
    const q = this.query();
    const effect = event.scorecard;
    if (!q || !effect) return;
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

  /** A province's new target moves its expected value, achievement and light: no event carries those. */
  private targetChanged(event: TargetChangedEvent): void {
    const q = this.query();
    if (!q?.code || event.kind !== 'kpi-target') return;
    const shown = q.kind === 'goal' || valueOf(this.kpiComparison)?.rows.some((r) => r.kpiId === event.kpiId);
    if (shown) this.batch.push({ reload: true });
  }

  private apply(work: LiveWork[]): void {
    const added = work.flatMap((w) => ('change' in w ? [w.change] : []));
    const q = this.query();
    if (added.length) {
      this.changes.update((list) => keepLatest(list, added, (c) => c.orgUnitCode));
      const fiscalYear = valueOf(this.active())?.fiscalYear;
      const shown = added.filter((c) => c.fiscalYear === fiscalYear);
      if (shown.length) this.highlights.mark([...shown.map((c) => c.orgUnitCode), CHART_KEY]);
    }
    const kpi = q?.kind === 'kpi' ? valueOf(this.kpiComparison) : undefined;
    const clustersMoved =
      !!kpi && kpi.clusters.some((c) => c.aggregation !== 'none') && added.some((c) => c.fiscalYear === kpi.fiscalYear);
    if (clustersMoved || work.some((w) => 'reload' in w)) this.refresh();
  }
}
