import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatPercent } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { OwedResultDto, ProvinceCompletenessDto } from '@provdash/shared/contracts';
import { formatDateLabel, MONTH_KEY_PATTERN, periodLabel, reportingFlags } from '@provdash/shared/domain';
import { completenessBand } from './completeness-view';
import { ReportingFigures } from './reporting-figures';

/** What one owed result is, in the order the screen names it. */
export type OwedState = 'notReported' | 'draft' | 'onTime' | 'late' | 'notDue';

/**
 * `/ministry/analysis/completeness/:code`: one province's KPIs and the results each owes in the year
 * (or month), each with its state, deadline and first submission, so the ministry knows whom to
 * call about what. The province's figures are the domain lib's count of these same rows.
 */
@Component({
  selector: 'pd-province-completeness-page',
  imports: [ReportingFigures, MatProgressBarModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './province-completeness.page.html',
  styleUrls: ['./desk-page.scss', './completeness.page.scss'],
})
export class ProvinceCompletenessPage {
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly params = toSignal(this.route.paramMap, { initialValue: this.route.snapshot.paramMap });
  private readonly query = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });
  readonly back = computed(() => ({ fy: this.query().get('fy'), month: this.query().get('month') }));

  readonly view = httpResource<ProvinceCompletenessDto>(() => {
    const fy = Number(this.query().get('fy'));
    const month = this.query().get('month');
    const q = [fy ? `fiscalYear=${fy}` : '', month && MONTH_KEY_PATTERN.test(month) ? `month=${month}` : '']
      .filter(Boolean)
      .join('&');
    return `/api/analysis/completeness/${encodeURIComponent(this.params().get('code') ?? '')}${q ? `?${q}` : ''}`;
  });
  /** KPIs with something missing or late first. */
  readonly kpis = computed(() => {
    const v = this.view.value();
    if (!v) return [];
    const trouble = (k: ProvinceCompletenessDto['kpis'][number]) =>
      k.owed.filter((o) => ['notReported', 'draft', 'late'].includes(this.state(o, v))).length;
    return [...v.kpis].sort((a, b) => trouble(b) - trouble(a) || a.code.localeCompare(b.code));
  });

  readonly name = localName;
  readonly band = completenessBand;
  readonly pct = formatPercent;
  readonly periodName = (p: string) => periodLabel(p, this.lang());
  readonly dateName = (d: string | null) => (d ? formatDateLabel(d, this.lang()) : '–');

  state(o: OwedResultDto, v: ProvinceCompletenessDto): OwedState {
    const f = reportingFlags(o, v.asOf, v.deadlineDays);
    if (!f.due) return 'notDue';
    if (f.reported) return f.onTime ? 'onTime' : 'late';
    if (o.status === 'draft') return f.late ? 'late' : 'draft';
    return f.late ? 'late' : 'notReported';
  }
}
