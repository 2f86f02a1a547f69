import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerInputEvent, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { datepickerLocale, dayDate, isoDay, provideBuddhistEraDates } from './buddhist-era-date-adapter';

/**
 * The fiscal year a screen shows (Buddhist Era, as the years are numbered), and with `withAsOf` the
 * day it is judged on: the same two fields, labels and test ids on every screen that filters by
 * period. Emits what the person picked; the page keeps it in its URL. The day is a datepicker in
 * the reader's calendar: Buddhist Era in Thai, A.D. in English (never the browser's mm/dd/yyyy).
 */
@Component({
  selector: 'pd-period-filters',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  providers: [provideBuddhistEraDates()],
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
          data-testid="as-of"
          autocomplete="off"
          [matDatepicker]="asOfPicker"
          [value]="asOfDate()"
          (dateChange)="pickDay($event)"
        />
        <mat-datepicker-toggle matIconSuffix [for]="asOfPicker" data-testid="as-of-toggle" />
        <mat-datepicker #asOfPicker />
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
  protected readonly asOfDate = computed(() => dayDate(this.asOf()));

  constructor() {
    const adapter = inject<DateAdapter<Date>>(DateAdapter);
    const sub = inject(TranslocoService).langChanges$.subscribe((lang) => adapter.setLocale(datepickerLocale(lang)));
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  /** A day picked or typed; an emptied field goes back to today, a day the field cannot read is ignored. */
  protected pickDay(event: MatDatepickerInputEvent<Date>): void {
    const date = event.value;
    if (date && !isNaN(date.getTime())) this.asOfPicked.emit(isoDay(date));
    else if (!event.targetElement || !(event.targetElement as HTMLInputElement).value) this.asOfPicked.emit(null);
  }
}
