import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { MeetingsApi, meetingsResource } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { datepickerLocale, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, markServerErrors } from '@provdash/dashboard/workspace/data-access';
import type { MeetingSummaryDto } from '@provdash/shared/contracts';
import { bangkokDateOf, THAI_MONTHS } from '@provdash/shared/domain';
import type { Observable } from 'rxjs';
import { dayLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';

const FIELDS = ['title', 'meetingDate'] as const;
type Field = (typeof FIELDS)[number];

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The province's monthly meetings (`/follow-up/meetings?unit=32`): each with its date (B.E.), its
 * state and the decisions it took (those that became directives marked); the secretary or the
 * governor opens the next one here (title, B.E. date picker).
 */
@Component({
  selector: 'pd-meetings-page',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'meeting'">
      <header class="head">
        <div>
          <h1>{{ t('list.title') }}</h1>
          <p class="sub">{{ unitName() }}</p>
        </div>
        <a
          mat-stroked-button
          [routerLink]="['/follow-up']"
          [queryParams]="{ unit: code() }"
          data-testid="meetings-directives"
          >{{ t('list.directives') }}</a
        >
      </header>

      @if (meetings.error()) {
        <p class="error" role="alert">{{ t('list.loadFailed') }}</p>
      }
      @if (meetings.hasValue() && meetings.value(); as list) {
        @if (list.canRun) {
          <form [formGroup]="form" (ngSubmit)="open()" novalidate class="panel" data-testid="meeting-new">
            <h2>{{ t('list.new') }}</h2>
            <mat-form-field class="wide-2">
              <mat-label>{{ t('fields.title') }}</mat-label>
              <input matInput formControlName="title" data-testid="meeting-title" />
              <mat-error>{{ error('title') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('fields.date') }}</mat-label>
              <input matInput [matDatepicker]="picker" formControlName="meetingDate" data-testid="meeting-date" />
              <mat-datepicker-toggle matIconSuffix [for]="picker" />
              <mat-datepicker #picker />
              <mat-error>{{ error('meetingDate') }}</mat-error>
            </mat-form-field>
            @if (formError(); as e) {
              <p class="error wide" role="alert" data-testid="meeting-new-error">{{ e }}</p>
            }
            <div class="row-end">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="meeting-open">
                {{ t('list.open') }}
              </button>
            </div>
          </form>
        }

        <section class="list" [attr.aria-label]="t('list.title')">
          @for (m of list.meetings; track m.id) {
            <article class="card" data-testid="meeting-card">
              <div class="line">
                <span [class]="'state tone-' + tone(m)" data-testid="meeting-state">{{ t('states.' + m.state) }}</span>
                <span class="date">{{ day(m.meetingDate) }}</span>
              </div>
              <a class="title" [routerLink]="['/follow-up', 'meetings', m.id]" data-testid="meeting-link">{{
                m.title
              }}</a>
              <div class="meta">
                {{ t('list.agendaCount', { count: m.agendaCount }) }}
                @if (m.chairName) {
                  · {{ t('list.chair', { name: m.chairName }) }}
                }
              </div>
              @if (m.decisions.length) {
                <ul class="decisions" [attr.aria-label]="t('list.decisions')">
                  @for (d of m.decisions; track d.id) {
                    <li data-testid="meeting-decision">
                      {{ d.text }}
                      @if (d.directiveId) {
                        <a [routerLink]="['/follow-up', d.directiveId]" class="state tone-blue">{{
                          t('list.directive')
                        }}</a>
                      }
                    </li>
                  }
                </ul>
              }
            </article>
          } @empty {
            <p class="empty" data-testid="no-meetings">{{ t('list.none') }}</p>
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    ${FOLLOW_UP_STYLES}
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 8px;
      flex-basis: 100%;
    }
    .panel {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding: 12px;
      margin: 0 0 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low, #f6f6f6);
    }
    mat-form-field {
      flex: 1 1 200px;
      min-width: 0;
    }
    .wide-2 {
      flex: 2 1 320px;
    }
    .wide {
      flex-basis: 100%;
    }
    .row-end {
      flex-basis: 100%;
      display: flex;
      justify-content: flex-end;
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .line {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font-size: 0.85rem;
    }
    .title {
      display: block;
      font-weight: 500;
      font-size: 1.05rem;
      margin: 6px 0 2px;
      color: #123e7c;
    }
    .meta {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .decisions {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    .decisions li {
      margin: 2px 0;
      overflow-wrap: anywhere;
    }
    .decisions .state {
      margin-left: 6px;
      text-decoration: none;
    }
  `,
})
export class MeetingsPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslocoService);
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly unit = input<string>();
  readonly code = computed(() => this.unit() ?? this.auth.user()?.scope.code);
  readonly unitName = computed(() => {
    const s = this.auth.user()?.scope;
    if (!s || s.code !== this.code()) return this.code() ?? '';
    return this.lang() === 'en' ? s.nameEn : s.nameTh;
  });
  readonly meetings = meetingsResource(() => this.code());
  readonly busy = signal(false);
  readonly formError = signal<string | null>(null);
  readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3), Validators.maxLength(300)],
    }),
    meetingDate: new FormControl<Date | null>(new Date(`${bangkokDateOf(new Date())}T00:00:00`), {
      validators: [Validators.required],
    }),
  });

  constructor() {
    const adapter = inject(DateAdapter);
    effect(() => adapter.setLocale(datepickerLocale(this.lang())));
    // The usual title of the month's meeting, in the reader's language, until they type their own.
    effect(() => {
      const lang = this.lang();
      const c = this.form.controls.title;
      if (c.dirty) return;
      const [y, m] = bangkokDateOf(new Date()).split('-').map(Number);
      c.setValue(
        lang === 'en'
          ? `Monthly meeting of heads of agencies, ${MONTHS_EN[m - 1]} ${y}`
          : `การประชุมหัวหน้าส่วนราชการประจำเดือน${THAI_MONTHS[m - 1]} ${y + 543}`,
      );
    });
    for (const f of FIELDS)
      (this.form.controls[f].valueChanges as Observable<unknown>).subscribe(() => {
        if (this.serverErrors()[f]) this.serverErrors.update((e) => ({ ...e, [f]: undefined }));
      });
  }

  error(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const e = this.form.controls[field].errors;
    if (!e) return null;
    const key = e['required']
      ? 'required'
      : e['minlength']
        ? 'tooShort'
        : e['maxlength']
          ? 'tooLong'
          : e['matDatepickerParse']
            ? 'date'
            : 'invalid';
    return this.i18n.translate(`meeting.errors.${key}`);
  }

  async open(): Promise<void> {
    const unit = this.code();
    if (this.form.invalid || this.busy() || !unit) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.formError.set(null);
    try {
      const m = await this.api.create({
        orgUnitCode: unit,
        title: v.title.trim(),
        meetingDate: isoDay(v.meetingDate as Date),
      });
      await this.router.navigate(['/follow-up', 'meetings', m.id]);
    } catch (e) {
      const p = apiProblem(e);
      const errors = markServerErrors(p, this.form.controls, FIELDS);
      this.serverErrors.set(errors);
      if (!Object.keys(errors).length) this.formError.set(p.message ?? this.i18n.translate('meeting.errors.failed'));
    } finally {
      this.busy.set(false);
    }
  }

  tone(m: MeetingSummaryDto): 'amber' | 'blue' | 'grey' {
    return m.state === 'draft' ? 'amber' : m.state === 'held' ? 'blue' : 'grey';
  }

  day(iso: string): string {
    return dayLabel(iso, this.lang());
  }
}
