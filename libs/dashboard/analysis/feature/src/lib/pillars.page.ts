import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatPercent, StatusChip } from '@provdash/dashboard/scorecards/ui';
import { injectLang, localName } from '@provdash/dashboard/shared/i18n';
import type { PillarsDto } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';

/**
 * `/ministry/analysis/pillars`: the provinces' work rolled up to the six pillars of the national
 * strategy. Each pillar's light is the roll-up of every provincial KPI under the goals that serve
 * it (their own pillar or their cluster goal's); open a pillar for its provinces and their goals.
 */
@Component({
  selector: 'pd-pillars-page',
  imports: [MatProgressBarModule, RouterLink, TranslocoDirective, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pillars.page.html',
  styleUrl: './completeness.page.scss',
})
export class PillarsPage {
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly fy = Number(this.route.snapshot.queryParamMap.get('fy')) || null;
  readonly view = httpResource<PillarsDto>(() => `/api/analysis/pillars${this.fy ? `?fiscalYear=${this.fy}` : ''}`);
  readonly name = localName;
  readonly pct = formatPercent;
  readonly dateName = (d: string) => formatDateLabel(d, this.lang());
}
