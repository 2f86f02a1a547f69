import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { publicKpiResource } from '@provdash/dashboard/public/data-access';
import { formatNumber, formatPeriod } from '@provdash/dashboard/scorecards/ui';
import { injectLang, parseFy } from './helpers';
import { KpiComments } from './kpi-comments';

/** One KPI for everyone: what it measures, its approved results with their explanations. */
@Component({
  selector: 'pd-public-kpi-page',
  imports: [RouterLink, MatCardModule, MatProgressBarModule, TranslocoDirective, KpiComments],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-kpi.page.html',
  styleUrl: './public-pages.scss',
})
export class PublicKpiPage {
  readonly kpiId = input.required<string>();
  readonly fy = input<string>();
  protected readonly lang = injectLang();
  protected readonly fiscalYear = computed(() => parseFy(this.fy()));
  protected readonly kpi = publicKpiResource(() => ({ kpiId: this.kpiId(), fy: this.fiscalYear() }));
  protected readonly formatPeriod = (p: string) => formatPeriod(p, this.lang());
  protected readonly value = (v: string | null) => (v === null ? '–' : formatNumber(Number(v)));
}
