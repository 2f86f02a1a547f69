import { computed, effect, inject, Injectable, Injector, linkedSignal, signal, untracked } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { injectHighlights, injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { KpiResultChangedEvent, TargetChangedEvent } from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import { changesFor, keepLatest, LiveKpiChange, patchScorecard } from './live-patches';
import { provinceRoom, scopeNeedsDirectory } from './live-rooms';
import { groupScorecard } from './scorecard-groups';
import {
  contributionsResource,
  forecastsResource,
  planForYear,
  plansResource,
  scorecardResource,
  strategyMapResource,
} from './scorecards.resources';

export interface ProvinceViewQuery {
  code: string;
  fiscalYear: number | null;
  asOf: string | null;
}

/** A value that is never read from a resource in error (reading one would throw). */
export function valueOf<T>(res: { hasValue(): boolean; value(): T }): T | undefined {
  return res.hasValue() ? res.value() : undefined;
}

/** What a burst of events asks of the screen: lines to patch, or a reload where no patch can say it. */
type LiveWork = { change: LiveKpiChange } | { reload: true };

/** Key of the headline tile (plan lights and counts) among the highlighted KPI ids. */
export const HEADLINE_KEY = 'plan';

/**
 * The governor's view of one province: the scorecard (one request), and the plan's map for the
 * names of issues and goals (the plan list, then the map). Provide it on the page.
 *
 * Live: it watches the province's room (or `public`, keeping this province's events) and patches
 * the KPI line, the goal, issue and plan roll-ups and the counts from each approval's scorecard
 * effect, a burst at a time; what no event can patch (a changed target, a view as of a past day,
 * missed events) reloads the scorecard.
 */
@Injectable()
export class ProvinceViewStore {
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);

  readonly query = signal<ProvinceViewQuery | undefined>(undefined);

  /** The room this reader may hear the province in; null while that is not known yet. */
  readonly room = computed(() => {
    const code = this.query()?.code;
    if (!code) return null;
    const user = this.auth.user();
    // Only a cluster or region scope needs the directory: nobody else pays for its request here.
    const directory = scopeNeedsDirectory(user) ? this.directory() : undefined;
    return provinceRoom(user, code, directory);
  });

  /** Declared before the scorecard, so the room's join leaves ahead of the first request. */
  readonly live = inject(RealtimeService).watch(() => this.room(), {
    'kpi-result.changed': (e) => this.received(e.data),
    'target.changed': (e) => this.targetChanged(e.data),
    refetch: () => this.refresh(),
  });

  readonly scorecard = scorecardResource(() => this.query());
  /**
   * The year-end forecasts and what each goal contributes to: parts of the screen's first paint
   * (one request with the scorecard). An approval moves a forecast too, so they reload with it.
   */
  readonly forecasts = forecastsResource(() => this.query());
  readonly contributions = contributionsResource(() => this.query());
  /**
   * The plan's names of issues and goals follow the scorecard, below the fold of the first paint:
   * asked for once the scorecard of that province has arrived (then kept while only the year or
   * the day changes), so the first paint waits for one request.
   */
  private readonly planUnit = linkedSignal<{ code?: string; loaded?: string }, string | undefined>({
    source: () => ({ code: this.query()?.code, loaded: valueOf(this.scorecard)?.orgUnitCode }),
    computation: ({ code, loaded }, previous) => (loaded === code || previous?.value === code ? code : undefined),
  });
  readonly plans = plansResource(() => this.planUnit());
  readonly plan = computed(() => planForYear(valueOf(this.plans), this.query()?.fiscalYear));
  readonly map = strategyMapResource(() => this.plan()?.id);

  /** KPI ids (and `plan` for the headline) that just changed, for a brief highlight. */
  readonly highlights = injectHighlights();

  private epoch = 0;
  private requested = 0;
  /** A reload asked for while the first load was in flight (that request may predate what was missed). */
  private reloadAfterLoad = false;
  /** Changes since the query was set; a new query starts over. */
  private readonly changes = linkedSignal<ProvinceViewQuery | undefined, LiveKpiChange[]>({
    source: this.query,
    computation: () => [],
  });
  /** Changes older than this are inside the snapshot shown; moves when a reloaded snapshot arrives. */
  private readonly floor = linkedSignal({ source: () => valueOf(this.scorecard), computation: () => this.requested });
  private readonly batch = injectLiveBatch<LiveWork>((work) => this.apply(work));

  /** The scorecard as it stands now: the snapshot with the approvals heard since it was requested. */
  readonly card = computed(() => {
    const base = valueOf(this.scorecard);
    return base && patchScorecard(base, changesFor(this.changes(), this.floor(), base.fiscalYear, base.orgUnitCode));
  });

  readonly groups = computed(() => {
    const card = this.card();
    return card ? groupScorecard(card, valueOf(this.map)) : [];
  });

  constructor() {
    effect(() => {
      const status = this.scorecard.status();
      if (status !== 'loading' && this.reloadAfterLoad) {
        this.reloadAfterLoad = false;
        untracked(() => this.refresh());
      }
    });
  }

  /** Reloads the scorecard over REST; what arrives live meanwhile is kept on top of the new snapshot. */
  refresh(): void {
    // Settle the floor of the snapshot shown before the new request moves the mark (it is computed lazily).
    untracked(this.floor);
    this.forecasts.reload();
    this.contributions.reload();
    if (this.scorecard.reload()) this.requested = ++this.epoch;
    else if (this.scorecard.status() === 'loading') this.reloadAfterLoad = true;
  }

  private directory() {
    const directory = this.injector.get(OrgUnitsStore).directory;
    return directory.error() ? null : valueOf(directory);
  }

  private received(event: KpiResultChangedEvent): void {
    const q = this.query();
    if (!q || event.orgUnitCode !== q.code || !event.scorecard) return;
    const change = {
      epoch: this.epoch,
      orgUnitCode: event.orgUnitCode,
      fiscalYear: event.fiscalYear,
      effect: event.scorecard,
    };
    // The effect is the line as of today; a view as of another day has to be evaluated again.
    this.batch.push(this.showsToday(q) ? { change } : { reload: true });
  }

  private targetChanged(event: TargetChangedEvent): void {
    const q = this.query();
    const mine = event.kind === 'kpi-target' || event.kind === 'definition';
    if (q && mine && event.orgUnitCode === q.code) this.batch.push({ reload: true });
    // The ministry's thresholds judge every light of the year shown.
    if (q && event.kind === 'status-thresholds' && event.fiscalYear === valueOf(this.scorecard)?.fiscalYear)
      this.batch.push({ reload: true });
  }

  private showsToday(q: ProvinceViewQuery): boolean {
    return !q.asOf || q.asOf === bangkokDateOf(new Date());
  }

  private apply(work: LiveWork[]): void {
    const added = work.flatMap((w) => ('change' in w ? [w.change] : []));
    if (added.length) {
      this.changes.update((list) => keepLatest(list, added, (c) => c.effect.kpi.kpiId));
      const fiscalYear = valueOf(this.scorecard)?.fiscalYear;
      const shown = added.filter((c) => c.fiscalYear === fiscalYear);
      if (shown.length) this.highlights.mark([...shown.map((c) => c.effect.kpi.kpiId), HEADLINE_KEY]);
      // No event carries a forecast: the approvals heard are read again from its route.
      this.forecasts.reload();
    }
    if (work.some((w) => 'reload' in w)) this.refresh();
  }
}
