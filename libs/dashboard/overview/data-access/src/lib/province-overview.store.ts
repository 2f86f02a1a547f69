import { computed, inject, Injectable, Injector, signal } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';
import { provinceRoom, scopeNeedsDirectory } from '@provdash/dashboard/scorecards/data-access';
import { injectHighlights, injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import type {
  AgreementScoreChangedEvent,
  AgreementScorecardDto,
  DisbursementBatchImportedEvent,
  DisbursementSummaryDto,
  ProjectProgressChangedEvent,
  TargetChangedEvent,
} from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import { LiveOverlay } from './live-overlay';
import { batchMovesOnlyLastMonth, DisbursementPatch, patchAgreement, patchDisbursement } from './live-patches';
import {
  agreementScorecardResource,
  disbursementSummaryResource,
  failedWith,
  lastOf,
  ProvinceQuery,
  slowestProjectsResource,
  valueOf,
} from './overview.resources';

/** What a burst of events asks of the screen. */
type Work =
  | { agreement: AgreementScoreChangedEvent }
  | { batch: DisbursementBatchImportedEvent }
  | { progress: ProjectProgressChangedEvent }
  | { target: TargetChangedEvent }
  | { refetch: true };

/** Keys of the tiles the screen marks for a moment when an event changed them. */
export const OVERVIEW_KEYS = {
  agreement: 'agreement',
  disbursement: 'disbursement',
  chart: 'chart',
  slowest: 'slowest',
};

/**
 * The governor's headline figures beside the KPI scorecard: the agreement score (live and the last
 * round), the disbursement against the targets with its monthly curve, and the slowest projects.
 * Three requests in parallel (the API has no combined one). Provide it on the page.
 *
 * Live, in the province's room (or `public`, keeping this province's events): the agreement score
 * and the disbursement totals are patched from their events, a burst at a time; the curve is
 * patched when a batch wrote only its last month and reloaded otherwise, so it redraws once per
 * burst; a changed disbursement target reloads the curve; a view as of a past day reloads instead
 * of patching (the events describe today).
 */
@Injectable()
export class ProvinceOverviewStore {
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);

  readonly query = signal<ProvinceQuery | undefined>(undefined);

  readonly room = computed(() => {
    const code = this.query()?.code;
    if (!code || !this.auth.ready()) return null;
    const user = this.auth.user();
    const directory = scopeNeedsDirectory(user) ? this.directory() : undefined;
    return provinceRoom(user, code, directory);
  });

  /** Declared before the resources, so the room's join leaves ahead of the first requests. */
  readonly live = inject(RealtimeService).watch(() => this.room(), {
    'agreement-score.changed': (e) => this.batch.push({ agreement: e.data }),
    'disbursement-batch.imported': (e) => this.batch.push({ batch: e.data }),
    'project-progress.changed': (e) => this.batch.push({ progress: e.data }),
    'target.changed': (e) => this.batch.push({ target: e.data }),
    refetch: () => this.batch.push({ refetch: true }),
  });

  readonly agreementResource = agreementScorecardResource(() => this.query());
  readonly disbursementResource = disbursementSummaryResource(() => this.query());
  readonly slowest = slowestProjectsResource(() => this.query());

  private readonly agreementOverlay = new LiveOverlay<AgreementScorecardDto, AgreementScoreChangedEvent>(
    this.agreementResource,
    patchAgreement,
    this.query,
  );
  private readonly disbursementOverlay = new LiveOverlay<DisbursementSummaryDto, DisbursementPatch>(
    this.disbursementResource,
    patchDisbursement,
    this.query,
  );

  /** The agreement as it stands now; undefined while loading or when there is none. */
  readonly agreement = this.agreementOverlay.value;
  /** A 404: the province has no signed agreement for the year (an empty state, not an error). */
  readonly noAgreement = computed(() => failedWith(this.agreementResource, 404));
  readonly disbursement = this.disbursementOverlay.value;
  /** The curve alone, so the chart redraws only when a point moves, not when a total does. */
  readonly curve = computed(() => this.disbursement()?.curve);
  /** The last evaluated round (12 after 6). */
  readonly lastRound = computed(() => lastOf(this.agreement()?.rounds));

  readonly highlights = injectHighlights();
  private readonly batch = injectLiveBatch<Work>((work) => this.apply(work));

  reloadAll(): void {
    this.agreementOverlay.reload();
    this.disbursementOverlay.reload();
    this.slowest.reload();
  }

  private directory() {
    const directory = this.injector.get(OrgUnitsStore).directory;
    return directory.error() ? null : valueOf(directory);
  }

  /** The events carry today's figures: they patch a view of today only. */
  private showsToday(q: ProvinceQuery): boolean {
    return !q.asOf || q.asOf === bangkokDateOf(new Date());
  }

  private apply(work: Work[]): void {
    const q = this.query();
    if (!q) return;
    // Events of the same burst still apply until the reloaded snapshots (which contain them) arrive.
    const refetch = work.some((w) => 'refetch' in w);
    const today = this.showsToday(q);
    const marks = new Set<string>();
    let reload = { agreement: refetch, disbursement: refetch, slowest: refetch };

    const agreements = work.flatMap((w) =>
      'agreement' in w && this.mine(w.agreement.orgUnitCode, w.agreement.fiscalYear, this.agreementYear())
        ? [w.agreement]
        : [],
    );
    if (agreements.length) {
      // A round adds a frozen score to the list, which only the snapshot has.
      if (today) this.agreementOverlay.push(agreements);
      if (!today || agreements.some((a) => a.round)) reload = { ...reload, agreement: true };
      marks.add(OVERVIEW_KEYS.agreement);
    }

    const summary = this.disbursement();
    const batches = work.flatMap((w) =>
      'batch' in w && this.mine(w.batch.orgUnitCode, w.batch.fiscalYear, summary?.fiscalYear) ? [w.batch] : [],
    );
    if (batches.length && summary) {
      const patches = batches.flatMap((b) => {
        const rates = b.rates.find((r) => r.orgUnitCode === q.code);
        return rates ? [{ rates, curve: batchMovesOnlyLastMonth(summary, b) }] : [];
      });
      if (today) this.disbursementOverlay.push(patches);
      const curveFollows = today && patches.length === batches.length && patches.every((p) => p.curve);
      if (!curveFollows) reload = { ...reload, disbursement: true };
      reload = { ...reload, slowest: true };
      marks.add(OVERVIEW_KEYS.disbursement).add(OVERVIEW_KEYS.chart).add(OVERVIEW_KEYS.slowest);
    }

    // The targets are national: a change for the year shown moves this province's curve too.
    if (
      work.some(
        (w) => 'target' in w && w.target.kind === 'disbursement-target' && w.target.fiscalYear === summary?.fiscalYear,
      )
    ) {
      reload = { ...reload, disbursement: true };
      marks.add(OVERVIEW_KEYS.disbursement).add(OVERVIEW_KEYS.chart);
    }

    // Approved progress changes the slowest projects' percent complete.
    if (work.some((w) => 'progress' in w && w.progress.orgUnitCode === q.code)) {
      reload = { ...reload, slowest: true };
      marks.add(OVERVIEW_KEYS.slowest);
    }

    if (reload.agreement) this.agreementOverlay.reload();
    if (reload.disbursement) this.disbursementOverlay.reload();
    if (reload.slowest) this.slowest.reload();
    if (marks.size) this.highlights.mark(marks);
  }

  private agreementYear(): number | undefined {
    return this.agreement()?.fiscalYear ?? this.query()?.fiscalYear ?? undefined;
  }

  private mine(code: string, fiscalYear: number, shownYear: number | null | undefined): boolean {
    return code === this.query()?.code && fiscalYear === shownYear;
  }
}
