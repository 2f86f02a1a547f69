import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DirectivesApi, directiveResource, directiveTone } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { DirectiveDetailDto } from '@provdash/shared/contracts';
import { dayLabel, instantLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';

type Action = 'acknowledge' | 'progress' | 'requestClose' | 'close' | 'return';

/**
 * One directive (`/follow-up/:directiveId`): what, to whom, by when and from what; its progress
 * posts; the owner's steps (acknowledge, report progress with evidence links, ask to close) and the
 * governor's (close, return with a reason). It follows its province's workspace room, so a step
 * taken elsewhere shows at once; a save on a version someone else has moved says so and reloads.
 */
@Component({
  selector: 'pd-directive-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'followUp'">
      <a mat-button [routerLink]="['/follow-up']" [queryParams]="backQuery()">{{ t('detail.back') }}</a>
      @if (directive.error()) {
        <p class="error" role="alert">{{ t('detail.loadFailed') }}</p>
      }
      @if (directive.value(); as d) {
        <article>
          <div class="line">
            <span [class]="'state tone-' + tone(d)" data-testid="directive-state">{{ t('states.' + d.state) }}</span>
            @if (d.overdue) {
              <span class="state tone-red" data-testid="directive-overdue">{{
                t('overdueDays', { days: d.daysOverdue })
              }}</span>
            }
          </div>
          <h1 data-testid="directive-title">{{ d.title }}</h1>
          @if (d.detail) {
            <p class="detail">{{ d.detail }}</p>
          }
          <dl>
            <dt>{{ t('detail.owner') }}</dt>
            <dd data-testid="directive-owner">{{ owner(d) }}</dd>
            <dt>{{ t('detail.due') }}</dt>
            <dd>{{ day(d.dueDate) }}</dd>
            <dt>{{ t('detail.issuedBy') }}</dt>
            <dd>{{ d.issuerName }} · {{ when(d.issuedAt) }}</dd>
            @if (d.source.kind !== 'none') {
              <dt>{{ t('detail.source') }}</dt>
              <dd>
                @if (sourceLink(d); as link) {
                  <a [routerLink]="link" data-testid="directive-source">{{ sourceName(d) }}</a>
                } @else {
                  <span data-testid="directive-source">{{ sourceName(d) }}</span>
                }
              </dd>
            }
            <dt>{{ t('detail.progress') }}</dt>
            <dd>
              <span data-testid="directive-percent">{{ d.percent }}%</span>
              <div class="bar"><span [style.width.%]="d.percent"></span></div>
            </dd>
          </dl>
          @if (d.issuerNote) {
            <p class="note">
              <strong>{{ t('detail.issuerNote') }}:</strong> {{ d.issuerNote }}
            </p>
          }
          @if (d.closeRequestNote && d.state === 'close_requested') {
            <p class="note">
              <strong>{{ t('detail.closeRequestNote') }}:</strong> {{ d.closeRequestNote }}
            </p>
          }

          @if (stale()) {
            <p class="stale" role="alert" data-testid="directive-stale">
              {{ t('stale') }}
              <button mat-stroked-button type="button" (click)="reload()">{{ t('reload') }}</button>
            </p>
          }
          @if (problem(); as p) {
            <p class="error" role="alert" data-testid="directive-error">{{ p }}</p>
          }

          @if (d.canAnswer) {
            <section class="actions" [attr.aria-label]="t('detail.ownerSteps')">
              @if (d.state === 'issued') {
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="take('acknowledge')"
                  data-testid="acknowledge"
                >
                  {{ t('steps.acknowledge') }}
                </button>
              }
              <form [formGroup]="progressForm" (ngSubmit)="take('progress')" class="panel" data-testid="progress-form">
                <h2>{{ t('detail.postProgress') }}</h2>
                <mat-form-field class="wide">
                  <mat-label>{{ t('fields.progressNote') }}</mat-label>
                  <textarea matInput formControlName="note" rows="3" data-testid="progress-note"></textarea>
                  <mat-error>{{ t('errors.required') }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ t('fields.percent') }}</mat-label>
                  <input
                    matInput
                    type="number"
                    min="0"
                    max="100"
                    formControlName="percent"
                    data-testid="progress-percent"
                  />
                  <mat-error>{{ t('errors.percent') }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ t('fields.evidenceUrl') }}</mat-label>
                  <input matInput type="url" formControlName="evidenceUrl" data-testid="progress-evidence" />
                  <mat-error>{{ t('errors.url') }}</mat-error>
                </mat-form-field>
                <div class="row-end">
                  <button mat-flat-button type="submit" [disabled]="busy()" data-testid="post-progress">
                    {{ t('steps.progress') }}
                  </button>
                </div>
              </form>
              @if (d.state !== 'issued' && d.state !== 'close_requested') {
                <div class="panel">
                  <mat-form-field class="wide">
                    <mat-label>{{ t('fields.closeRequestNote') }}</mat-label>
                    <input matInput [formControl]="ownerNote" data-testid="close-request-note" />
                  </mat-form-field>
                  <div class="row-end">
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="busy()"
                      (click)="take('requestClose')"
                      data-testid="request-close"
                    >
                      {{ t('steps.requestClose') }}
                    </button>
                  </div>
                </div>
              }
            </section>
          }
          @if (d.canIssue && d.state === 'close_requested') {
            <section class="panel" [attr.aria-label]="t('detail.issuerSteps')">
              <h2>{{ t('detail.closeOrReturn') }}</h2>
              <mat-form-field class="wide">
                <mat-label>{{ t('fields.issuerNote') }}</mat-label>
                <input matInput [formControl]="issuerNote" data-testid="issuer-note" />
                <mat-hint>{{ t('fields.issuerNoteHint') }}</mat-hint>
                <mat-error>{{ t('errors.reason') }}</mat-error>
              </mat-form-field>
              <div class="row-end">
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy()"
                  (click)="take('return')"
                  data-testid="return"
                >
                  {{ t('steps.return') }}
                </button>
                <button mat-flat-button type="button" [disabled]="busy()" (click)="take('close')" data-testid="close">
                  {{ t('steps.close') }}
                </button>
              </div>
            </section>
          }

          <section [attr.aria-label]="t('detail.history')">
            <h2>{{ t('detail.history') }}</h2>
            <ol class="posts" data-testid="progress-posts">
              @for (p of d.progress; track p.id) {
                <li class="card" data-testid="progress-post">
                  <div class="line">
                    <strong>{{ p.posterName }}</strong
                    ><span>{{ when(p.postedAt) }} · {{ p.percent }}%</span>
                  </div>
                  <p>{{ p.note }}</p>
                  @for (e of p.evidence; track e.url) {
                    <a [href]="e.url" target="_blank" rel="noopener">{{ e.title || e.url }}</a>
                  }
                </li>
              } @empty {
                <li class="empty">{{ t('detail.noProgress') }}</li>
              }
            </ol>
          </section>
        </article>
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
    }
    h1 {
      margin-top: 8px;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 8px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 6px 16px;
      margin: 12px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant, #555);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-direction: column;
      gap: 12px;
      align-items: flex-start;
      margin: 16px 0;
    }
    .panel {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      width: 100%;
      box-sizing: border-box;
      padding: 12px;
      margin: 12px 0;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low, #f6f6f6);
    }
    .panel h2 {
      flex-basis: 100%;
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
    .posts {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .posts p {
      margin: 6px 0;
      white-space: pre-line;
    }
    .note {
      padding: 8px 12px;
      border-left: 4px solid #1a56a6;
      background: #f1f5fb;
    }
    @media (max-width: 600px) {
      dl {
        grid-template-columns: minmax(0, 1fr);
      }
      dd {
        margin-bottom: 6px;
      }
    }
  `,
})
export class DirectivePage {
  private readonly api = inject(DirectivesApi);
  private readonly i18n = inject(TranslocoService);
  readonly lang = injectLang();
  // Not required: the resource below reads it while the page is created, before the router binds it.
  readonly directiveId = input<string>();
  readonly directive = directiveResource(() => this.directiveId());
  readonly busy = signal(false);
  readonly stale = signal(false);
  readonly problem = signal<string | null>(null);

  readonly progressForm = new FormGroup({
    note: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(4000)] }),
    percent: new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    evidenceUrl: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^https?:\/\/\S+$/)] }),
  });
  /** The progress form's directive: resetting through it also clears "submitted", so no error shows on the empty form. */
  private readonly progressFormDir = viewChild(FormGroupDirective);
  readonly ownerNote = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] });
  readonly issuerNote = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] });

  readonly backQuery = computed(() => {
    const d = this.directive.value();
    return d ? { unit: d.orgUnitCode } : {};
  });

  constructor() {
    const changed = (e: { data: { directiveId: string; version: number } }) => {
      const d = this.directive.value();
      if (e.data.directiveId === this.directiveId() && (!d || e.data.version > d.version)) this.directive.reload();
    };
    inject(RealtimeService).watch(
      () => {
        const d = this.directive.value();
        return d ? `workspace:${d.orgUnitCode}` : null;
      },
      { 'directive.changed': changed, refetch: () => this.directive.reload() },
    );
  }

  reload(): void {
    this.stale.set(false);
    this.problem.set(null);
    this.directive.reload();
  }

  async take(action: Action): Promise<void> {
    const d = this.directive.value();
    if (!d || this.busy()) return;
    if (action === 'progress' && this.progressForm.invalid) {
      this.progressForm.markAllAsTouched();
      return;
    }
    if (action === 'return' && !this.issuerNote.value.trim()) {
      this.issuerNote.setErrors({ required: true });
      this.issuerNote.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      let next: DirectiveDetailDto;
      switch (action) {
        case 'acknowledge':
          next = await this.api.acknowledge(d.id, d.version);
          break;
        case 'progress': {
          const v = this.progressForm.getRawValue();
          const url = v.evidenceUrl.trim();
          next = await this.api.progress(d.id, {
            version: d.version,
            note: v.note.trim(),
            percent: Number(v.percent),
            evidence: url ? [{ url, title: url }] : [],
          });
          this.progressFormDir()?.resetForm();
          break;
        }
        case 'requestClose':
          next = await this.api.requestClose(d.id, d.version, this.ownerNote.value.trim());
          this.ownerNote.reset();
          break;
        case 'close':
          next = await this.api.close(d.id, d.version, this.issuerNote.value.trim());
          this.issuerNote.reset();
          break;
        case 'return':
          next = await this.api.return(d.id, d.version, this.issuerNote.value.trim());
          this.issuerNote.reset();
          break;
      }
      this.directive.set(next);
    } catch (e) {
      const p = apiProblem(e);
      if (p.status === 409 && p.code === 'conflict.version') this.stale.set(true);
      else this.problem.set(p.message ?? this.i18n.translate('followUp.errors.failed'));
      if (p.status === 409 && p.code !== 'conflict.version') this.directive.reload();
    } finally {
      this.busy.set(false);
    }
  }

  tone(d: DirectiveDetailDto) {
    return directiveTone(d.state, d.overdue);
  }

  day(iso: string): string {
    return dayLabel(iso, this.lang());
  }

  when(iso: string): string {
    return instantLabel(iso, this.lang());
  }

  owner(d: DirectiveDetailDto): string {
    return [d.ownerName, d.ownerAgency].filter(Boolean).join(' · ');
  }

  sourceName(d: DirectiveDetailDto): string {
    const name = this.lang() === 'en' ? d.source.nameEn : d.source.nameTh;
    return `${this.i18n.translate('followUp.sources.' + d.source.kind)} ${d.source.code ?? ''} ${name ?? ''}`.trim();
  }

  sourceLink(d: DirectiveDetailDto): string[] | null {
    if (d.source.kind === 'kpi' && d.source.id) return ['/province', d.orgUnitCode, 'kpi', d.source.id];
    if (d.source.kind === 'project' && d.source.id) return ['/projects', d.source.id];
    return null;
  }
}
