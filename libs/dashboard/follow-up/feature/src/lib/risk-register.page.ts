import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  heatCell,
  type HeatMapMode,
  issueDirectiveLink,
  mayIssueDirectives,
  mayWriteRisks,
  publicationUrl,
  RisksApi,
  risksUrl,
} from '@provdash/dashboard/follow-up/data-access';
import { injectLang, RiskHeatMap } from '@provdash/dashboard/overview/ui';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { FollowUpPublicationDto, RiskDto } from '@provdash/shared/contracts';
import { dayLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';
import { RiskEditor } from './risk-editor';

/**
 * The province's 4T risk register (`/follow-up/risks?unit=30`): the open risks of the province
 * itself (organisation level) and of its projects and KPIs on the 5×5 likelihood × impact heat map,
 * inherent or residual (a cell narrows the list), each with its 4T response, owner, review date and
 * treatment. The province's officers and approvers add organisation-level risks here and reassess any
 * risk on its own screen; the governor issues directives on them and decides whether the register
 * and the directives are published on the province's public page.
 */
@Component({
  selector: 'pd-risk-register-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatSlideToggleModule, RouterLink, TranslocoDirective, RiskHeatMap, RiskEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'followUp.risks'">
      <h1>{{ t('title') }}</h1>
      <p class="sub">{{ t('intro') }}</p>
      @if (risks.error()) {
        <p class="error" role="alert">{{ t('loadFailed') }}</p>
      }
      <ng-container *transloco="let r; prefix: 'riskRegister'">
        <div class="tools">
          <mat-button-toggle-group
            [value]="mode()"
            (change)="mode.set($event.value)"
            [attr.aria-label]="r('modeLabel')"
            data-testid="heat-mode"
          >
            <mat-button-toggle value="inherent" data-testid="heat-mode-inherent">{{ r('inherent') }}</mat-button-toggle>
            <mat-button-toggle value="residual" data-testid="heat-mode-residual">{{ r('residual') }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (mayWrite() && !adding()) {
            <button mat-flat-button type="button" (click)="adding.set(true)" data-testid="add-org-risk">
              {{ r('addOrgRisk') }}
            </button>
          }
        </div>
        @if (publication.hasValue() && publication.value(); as pub) {
          <div class="publish" data-testid="publish-follow-up">
            @if (pub.mayChange) {
              <mat-slide-toggle
                [checked]="pub.public"
                [disabled]="publishing()"
                (change)="publish($event.checked, pub)"
                data-testid="publish-toggle"
                >{{ r('publish') }}</mat-slide-toggle
              >
            } @else {
              <span>{{ pub.public ? r('isPublic') : r('notPublic') }}</span>
            }
            <span class="hint">{{ r('publishHint') }}</span>
            @if (publishError(); as e) {
              <p class="error" role="alert">{{ e }}</p>
            }
          </div>
        }
        @if (adding()) {
          <!-- The form (and Material's picker and selects) is its own chunk: the register opens without it (on immediate: the trigger the user menu already brings, no more defer runtime in the first download). -->
          @defer (on immediate) {
            <pd-risk-editor [unit]="code()" (done)="added($event)" />
          } @placeholder {
            <p aria-busy="true">…</p>
          }
        }
      </ng-container>
      <div class="layout">
        <pd-risk-heat-map [risks]="open()" [mode]="mode()" [selected]="cell()" (pick)="pick($event.l, $event.i)" />
        <section class="list" [attr.aria-label]="t('list')">
          @if (cell(); as c) {
            <p>
              {{ t('filtered', { l: c.l, i: c.i }) }}
              <button mat-button type="button" (click)="cell.set(null)">{{ t('showAll') }}</button>
            </p>
          }
          @for (r of shown(); track r.id) {
            <article class="card" data-testid="register-risk">
              <div class="line" *transloco="let rr; prefix: 'riskRegister'">
                <span [class]="'score b-' + r.band" [title]="rr('inherent')">{{ r.likelihood }}×{{ r.impact }} = {{ r.score }}</span>
                @if (r.residualScore !== null) {
                  <span [class]="'score b-' + r.residualBand" data-testid="residual-score" [title]="rr('residual')"
                    >{{ rr('residualShort') }} {{ r.residualLikelihood }}×{{ r.residualImpact }} = {{ r.residualScore }}</span
                  >
                }
                <span class="resp">{{ t('responses.' + r.response) }}</span>
                <span class="level">{{ rr('levels.' + r.level) }}</span>
              </div>
              <p class="desc">
                <a [routerLink]="['/follow-up/risks', r.id]" data-testid="risk-open">{{ r.description }}</a>
              </p>
              <p class="meta">
                {{ t('owner') }}: {{ r.owner }}
                @if (r.reviewDate) {
                  · {{ t('review', { date: day(r.reviewDate) }) }}
                }
              </p>
              @if (r.mitigation) {
                <p class="meta">{{ t('treatment') }}: {{ r.mitigation }}</p>
              }
              <div class="links">
                @if (r.projectId) {
                  <a mat-button [routerLink]="['/projects', r.projectId]">{{ t('onProject') }}</a>
                }
                @if (r.kpiId) {
                  <a mat-button [routerLink]="['/province', code(), 'kpi', r.kpiId]">{{ t('onKpi') }}</a>
                }
                <a
                  mat-button
                  [routerLink]="['/follow-up']"
                  [queryParams]="{ unit: code(), riskId: r.id, show: 'all' }"
                  >{{ t('directives') }}</a
                >
                @if (mayIssue()) {
                  <a
                    mat-stroked-button
                    data-testid="register-issue-directive"
                    [routerLink]="issue(r).commands"
                    [queryParams]="issue(r).queryParams"
                    >{{ t('issue') }}</a
                  >
                }
              </div>
            </article>
          } @empty {
            <p data-testid="no-risks">{{ t('none') }}</p>
          }
        </section>
      </div>
    </ng-container>
  `,
  styles: `
    ${FOLLOW_UP_STYLES}
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 12px;
    }
    .publish {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .hint,
    .level {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    pd-risk-editor {
      display: block;
      margin-bottom: 12px;
    }
    pd-risk-heat-map {
      display: block;
      max-width: 360px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 320px) minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    .list {
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
    .score {
      padding: 2px 8px;
      border-radius: 10px;
      font-weight: 600;
    }
    .desc {
      margin: 6px 0;
      font-weight: 500;
    }
    .meta {
      margin: 2px 0;
      font-size: 0.9rem;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 6px;
    }
    @media (max-width: 720px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class RiskRegisterPage {
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly unit = input<string>();
  readonly code = computed(() => this.unit() ?? this.auth.user()?.scope.code ?? '');
  readonly risks = httpResource<RiskDto[]>(() => (this.code() ? risksUrl(this.code()) : undefined));
  readonly open = computed(() => (this.risks.hasValue() ? this.risks.value() : []).filter((r) => r.status === 'open'));
  readonly cell = signal<{ l: number; i: number } | null>(null);
  readonly shown = computed(() => {
    const c = this.cell();
    if (!c) return this.open();
    return this.open().filter((r) => {
      const at = heatCell(r, this.mode());
      return at?.l === c.l && at.i === c.i;
    });
  });
  readonly mayIssue = computed(() => mayIssueDirectives(this.auth.user()?.role));
  readonly mayWrite = computed(() => mayWriteRisks(this.auth.user()?.role));
  readonly mode = signal<HeatMapMode>('inherent');
  readonly adding = signal(false);
  readonly publication = httpResource<FollowUpPublicationDto>(() =>
    this.code() ? publicationUrl(this.code()) : undefined,
  );
  readonly publishing = signal(false);
  readonly publishError = signal<string | null>(null);
  private readonly api = inject(RisksApi);

  pick(l: number, i: number): void {
    const c = this.cell();
    this.cell.set(c?.l === l && c.i === i ? null : { l, i });
  }

  added(saved: boolean): void {
    this.adding.set(false);
    if (saved) this.risks.reload();
  }

  async publish(on: boolean, pub: FollowUpPublicationDto): Promise<void> {
    this.publishing.set(true);
    this.publishError.set(null);
    try {
      this.publication.set(await this.api.setPublication(this.code(), { public: on, version: pub.version }));
    } catch (e) {
      const p = apiProblem(e);
      this.publishError.set(p.message);
      this.publication.reload();
    } finally {
      this.publishing.set(false);
    }
  }

  issue(r: RiskDto) {
    return issueDirectiveLink(this.code(), { riskId: r.id, about: r.description });
  }

  day(iso: string): string {
    return dayLabel(iso, this.lang());
  }
}
