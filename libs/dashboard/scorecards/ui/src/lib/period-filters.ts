import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The fiscal year a screen shows (Buddhist Era, as the years are numbered), and with `withAsOf` the
 * day it is judged on: the same two fields, labels and test ids on every screen that filters by
 * period. Emits what the person picked; the page keeps it in its URL.
 */
@Component({
  selector: 'pd-period-filters',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="year">
      <mat-label>{{ 'scorecards.filters.fiscalYear' | transloco }}</mat-label>
      <mat-select data-testid="fy-select" [value]="fiscalYear()" (valueChange)="fiscalYearPicked.emit($event)">
        @for (year of years(); track year) {
          <mat-option [value]="year">{{ year }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    @if (withAsOf()) {
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'scorecards.filters.asOf' | transloco }}</mat-label>
        <input
          matInput
          type="date"
          data-testid="as-of"
          [value]="asOf() ?? ''"
          (change)="asOfPicked.emit($any($event.target).value || null)"
        />
      </mat-form-field>
    }
  `,
})
export class PeriodFilters {
  readonly years = input.required<readonly number[]>();
  readonly fiscalYear = input<number | null | undefined>(null);
  readonly withAsOf = input(false);
  /** `YYYY-MM-DD`, or null for today. */
  readonly asOf = input<string | null | undefined>(null);
  readonly fiscalYearPicked = output<number>();
  readonly asOfPicked = output<string | null>();
}
