import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatPercent, StatusChip } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { PillarsDto } from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDateLabel } from '@provdash/shared/domain';
import { keepInAddress } from './keep-in-address';

/**
 * `/ministry/analysis/pillars`: the provinces' work rolled up to the six pillars of the national
 * strategy. Each pillar's light is the roll-up of every provincial KPI under the goals that serve
 * it (their own pillar or their cluster goal's); open a pillar for its provinces and their goals.
 */
@Component({
  selector: 'pd-pillars-page',
  imports: [MatFormFieldModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslocoDirective, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pillars.page.html',
  styleUrls: ['./desk-page.scss', './completeness.page.scss'],
})
export class PillarsPage {
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current, this.current - 1, this.current - 2, this.current - 3];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fy')) || this.current);
  readonly view = httpResource<PillarsDto>(() => `/api/analysis/pillars?fiscalYear=${this.fiscalYear()}`);

  constructor() {
    keepInAddress(() => ({ fy: this.fiscalYear() }));
  }

  readonly name = localName;
  readonly pct = formatPercent;
  readonly dateName = (d: string) => formatDateLabel(d, this.lang());
}
