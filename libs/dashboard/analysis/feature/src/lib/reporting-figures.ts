import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatPercent } from '@provdash/dashboard/scorecards/ui';
import type { ReportingCountsDto } from '@provdash/shared/contracts';
import { reportingRates } from '@provdash/shared/domain';

/** The five reporting figures of the country or of a province: completeness, timeliness, missing, late, returned. */
@Component({
  selector: 'pd-reporting-figures',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'analysis.completeness'">
      <div class="figure">
        <span class="value">{{ pct(rates().completeness) }}</span>
        <span class="label">{{ t('reportedOf', { reported: counts().reported, due: counts().due }) }}</span>
      </div>
      <div class="figure">
        <span class="value">{{ pct(rates().timeliness) }}</span>
        <span class="label">{{ t('onTimeOf', { onTime: counts().onTime, due: counts().due }) }}</span>
      </div>
      <div class="figure">
        <span class="value">{{ counts().due - counts().reported }}</span>
        <span class="label">{{ t('missing') }}</span>
      </div>
      <div class="figure">
        <span class="value">{{ counts().late }}</span>
        <span class="label">{{ t('late') }}</span>
      </div>
      <div class="figure">
        <span class="value">{{ counts().returned }}</span>
        <span class="label">{{ t('returned') }}</span>
      </div>
    </ng-container>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 12px;
    }
    .figure {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px;
      display: flex;
      flex-direction: column;
    }
    .value {
      font-size: 1.6rem;
      font-weight: 600;
    }
    .label {
      font-size: 0.9rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReportingFigures {
  readonly counts = input.required<ReportingCountsDto>();
  protected readonly rates = computed(() => reportingRates(this.counts()));
  protected readonly pct = formatPercent;
}
