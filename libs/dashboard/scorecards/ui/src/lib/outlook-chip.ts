import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ForecastOutlookName } from '@provdash/shared/contracts';
import { CHIP_BASE, STATUS_TONES } from './status-chip';

/** A shape for each outlook, so it reads without colour too (the words say it in full). */
export const OUTLOOK_SYMBOL: Record<ForecastOutlookName, string> = { on_track: '✓', at_risk: '!', likely_to_miss: '✕' };
/** The tones of the lights: on track as green, at risk as amber, likely to miss as red. */
const OUTLOOK_TONE: Record<ForecastOutlookName, string> = {
  on_track: 's-green',
  at_risk: 's-amber',
  likely_to_miss: 's-red',
};

/**
 * The year-end outlook of a forecast (the domain lib's `forecastOutlook`), as a chip with a dashed
 * border: it speaks of the year's end, where the status chip speaks of today.
 */
@Component({
  selector: 'pd-outlook-chip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    [class]="'chip ' + tone[outlook()]"
    data-testid="outlook-chip"
    [attr.data-outlook]="outlook()"
    [attr.title]="'scorecards.forecast.outlookHint.' + outlook() | transloco"
    ><span class="sym" aria-hidden="true">{{ symbol[outlook()] }}</span
    >{{ 'scorecards.forecast.outlook.' + outlook() | transloco }}</span
  >`,
  styles: [
    STATUS_TONES,
    CHIP_BASE,
    `
      .chip {
        padding: 1px 8px;
        border: 1px dashed;
        white-space: normal;
      }
    `,
  ],
})
export class OutlookChip {
  readonly outlook = input.required<ForecastOutlookName>();
  protected readonly symbol = OUTLOOK_SYMBOL;
  protected readonly tone = OUTLOOK_TONE;
}
