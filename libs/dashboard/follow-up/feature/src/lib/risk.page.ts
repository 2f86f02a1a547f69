import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { issueDirectiveLink, mayIssueDirectives, riskUrl } from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import type { RiskDetailDto } from '@provdash/shared/contracts';
import { dayLabel, instantLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';
import { RiskEditor } from './risk-editor';

/**
 * One risk's screen (`/follow-up/risks/:riskId`): what it is on, its inherent and residual level,
 * 4T response, treatment plan, owner and review day; "reassess" for the province's writers; the
 * directives issued on it (and "issue one" for the governor); and every assessment kept, newest
 * first, with who and when.
 */
@Component({
  selector: 'pd-risk-page',
  imports: [MatButtonModule, RouterLink, TranslocoDirective, RiskEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'riskRegister'">
      @if (detail.error()) {
        <p class="error" role="alert">{{ t('loadFailed') }}</p>
      }
      @if (detail.hasValue() && detail.value(); as d) {
        <p class="crumbs">
          <a [routerLink]="['/follow-up/risks']" [queryParams]="{ unit: d.unitCode }">{{ t('back') }}</a>
        </p>
        <h1 data-testid="risk-title">{{ d.risk.description }}</h1>
        <p class="sub">
          {{ t('levels.' + d.risk.level) }} · {{ t('subjects.' + d.subject.kind) }}
          {{ d.subject.kind === 'province' ? '' : d.subject.code }} {{ lang() === 'en' ? d.subject.nameEn : d.subject.nameTh }}
          @if (d.risk.status === 'closed') {
            · {{ t('closed') }}
          }
        </p>
        <section class="card facts">
          <div>
            <span class="k">{{ t('inherent') }}</span>
            <span [class]="'score b-' + d.risk.band" data-testid="risk-inherent"
              >{{ d.risk.likelihood }}×{{ d.risk.impact }} = {{ d.risk.score }} · {{ t('bands.' + d.risk.band) }}</span
            >
          </div>
          <div>
            <span class="k">{{ t('residual') }}</span>
            @if (d.risk.residualScore !== null) {
              <span [class]="'score b-' + d.risk.residualBand" data-testid="risk-residual"
                >{{ d.risk.residualLikelihood }}×{{ d.risk.residualImpact }} = {{ d.risk.residualScore }} ·
                {{ t('bands.' + d.risk.residualBand) }}</span
              >
            } @else {
              <span data-testid="risk-residual">{{ t('form.notAssessed') }}</span>
            }
          </div>
          <div>
            <span class="k">{{ t('form.response') }}</span><span>{{ t('form.responses.' + d.risk.response) }}</span>
          </div>
          <div>
            <span class="k">{{ t('form.owner') }}</span><span>{{ d.risk.owner }}</span>
          </div>
          <div>
            <span class="k">{{ t('form.reviewDate') }}</span><span>{{ day(d.risk.reviewDate) || '—' }}</span>
          </div>
          <div class="wide">
            <span class="k">{{ t('form.mitigation') }}</span><span>{{ d.risk.mitigation || '—' }}</span>
          </div>
        </section>
        <div class="links">
          @if (d.mayEdit && d.risk.status === 'open' && !editing()) {
            <button mat-flat-button type="button" (click)="editing.set(true)" data-testid="risk-reassess">
              {{ t('reassess') }}
            </button>
          }
          <a mat-button [routerLink]="['/follow-up']" [queryParams]="{ unit: d.unitCode, riskId: d.risk.id, show: 'all' }">{{
            t('directives')
          }}</a>
          @if (mayIssue() && d.risk.status === 'open') {
            <a
              mat-stroked-button
              data-testid="risk-issue-directive"
              [routerLink]="issue(d).commands"
              [queryParams]="issue(d).queryParams"
              >{{ t('issue') }}</a
            >
          }
        </div>
        @if (editing()) {
          @defer (on immediate) {
            <pd-risk-editor [risk]="d.risk" (done)="edited($event)" (reload)="reload()" />
          } @placeholder {
            <p aria-busy="true">…</p>
          }
        }
        <section [attr.aria-label]="t('history')">
          <h2>{{ t('history') }}</h2>
          <ol class="history" data-testid="risk-history">
            @for (a of d.history; track a.id) {
              <li class="card" data-testid="risk-assessment">
                <div class="line">
                  <span [class]="'score b-' + a.band">{{ a.likelihood }}×{{ a.impact }} = {{ a.score }}</span>
                  @if (a.residualScore !== null) {
                    <span [class]="'score b-' + a.residualBand"
                      >{{ t('residualShort') }} {{ a.residualLikelihood }}×{{ a.residualImpact }} = {{ a.residualScore }}</span
                    >
                  }
                  <span>{{ t('form.responses.' + a.response) }}</span>
                </div>
                <p class="meta">{{ a.assessedBy ?? t('before') }} · {{ when(a.assessedAt) }}</p>
                @if (a.note) {
                  <p class="note">{{ a.note }}</p>
                }
              </li>
            }
          </ol>
        </section>
      }
    </ng-container>
  `,
  styles: `
    ${FOLLOW_UP_STYLES}
    .crumbs {
      margin: 0 0 4px;
    }
    h1 {
      overflow-wrap: anywhere;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 8px 16px;
    }
    .facts > div {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .facts .wide {
      grid-column: 1 / -1;
    }
    .k {
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .score {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 10px;
      font-weight: 600;
      width: fit-content;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    pd-risk-editor {
      display: block;
      margin-bottom: 12px;
    }
    .history {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .meta,
    .note {
      margin: 4px 0 0;
      font-size: 0.9rem;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class RiskPage {
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly riskId = input<string>();
  readonly detail = httpResource<RiskDetailDto>(() => {
    const id = this.riskId();
    return id ? riskUrl(id) : undefined;
  });
  readonly editing = signal(false);
  readonly mayIssue = computed(() => mayIssueDirectives(this.auth.user()?.role));

  edited(saved: boolean): void {
    this.editing.set(false);
    if (saved) this.detail.reload();
  }

  reload(): void {
    this.editing.set(false);
    this.detail.reload();
  }

  issue(d: RiskDetailDto) {
    return issueDirectiveLink(d.unitCode, { riskId: d.risk.id, about: d.risk.description });
  }

  day(iso: string | null): string {
    return iso ? dayLabel(iso, this.lang()) : '';
  }

  when(iso: string): string {
    return instantLabel(iso, this.lang());
  }
}
