import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MeetingsApi, meetingResource } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { datepickerLocale, isoDay, provideBuddhistEraDates } from '@provdash/dashboard/scorecards/ui';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { apiProblem, markServerErrors, saveBlob } from '@provdash/dashboard/workspace/data-access';
import type {
  MeetingAgendaItemDto,
  MeetingDecisionDto,
  MeetingDetailDto,
  MeetingDirectiveDto,
} from '@provdash/shared/contracts';
import { addDays, bangkokDateOf, compareIsoDates } from '@provdash/shared/domain';
import type { Observable } from 'rxjs';
import { dayLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';

const DIRECTIVE_FIELDS = ['title', 'ownerUserId', 'ownerAgency', 'dueDate'] as const;
type DirectiveField = (typeof DIRECTIVE_FIELDS)[number];

/**
 * One monthly meeting (`/follow-up/meetings/:meetingId`): build its agenda from what needs
 * attention (draft), hold it and record a decision on each item, turn a decision into a directive
 * in one step (owner, B.E. due date), close the minutes, download them as PDF or XLSX. The open
 * directives that meetings gave follow the province's workspace room (`directive.changed`); a step
 * on a version someone else has moved says so and offers to reload.
 */
@Component({
  selector: 'pd-meeting-page',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideBuddhistEraDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'meeting'">
      <a mat-button [routerLink]="['/follow-up', 'meetings']" [queryParams]="backQuery()">{{ t('detail.back') }}</a>
      @if (meeting.error()) {
        <p class="error" role="alert">{{ t('detail.loadFailed') }}</p>
      }
      @if (current(); as m) {
        <header>
          <div class="line">
            <span [class]="'state tone-' + tone(m)" data-testid="meeting-state">{{ t('states.' + m.state) }}</span>
            <span>{{ day(m.meetingDate) }}</span>
          </div>
          <h1 data-testid="meeting-heading">{{ m.title }}</h1>
          <p class="sub">
            {{ m.chairName ? t('detail.chair', { name: m.chairName }) : t('detail.noChair') }}
          </p>
        </header>

        <div class="toolbar">
          @if (m.canRun && m.state === 'draft') {
            <button
              mat-flat-button
              type="button"
              [disabled]="busy()"
              (click)="buildAgenda()"
              data-testid="build-agenda"
            >
              {{ t('steps.buildAgenda') }}
            </button>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="step('hold')"
              data-testid="hold-meeting"
            >
              {{ t('steps.hold') }}
            </button>
          }
          @if (m.canRun && m.state === 'held') {
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="step('close')"
              data-testid="close-meeting"
            >
              {{ t('steps.close') }}
            </button>
          }
          <span class="spacer"></span>
          <button mat-button type="button" (click)="download('pdf')" data-testid="minutes-pdf">
            {{ t('detail.pdf') }}
          </button>
          <button mat-button type="button" (click)="download('xlsx')" data-testid="minutes-xlsx">
            {{ t('detail.xlsx') }}
          </button>
        </div>

        @if (stale()) {
          <p class="stale" role="alert" data-testid="meeting-stale">
            {{ t('stale') }}
            <button mat-stroked-button type="button" (click)="reload()">{{ t('reload') }}</button>
          </p>
        }
        @if (problem(); as p) {
          <p class="error" role="alert" data-testid="meeting-error">{{ p }}</p>
        }
        @if (m.state === 'draft') {
          <p class="hint">{{ t('detail.draftHint') }}</p>
        }

        <section [attr.aria-label]="t('detail.agenda')">
          <h2>{{ t('detail.agenda') }}</h2>
          <ol class="agenda" data-testid="agenda">
            @for (item of m.agenda; track item.id; let i = $index) {
              <li class="card" data-testid="agenda-item" [attr.data-kind]="item.kind">
                <div class="line">
                  <span [class]="'state tone-' + kindTone(item)">{{ t('kinds.' + item.kind) }}</span>
                  <span class="num">{{ i + 1 }}</span>
                </div>
                @if (link(item, m); as l) {
                  <a class="title" [routerLink]="l.commands" [queryParams]="l.query" data-testid="agenda-title">{{
                    itemTitle(item)
                  }}</a>
                } @else {
                  <span class="title" data-testid="agenda-title">{{ itemTitle(item) }}</span>
                }
                @if (item.note) {
                  <div class="meta">{{ item.note }}</div>
                }
                @for (d of item.decisions; track d.id) {
                  <div class="decision" data-testid="decision">
                    <strong>{{ t('detail.decision') }}:</strong> <span data-testid="decision-text">{{ d.text }}</span>
                    @if (d.directive; as dir) {
                      <a
                        [routerLink]="['/follow-up', dir.id]"
                        class="state tone-blue"
                        data-testid="decision-directive"
                        >{{ t('detail.directiveDue', { date: day(dir.dueDate) }) }}</a
                      >
                    } @else if (m.canRun && m.state === 'held' && directiveFor() !== d.id) {
                      <button mat-button type="button" (click)="startDirective(d)" data-testid="make-directive">
                        {{ t('steps.makeDirective') }}
                      </button>
                    }
                    @if (directiveFor() === d.id) {
                      <form
                        [formGroup]="directiveForm"
                        (ngSubmit)="makeDirective(d)"
                        novalidate
                        class="panel"
                        data-testid="directive-form"
                      >
                        <mat-form-field class="wide">
                          <mat-label>{{ t('fields.directiveTitle') }}</mat-label>
                          <textarea
                            matInput
                            formControlName="title"
                            rows="2"
                            data-testid="directive-title-input"
                          ></textarea>
                          <mat-error>{{ directiveError('title') }}</mat-error>
                        </mat-form-field>
                        <mat-form-field>
                          <mat-label>{{ t('fields.ownerUser') }}</mat-label>
                          <mat-select formControlName="ownerUserId" data-testid="directive-owner">
                            <mat-option [value]="''">{{ t('fields.noPerson') }}</mat-option>
                            @for (p of m.people; track p.id) {
                              <mat-option [value]="p.id">{{ p.displayName }}</mat-option>
                            }
                          </mat-select>
                          <mat-error>{{ directiveError('ownerUserId') }}</mat-error>
                        </mat-form-field>
                        <mat-form-field>
                          <mat-label>{{ t('fields.ownerAgency') }}</mat-label>
                          <input matInput formControlName="ownerAgency" data-testid="directive-agency" />
                          <mat-error>{{ directiveError('ownerAgency') }}</mat-error>
                        </mat-form-field>
                        <mat-form-field>
                          <mat-label>{{ t('fields.dueDate') }}</mat-label>
                          <input
                            matInput
                            [matDatepicker]="due"
                            [min]="today"
                            formControlName="dueDate"
                            data-testid="directive-due"
                          />
                          <mat-datepicker-toggle matIconSuffix [for]="due" />
                          <mat-datepicker #due />
                          <mat-error>{{ directiveError('dueDate') }}</mat-error>
                        </mat-form-field>
                        <div class="row-end">
                          <button mat-button type="button" (click)="directiveFor.set(null)">
                            {{ t('steps.cancel') }}
                          </button>
                          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="directive-save">
                            {{ t('steps.issueDirective') }}
                          </button>
                        </div>
                      </form>
                    }
                  </div>
                }
                @if (m.canRun && m.state === 'held') {
                  @if (recordingFor() === item.id) {
                    <form
                      [formGroup]="decisionForm"
                      (ngSubmit)="record(item)"
                      novalidate
                      class="panel"
                      data-testid="decision-form"
                    >
                      <mat-form-field class="wide">
                        <mat-label>{{ t('fields.decision') }}</mat-label>
                        <textarea
                          matInput
                          [formControl]="decisionText"
                          rows="2"
                          data-testid="decision-input"
                        ></textarea>
                        <mat-error>{{ decisionError() }}</mat-error>
                      </mat-form-field>
                      <div class="row-end">
                        <button mat-button type="button" (click)="recordingFor.set(null)">
                          {{ t('steps.cancel') }}
                        </button>
                        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="decision-save">
                          {{ t('steps.record') }}
                        </button>
                      </div>
                    </form>
                  } @else {
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="startRecording(item)"
                      data-testid="record-decision"
                    >
                      {{ t('steps.recordDecision') }}
                    </button>
                  }
                }
              </li>
            } @empty {
              <li class="empty" data-testid="agenda-empty">{{ t('detail.noAgenda') }}</li>
            }
          </ol>
        </section>

        <section [attr.aria-label]="t('detail.openDirectives')">
          <h2>{{ t('detail.openDirectives') }}</h2>
          <ul class="open" data-testid="open-directives">
            @for (d of m.openDirectives; track d.id) {
              <li>
                <a [routerLink]="['/follow-up', d.id]" data-testid="open-directive">{{ d.title }}</a>
                <span class="meta">
                  · {{ owner(d) }} · {{ t('detail.due', { date: day(d.dueDate) }) }}
                  @if (d.overdue) {
                    <span class="state tone-red">{{ t('detail.overdue') }}</span>
                  }
                </span>
              </li>
            } @empty {
              <li class="empty">{{ t('detail.noOpenDirectives') }}</li>
            }
          </ul>
        </section>
      }
    </ng-container>
  `,
  styles: `
    ${FOLLOW_UP_STYLES}
    .line {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      align-items: center;
      font-size: 0.85rem;
    }
    h1 {
      margin-top: 8px;
    }
    h2 {
      font-size: 1.1rem;
      margin: 16px 0 8px;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 8px 0;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant, #555);
      font-size: 0.9rem;
    }
    .agenda {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .num {
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .title {
      display: block;
      font-weight: 500;
      margin: 6px 0 2px;
      overflow-wrap: anywhere;
    }
    a.title {
      color: #123e7c;
    }
    .meta {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant, #555);
      overflow-wrap: anywhere;
    }
    .decision {
      margin: 8px 0;
      padding: 6px 10px;
      border-left: 4px solid #1a56a6;
      background: #fff;
      overflow-wrap: anywhere;
    }
    .decision .state {
      margin-left: 6px;
      text-decoration: none;
    }
    .panel {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      width: 100%;
      box-sizing: border-box;
      padding: 12px 0 0;
    }
    mat-form-field {
      flex: 1 1 200px;
      min-width: 0;
    }
    .wide {
      flex-basis: 100%;
    }
    .row-end {
      flex-basis: 100%;
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .open {
      padding-left: 20px;
    }
    .open li {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    .open .state {
      margin-left: 6px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly i18n = inject(TranslocoService);
  readonly lang = injectLang();
  // Not required: the resource below reads it while the page is created, before the router binds it.
  readonly meetingId = input<string>();
  readonly meeting = meetingResource(() => this.meetingId());
  readonly busy = signal(false);
  readonly stale = signal(false);
  readonly problem = signal<string | null>(null);
  readonly recordingFor = signal<string | null>(null);
  readonly directiveFor = signal<string | null>(null);
  readonly serverErrors = signal<Partial<Record<DirectiveField, string>>>({});
  readonly today = new Date(`${bangkokDateOf(new Date())}T00:00:00`);

  readonly decisionText = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(3), Validators.maxLength(4000)],
  });
  /** A form group, so Enter and the save button submit through Angular (a bare form would reload the page). */
  readonly decisionForm = new FormGroup({ text: this.decisionText });
  readonly directiveForm = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3), Validators.maxLength(500)],
    }),
    ownerUserId: new FormControl('', { nonNullable: true }),
    ownerAgency: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    dueDate: new FormControl<Date | null>(null, { validators: [Validators.required] }),
  });

  /** The meeting, or undefined while loading or failed (reading a failed resource's value throws). */
  readonly current = computed(() => (this.meeting.hasValue() ? this.meeting.value() : undefined));

  readonly backQuery = computed(() => {
    const m = this.current();
    return m ? { unit: m.orgUnitCode } : {};
  });

  constructor() {
    const adapter = inject(DateAdapter);
    effect(() => adapter.setLocale(datepickerLocale(this.lang())));
    // A directive a meeting gave moves (progress, closing): the open directives section follows.
    const reload = () => this.meeting.reload();
    inject(RealtimeService).watch(
      () => {
        const m = this.current();
        return m ? `workspace:${m.orgUnitCode}` : null;
      },
      { 'directive.changed': reload, refetch: reload },
    );
    for (const f of DIRECTIVE_FIELDS)
      (this.directiveForm.controls[f].valueChanges as Observable<unknown>).subscribe(() => {
        if (this.serverErrors()[f]) this.serverErrors.update((e) => ({ ...e, [f]: undefined }));
      });
  }

  reload(): void {
    this.stale.set(false);
    this.problem.set(null);
    this.meeting.reload();
  }

  buildAgenda(): Promise<void> {
    return this.run((m) => this.api.buildAgenda(m.id, m.version));
  }

  step(step: 'hold' | 'close'): Promise<void> {
    return this.run((m) => (step === 'hold' ? this.api.hold(m.id, m.version) : this.api.close(m.id, m.version)));
  }

  startRecording(item: MeetingAgendaItemDto): void {
    this.decisionText.reset();
    this.recordingFor.set(item.id);
  }

  async record(item: MeetingAgendaItemDto): Promise<void> {
    if (this.decisionText.invalid) {
      this.decisionText.markAsTouched();
      return;
    }
    await this.run((m) => this.api.recordDecision(m.id, item.id, this.decisionText.value.trim()));
    if (!this.problem() && !this.stale()) this.recordingFor.set(null);
  }

  startDirective(d: MeetingDecisionDto): void {
    this.serverErrors.set({});
    this.directiveForm.reset({
      title: d.text.slice(0, 500),
      ownerUserId: '',
      ownerAgency: '',
      dueDate: new Date(`${addDays(bangkokDateOf(new Date()), 30)}T00:00:00`),
    });
    this.directiveFor.set(d.id);
  }

  async makeDirective(d: MeetingDecisionDto): Promise<void> {
    const v = this.directiveForm.getRawValue();
    if (!v.ownerUserId && !v.ownerAgency.trim()) this.directiveForm.controls.ownerAgency.setErrors({ owner: true });
    if (v.dueDate && compareIsoDates(isoDay(v.dueDate), bangkokDateOf(new Date())) < 0)
      this.directiveForm.controls.dueDate.setErrors({ past: true });
    if (this.directiveForm.invalid) {
      this.directiveForm.markAllAsTouched();
      return;
    }
    await this.run(
      (m) =>
        this.api.toDirective(m.id, d.id, {
          version: d.version,
          title: v.title.trim(),
          ownerUserId: v.ownerUserId || null,
          ownerAgency: v.ownerAgency.trim(),
          dueDate: isoDay(v.dueDate as Date),
        }),
      true,
    );
    if (!this.problem() && !this.stale() && !Object.values(this.serverErrors()).some(Boolean))
      this.directiveFor.set(null);
  }

  async download(format: 'pdf' | 'xlsx'): Promise<void> {
    const m = this.current();
    if (!m) return;
    try {
      saveBlob(await this.api.minutes(m.id, format), `meeting-minutes-${m.orgUnitCode}-${m.meetingDate}.${format}`);
    } catch {
      this.problem.set(this.i18n.translate('meeting.errors.download'));
    }
  }

  /** One write: a stale version says so (reload), a refusal next to its field or above the agenda. */
  private async run(write: (m: MeetingDetailDto) => Promise<MeetingDetailDto>, directiveFields = false): Promise<void> {
    const m = this.current();
    if (!m || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.meeting.set(await write(m));
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409 && p.code === 'conflict.version') {
        this.stale.set(true);
        return;
      }
      const errors = directiveFields ? markServerErrors(p, this.directiveForm.controls, DIRECTIVE_FIELDS) : {};
      this.serverErrors.set(errors);
      if (!Object.keys(errors).length) this.problem.set(p.message ?? this.i18n.translate('meeting.errors.failed'));
      if (p.status === 409) this.meeting.reload();
    } finally {
      this.busy.set(false);
    }
  }

  directiveError(field: DirectiveField): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const e = this.directiveForm.controls[field].errors;
    if (!e) return null;
    const key = e['required']
      ? 'required'
      : e['minlength']
        ? 'tooShort'
        : e['maxlength']
          ? 'tooLong'
          : e['matDatepickerParse']
            ? 'date'
            : e['matDatepickerMin'] || e['past']
              ? 'past'
              : e['owner']
                ? 'owner'
                : 'invalid';
    return this.i18n.translate(`meeting.errors.${key}`);
  }

  decisionError(): string | null {
    const e = this.decisionText.errors;
    if (!e) return null;
    return this.i18n.translate(
      `meeting.errors.${e['required'] ? 'required' : e['minlength'] ? 'tooShort' : 'tooLong'}`,
    );
  }

  tone(m: MeetingDetailDto): 'amber' | 'blue' | 'grey' {
    return m.state === 'draft' ? 'amber' : m.state === 'held' ? 'blue' : 'grey';
  }

  kindTone(item: MeetingAgendaItemDto): 'red' | 'amber' | 'blue' {
    return item.kind === 'red_kpi' || item.kind === 'overdue_directive'
      ? 'red'
      : item.kind === 'carried_directive'
        ? 'blue'
        : 'amber';
  }

  itemTitle(item: MeetingAgendaItemDto): string {
    return this.lang() === 'en' ? item.titleEn : item.titleTh;
  }

  /** Where an agenda item leads: the KPI, the project, the directive, or the province's risk register. */
  link(item: MeetingAgendaItemDto, m: MeetingDetailDto): { commands: string[]; query: Record<string, string> } | null {
    switch (item.subject.kind) {
      case 'kpi':
        return { commands: ['/province', m.orgUnitCode, 'kpi', item.subject.id], query: {} };
      case 'project':
        return { commands: ['/projects', item.subject.id], query: {} };
      case 'directive':
        return { commands: ['/follow-up', item.subject.id], query: {} };
      case 'risk':
        return { commands: ['/follow-up', 'risks'], query: { unit: m.orgUnitCode } };
    }
  }

  owner(d: MeetingDirectiveDto): string {
    return [d.ownerName, d.ownerAgency].filter(Boolean).join(' · ');
  }

  day(iso: string): string {
    return dayLabel(iso, this.lang());
  }
}
