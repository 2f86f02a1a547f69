import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiStatusName } from '@provdash/shared/contracts';

/**
 * The colours of each light (a class `s-<status>`, text and tint at AA contrast), for every element
 * that shows a KPI status: chips, the overview's cluster tiles, the public table's counts.
 */
export const STATUS_TONES = `
  .s-green {
    background: #d7f0d8;
    color: #1b5e20;
    border-color: #2e7d32;
  }
  .s-amber {
    background: #fff0c2;
    color: #6d4c00;
    border-color: #f9a825;
  }
  .s-red {
    background: #fbd9d7;
    color: #8e1c1c;
    border-color: #c62828;
  }
  .s-grey {
    background: #e6e6e6;
    color: #424242;
    border-color: #757575;
  }
  .s-none {
    background: transparent;
    color: #555;
    border: 1px dashed #9e9e9e;
  }
`;

/** A chip's shape, symbol first: the status chip's and the outlook chip's (which adds a dashed border). */
export const CHIP_BASE = `
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 8px;
    border-radius: 12px;
    font-size: 0.8rem;
    line-height: 1.4;
    border: 1px solid transparent;
  }
  .sym {
    font-weight: 700;
  }
`;

/** A shape for each light, so the status reads without colour too. */
export const STATUS_SYMBOL: Record<KpiStatusName, string> = { green: '✓', amber: '!', red: '✕', grey: '?', none: '–' };

@Component({
  selector: 'pd-status-chip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="chip"
    [class]="'chip s-' + status()"
    data-testid="status-chip"
    [attr.data-status]="status()"
    [attr.title]="'scorecards.statusHint.' + status() | transloco"
    ><span class="sym" aria-hidden="true">{{ symbol[status()] }}</span
    >{{ 'scorecards.status.' + status() | transloco }}</span
  >`,
  styles: [
    STATUS_TONES,
    CHIP_BASE,
    `
      .chip {
        white-space: nowrap;
      }
    `,
  ],
})
export class StatusChip {
  readonly status = input.required<KpiStatusName>();
  protected readonly symbol = STATUS_SYMBOL;
}

/** Fill colours of the lights, for charts and the strategy map. */
export const STATUS_COLOR: Record<KpiStatusName, string> = {
  green: '#2e7d32',
  amber: '#f9a825',
  red: '#c62828',
  grey: '#757575',
  none: '#bdbdbd',
};
