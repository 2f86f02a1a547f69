import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { flushChartRemovals } from '@provdash/dashboard/scorecards/ui';
import { injectLiveBatch, RealtimeService } from '@provdash/dashboard/shared/realtime';
import { fileNameOf, saveBlob } from '@provdash/dashboard/workspace/data-access';
import type {
  AgreementMinistryViewDto,
  AgreementRankingEntryDto,
  AgreementRankingRoundName,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDecimal } from '@provdash/shared/domain';
import { BarChartModule } from '@swimlane/ngx-charts';
import { firstValueFrom } from 'rxjs';
import { entryName, percentOf, rankChangeLabel, rankingQuery, roundFromParam, scoreChangeLabel } from './ranking-view';

const BAND_COLOR = ['#c62828', '#ef6c00', '#f9a825', '#7cb342', '#2e7d32', '#1b5e20'];

/**
 * `/ministry/agreements/ranking` (central staff, evaluators, admins): the 77 provinces and the 18
 * clusters ranked by a round's agreement score, the spread of scores, who moved since the previous
 * round and how far the centre's evaluation has come. One request (the composed read model); live
 * events of the country reload it.
 */
@Component({
  selector: 'pd-agreement-ranking-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    BarChartModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ranking.page.html',
  styleUrl: './ranking.page.scss',
})
export class RankingPage {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly realtime = inject(RealtimeService);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current - 3, this.current - 2, this.current - 1, this.current];
  readonly rounds: AgreementRankingRoundName[] = [6, 12, 'live'];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fiscalYear')) || this.current);
  readonly round = signal<AgreementRankingRoundName>(roundFromParam(this.route.snapshot.queryParamMap.get('round')));

  /** Joined before the first request, so nothing said between the two is missed. */
  readonly live = this.realtime.watch('national', {
    'agreement-score.changed': () => this.reloads.push(true),
    'ranking.changed': (e) => {
      if (e.data.kind === 'agreement') this.reloads.push(true);
    },
    refetch: () => this.reloads.push(true),
  });
  private readonly reloads = injectLiveBatch<true>(() => this.view.reload());

  readonly view = httpResource<AgreementMinistryViewDto>(
    () => `/api/ministry/agreement-ranking?${rankingQuery(this.fiscalYear(), this.round())}`,
  );
  readonly downloading = signal(false);
  readonly downloadError = signal(false);

  readonly chartWidth = signal(Math.max(260, Math.min(560, (globalThis.innerWidth ?? 1280) - 64)));
  readonly bands = computed(() =>
    (this.view.value()?.distribution.bands ?? []).map((b) => ({
      name: b.band === 5 ? '5' : `${b.from}–${b.to}`,
      value: b.provinces,
    })),
  );
  readonly bandColors = computed(() => this.bands().map((b, i) => ({ name: b.name, value: BAND_COLOR[i] })));
  readonly scored = computed(() => this.view.value()?.provinces.filter((p) => p.score !== null).length ?? 0);

  readonly name = (e: AgreementRankingEntryDto) => entryName(e, this.lang());
  readonly rankChange = rankChangeLabel;
  readonly scoreChange = scoreChangeLabel;
  readonly percent = percentOf;
  readonly stat = (v: number | null) => (v === null ? '–' : formatDecimal(v, 4));

  constructor() {
    flushChartRemovals();
    // The pickers are kept in the address, so a link or a reload shows the same ranking.
    effect(() => {
      const queryParams = { fiscalYear: this.fiscalYear(), round: this.round() };
      void this.router.navigate([], { queryParams, replaceUrl: true, queryParamsHandling: 'merge' });
    });
  }

  async download(): Promise<void> {
    this.downloading.set(true);
    this.downloadError.set(false);
    const query = rankingQuery(this.fiscalYear(), this.round());
    try {
      const res = await firstValueFrom(
        this.http.get(`/api/ministry/agreement-ranking.xlsx?${query}`, { observe: 'response', responseType: 'blob' }),
      );
      saveBlob(res.body ?? new Blob(), fileNameOf(res, `agreement-ranking-${this.fiscalYear()}-${this.round()}.xlsx`));
    } catch {
      this.downloadError.set(true);
    } finally {
      this.downloading.set(false);
    }
  }
}
