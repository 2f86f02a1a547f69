import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CHIP_BASE } from '@provdash/dashboard/scorecards/ui';
import type { EntryStatusName } from '@provdash/shared/contracts';

/** A shape for each state, so the status reads without colour too. */
export const ENTRY_SYMBOL: Record<EntryStatusName, string> = {
  missing: '○',
  draft: '✎',
  submitted: '➤',
  returned: '↩',
  approved: '✓',
};

/** An entry's workflow state as symbol and words; `late` adds a warning of its own. */
@Component({
  selector: 'pd-entry-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip s-' + status()" data-testid="entry-status" [attr.data-status]="status()"
      ><span class="sym" aria-hidden="true">{{ symbol[status()] }}</span
      >{{ 'workspace.status.' + status() | transloco }}</span
    >
    @if (late()) {
      <span class="chip late" data-testid="late-flag"
        ><span class="sym" aria-hidden="true">⚠</span>{{ 'workspace.timing.late' | transloco }}</span
      >
    }`,
  // The status chip's shape (CHIP_BASE), kept on one line each.
  styles: [
    CHIP_BASE,
    `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .chip {
      white-space: nowrap;
    }
    .s-missing {
      color: #424242;
      border: 1px dashed #757575;
    }
    .s-draft {
      background: #e8eaf6;
      color: #283593;
      border-color: #3949ab;
    }
    .s-submitted {
      background: #fff0c2;
      color: #6d4c00;
      border-color: #f9a825;
    }
    .s-returned {
      background: #fbd9d7;
      color: #8e1c1c;
      border-color: #c62828;
    }
    .s-approved {
      background: #d7f0d8;
      color: #1b5e20;
      border-color: #2e7d32;
    }
    .late {
      background: #8e1c1c;
      color: #fff;
    }
  `,
  ],
})
export class EntryStatus {
  readonly status = input.required<EntryStatusName>();
  readonly late = input(false);
  protected readonly symbol = ENTRY_SYMBOL;
}
