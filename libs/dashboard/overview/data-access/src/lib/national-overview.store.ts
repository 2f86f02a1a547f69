import { httpResource } from '@angular/common/http';
import { computed, effect, inject, Injectable, linkedSignal, signal, untracked } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { injectHighlights, injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  AgreementRankingDto,
  ClusterStatusDto,
  DisbursementRankingDto,
  KpiResultChangedEvent,
  MissedEvent,
  RankingChangedEvent,
  StatusSummaryDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import {
  addToFeed,
  agreementFeedItem,
  FeedItem,
  feedItemOf,
  feedRoom,
  importFeedItem,
  kpiFeedItem,
  progressFeedItem,
  todayUrl,
  rankingRoom,
} from './live-feed';
import { LiveOverlay } from './live-overlay';
import { patchAgreementRanking, patchDisbursementRanking } from './live-patches';
import {
  agreementRankingResource,
  clusterStatusResource,
  disbursementRankingResource,
  OverviewQuery,
} from './overview.resources';

/** A province's plan lights after an approval, as the event's scorecard effect gives them. */
export interface ProvinceSummaryChange {
  orgUnitCode: string;
  fiscalYear: number;
  summary: StatusSummaryDto;
}

/** The clusters with the member provinces' new lights; a cluster's own figures wait for the next snapshot. */
export function patchClusterStatus(
  base: ClusterStatusDto,
  changes: readonly ProvinceSummaryChange[],
): ClusterStatusDto {
  const latest = new Map(changes.filter((c) => c.fiscalYear === base.fiscalYear).map((c) => [c.orgUnitCode, c]));
  if (!latest.size) return base;
  return {
    ...base,
    clusters: base.clusters.map((cluster) =>
      cluster.provinces.some((p) => latest.has(p.code))
        ? {
            ...cluster,
            provinces: cluster.provinces.map((p) => {
              const change = latest.get(p.code);
              return change ? { ...p, summary: change.summary } : p;
            }),
          }
        : cluster,
    ),
  };
}

type Work = { ranking: RankingChangedEvent } | { approval: KpiResultChangedEvent } | { refetch: true };

/** How long the cluster tiles wait for approvals to settle before asking for their roll-ups again. */
export const CLUSTER_RELOAD_QUIET_MS = 3000;
export const CLUSTER_RELOAD_MAX_WAIT_MS = 15000;

/**
 * The national overview: every cluster's lights, the disbursement and agreement rankings (three
 * requests in parallel), and "what changed today", a feed of the approvals and imports heard in the
 * user's scope since the page opened. Provide it on the page.
 *
 * Live: the rankings and the provinces' lights travel to `national` (central staff) or `public`
 * (everyone else); each ranking is replaced from `ranking.changed` and the provinces' lights from
 * the approvals' scorecard effects, a burst at a time, while a cluster's pooled figures are fetched
 * again once the approvals have settled (they cannot be pooled from the provinces' summaries).
 */
@Injectable()
export class NationalOverviewStore {
  private readonly auth = inject(AuthStore);
  private readonly realtime = inject(RealtimeService);

  readonly query = signal<OverviewQuery | undefined>(undefined);

  readonly feedRoom = computed(() => feedRoom(this.auth.user(), this.auth.ready()));
  readonly rankingRoom = computed(() => rankingRoom(this.auth.user(), this.auth.ready()));

  /** Declared before the resources, so the joins leave ahead of the first requests. */
  readonly live = this.realtime.watch(() => this.rankingRoom(), {
    'ranking.changed': (e) => this.batch.push({ ranking: e.data }),
    'kpi-result.changed': (e) => this.batch.push({ approval: e.data }),
    refetch: () => this.batch.push({ refetch: true }),
  });
  /** The feed only lists what it hears: nothing to reload when the server could not replay. */
  readonly feedLive = this.realtime.watch(() => this.feedRoom(), {
    'kpi-result.changed': (e) => this.heard(kpiFeedItem(e)),
    'project-progress.changed': (e) => this.heard(progressFeedItem(e)),
    'disbursement-batch.imported': (e) => this.heard(importFeedItem(e)),
    'agreement-score.changed': (e) => this.heard(agreementFeedItem(e)),
  });

  readonly clusterResource = clusterStatusResource(() => this.query());
  readonly disbursementResource = disbursementRankingResource(() => this.query());
  readonly agreementResource = agreementRankingResource(() => this.query());

  private readonly clusterOverlay = new LiveOverlay<ClusterStatusDto, ProvinceSummaryChange>(
    this.clusterResource,
    patchClusterStatus,
    this.query,
  );
  private readonly disbursementOverlay = new LiveOverlay<DisbursementRankingDto, RankingChangedEvent['rows']>(
    this.disbursementResource,
    (base, patches) => patchDisbursementRanking(base, patches[patches.length - 1]),
    this.query,
  );
  private readonly agreementOverlay = new LiveOverlay<AgreementRankingDto, RankingChangedEvent['rows']>(
    this.agreementResource,
    (base, patches) => patchAgreementRanking(base, patches[patches.length - 1]),
    this.query,
  );

  readonly clusters = this.clusterOverlay.value;
  readonly disbursementRanking = this.disbursementOverlay.value;
  readonly agreementRanking = this.agreementOverlay.value;

  private readonly feedItems = signal<FeedItem[]>([]);
  /** Set once the clusters' lights (the first paint) have arrived or failed; it stays set. */
  private readonly painted = linkedSignal<boolean, boolean>({
    source: () => this.clusterResource.hasValue() || !!this.clusterResource.error(),
    computation: (now, previous) => now || !!previous?.value,
  });
  /**
   * What the feed's room heard earlier today, before this page opened; live events take over from
   * there. Below the fold: asked for after the first paint, which waits for one request.
   */
  readonly earlierToday = httpResource<MissedEvent[]>(() => {
    const room = this.feedRoom();
    return room && this.painted() ? (todayUrl(room) ?? undefined) : undefined;
  });
  private readonly backfill = effect(() => {
    const earlier = this.earlierToday.value();
    if (!earlier) return;
    const items = earlier.map(feedItemOf).filter((i): i is FeedItem => i !== null);
    untracked(() => this.feedItems.update((feed) => addToFeed(feed, items)));
  });
  /** Today's approvals and imports in the user's scope, newest first. */
  readonly feed = computed(() => {
    const today = bangkokDateOf(new Date());
    return this.feedItems().filter((i) => bangkokDateOf(new Date(i.at)) === today);
  });

  /** Province codes, ranking names and feed keys that just changed. */
  readonly highlights = injectHighlights();
  private readonly batch = injectLiveBatch<Work>((work) => this.apply(work));
  private readonly feedBatch = injectLiveBatch<FeedItem>((items) => {
    this.feedItems.update((feed) => addToFeed(feed, items));
    this.highlights.mark(items.map((i) => i.key));
  });
  private readonly clusterReload = injectLiveBatch<true>(() => this.clusterOverlay.reload(), {
    quietMs: CLUSTER_RELOAD_QUIET_MS,
    maxWaitMs: CLUSTER_RELOAD_MAX_WAIT_MS,
  });

  reloadAll(): void {
    this.clusterOverlay.reload();
    this.disbursementOverlay.reload();
    this.agreementOverlay.reload();
  }

  private heard(item: FeedItem | null): void {
    if (item) this.feedBatch.push(item);
  }

  private showsToday(): boolean {
    const asOf = this.query()?.asOf;
    return !asOf || asOf === bangkokDateOf(new Date());
  }

  private apply(work: Work[]): void {
    // Events of the same burst still apply until the reloaded snapshots (which contain them) arrive.
    const refetch = work.some((w) => 'refetch' in w);
    const today = this.showsToday();
    const marks: string[] = [];

    // Each event carries the whole ranking: the last one of a kind stands.
    for (const kind of ['disbursement', 'agreement'] as const) {
      const overlay = kind === 'disbursement' ? this.disbursementOverlay : this.agreementOverlay;
      const shown = kind === 'disbursement' ? this.disbursementRanking() : this.agreementRanking();
      const events = work.flatMap((w) =>
        'ranking' in w && w.ranking.kind === kind && w.ranking.fiscalYear === shown?.fiscalYear ? [w.ranking] : [],
      );
      if (!events.length) continue;
      if (today) overlay.push([events[events.length - 1].rows]);
      else if (!refetch) overlay.reload();
      marks.push(`ranking:${kind}`);
    }

    const changes = work.flatMap((w) =>
      'approval' in w && w.approval.scorecard
        ? [
            {
              orgUnitCode: w.approval.orgUnitCode,
              fiscalYear: w.approval.fiscalYear,
              summary: w.approval.scorecard.plan,
            },
          ]
        : [],
    );
    const year = this.clusters()?.fiscalYear;
    const shownChanges = changes.filter((c) => c.fiscalYear === year);
    if (shownChanges.length) {
      if (today) this.clusterOverlay.push(shownChanges);
      if (!refetch) this.clusterReload.push(true);
      marks.push(...shownChanges.map((c) => `province:${c.orgUnitCode}`));
    }
    if (refetch) this.reloadAll();
    if (marks.length) this.highlights.mark(marks);
  }
}
