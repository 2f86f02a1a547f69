import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore, FirstPaint } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import {
  NationalOverviewStore,
  OVERVIEW_FISCAL_YEARS,
  overviewQueryOf,
  primeNationalOverview,
  valueOf,
} from '@provdash/dashboard/overview/data-access';
import {
  ClusterStatusGrid,
  injectLang,
  LiveFeedList,
  localName,
  PlaceNames,
  RankingEntry,
  RankingList,
} from '@provdash/dashboard/overview/ui';
import { formatPercent, PeriodFilters } from '@provdash/dashboard/scorecards/ui';
import { formatAgreementScoreShort, formatDateLabel } from '@provdash/shared/domain';

/**
 * The front page (`/`), for everyone: all 18 clusters' lights, the disbursement and agreement
 * rankings (top and bottom, the rest on /compare) and what changed today in the reader's scope,
 * live. The cluster directory lives on at /clusters.
 */
@Component({
  selector: 'pd-national-overview-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    ClusterStatusGrid,
    RankingList,
    LiveFeedList,
    PeriodFilters,
  ],
  providers: [NationalOverviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './national-overview.page.html',
  styleUrl: './national-overview.page.scss',
})
export class NationalOverviewPage {
  /** Query parameters (component input binding). */
  readonly fy = input<string>();
  readonly asOf = input<string>();

  protected readonly store = inject(NationalOverviewStore);
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);
  private readonly firstPaint = inject(FirstPaint);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lang = injectLang();
  protected readonly years = OVERVIEW_FISCAL_YEARS;
  protected readonly query = computed(() => overviewQueryOf(this.fy(), this.asOf()));

  protected readonly clusters = computed(() => this.store.clusters()?.clusters ?? []);

  protected readonly disbursementEntries = computed<RankingEntry[]>(() =>
    (this.store.disbursementRanking()?.rows ?? []).map((r) => ({
      code: r.code,
      name: localName(r, this.lang()),
      rank: r.rank,
      value: formatPercent(r.rate),
    })),
  );
  protected readonly agreementEntries = computed<RankingEntry[]>(() =>
    (this.store.agreementRanking()?.rows ?? []).map((r) => ({
      code: r.orgUnitCode,
      name: localName(r, this.lang()),
      rank: r.liveRank,
      value: r.liveScore === null ? '–' : formatAgreementScoreShort(r.liveScore),
    })),
  );

  /** Names of every province and cluster, for the feed's sentences. */
  protected readonly places = computed<PlaceNames>(() => {
    // Asked for after the first paint (the clusters' lights), which waits for one request.
    const directory = this.store.clusters() ? untracked(() => this.injector.get(OrgUnitsStore)).directory : undefined;
    const d = directory ? valueOf(directory) : undefined;
    const units = d ? [...d.clusters, ...d.clusters.flatMap((c) => c.provinces), ...d.unclustered] : [];
    return new Map(units.map((u) => [u.code, u]));
  });

  /** Whose changes the feed lists, in words. */
  protected readonly feedScope = computed(() => {
    const room = this.store.feedRoom();
    const scope = this.auth.user()?.scope;
    if (room?.startsWith('province:') || room?.startsWith('cluster:')) {
      return { key: 'overview.feed.scope.unit', params: { name: localName(scope, this.lang()) } };
    }
    return { key: room === 'national' ? 'overview.feed.scope.national' : 'overview.feed.scope.public', params: {} };
  });

  protected readonly asOfLabel = computed(() => {
    const asOf = this.store.clusters()?.asOf ?? this.store.disbursementRanking()?.asOf;
    return asOf ? formatDateLabel(asOf, this.lang()) : '';
  });
  protected readonly target = computed(() => formatPercent(this.store.disbursementRanking()?.target));
  protected readonly pct = formatPercent;

  constructor() {
    effect(() => {
      const query = this.query();
      // Before the store asks for its three read models: they are answered from this one request.
      void primeNationalOverview(this.firstPaint, query);
      this.store.query.set(query);
    });
  }

  protected setFilter(queryParams: { fy?: number | null; asOf?: string | null }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
