import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import {
  type DirectiveFilter,
  directivesResource,
  directiveTone,
  issueDirectiveLink,
} from '@provdash/dashboard/follow-up/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { DirectiveDto } from '@provdash/shared/contracts';
import { dayLabel } from './follow-up-format';
import { FOLLOW_UP_STYLES } from './follow-up.styles';

const FILTERS: DirectiveFilter[] = ['open', 'overdue', 'closed', 'all'];

/**
 * A province's directives (`/follow-up?unit=30&show=open`): open, overdue, closed this month and
 * awaiting the governor's closing; the agencies' tallies; the list, or only mine; live through the
 * province's workspace room. `kpiId`, `projectId` or `riskId` narrow it to one source's directives.
 */
@Component({
  selector: 'pd-directives-page',
  imports: [MatButtonModule, MatButtonToggleModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'followUp'">
      <header class="head">
        <div>
          <h1>{{ t('board.title') }}</h1>
          <p class="sub">{{ unitName() }}</p>
        </div>
        <div class="head-actions">
          <a
            mat-stroked-button
            [routerLink]="['/follow-up', 'risks']"
            [queryParams]="{ unit: code() }"
            data-testid="risk-register-link"
            >{{ t('risks.menu') }}</a
          >
          @if (board.value()?.canIssue) {
            <a
              mat-flat-button
              [routerLink]="issue().commands"
              [queryParams]="issue().queryParams"
              data-testid="issue-directive"
              >{{ t('board.issue') }}</a
            >
          }
        </div>
      </header>

      @if (board.error()) {
        <p class="error" role="alert">{{ t('board.loadFailed') }}</p>
      }
      @if (board.value(); as b) {
        <section class="counts" [attr.aria-label]="t('board.counts')">
          <button
            type="button"
            class="count"
            [class.on]="show() === 'open'"
            (click)="go('open')"
            data-testid="count-open"
          >
            <strong>{{ b.counts.open }}</strong
            ><span>{{ t('board.open') }}</span>
          </button>
          <button
            type="button"
            class="count red"
            [class.on]="show() === 'overdue'"
            (click)="go('overdue')"
            data-testid="count-overdue"
          >
            <strong>{{ b.counts.overdue }}</strong
            ><span>{{ t('board.overdue') }}</span>
          </button>
          <button type="button" class="count" (click)="go('open')" data-testid="count-awaiting">
            <strong>{{ b.counts.awaitingClose }}</strong
            ><span>{{ t('board.awaitingClose') }}</span>
          </button>
          <button
            type="button"
            class="count grey"
            [class.on]="show() === 'closed'"
            (click)="go('closed')"
            data-testid="count-closed"
          >
            <strong>{{ b.counts.closedThisMonth }}</strong
            ><span>{{ t('board.closedThisMonth') }}</span>
          </button>
        </section>

        <div class="filters">
          <mat-button-toggle-group [value]="show()" (change)="go($event.value)" [attr.aria-label]="t('board.filter')">
            @for (f of filters; track f) {
              <mat-button-toggle [value]="f" [attr.data-testid]="'filter-' + f">{{
                t('board.filters.' + f)
              }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
          <mat-button-toggle-group [value]="mine() ? 'mine' : 'all'" (change)="setMine($event.value === 'mine')">
            <mat-button-toggle value="all">{{ t('board.everyone') }}</mat-button-toggle>
            <mat-button-toggle value="mine" data-testid="filter-mine">{{ t('board.mine') }}</mat-button-toggle>
          </mat-button-toggle-group>
        </div>

        <div class="layout">
          <section class="list" [attr.aria-label]="t('board.list')">
            @for (d of b.directives; track d.id) {
              <a class="card directive" [routerLink]="['/follow-up', d.id]" data-testid="directive-card">
                <div class="line">
                  <span class="state" [class]="'state tone-' + tone(d)" data-testid="directive-state">{{
                    d.overdue ? t('overdueDays', { days: d.daysOverdue }) : t('states.' + d.state)
                  }}</span>
                  <span class="due">{{ t('due', { date: day(d.dueDate) }) }}</span>
                </div>
                <div class="title" data-testid="directive-title">{{ d.title }}</div>
                <div class="meta">
                  {{ owner(d) }}
                  @if (d.source.kind !== 'none') {
                    · {{ t('sources.' + d.source.kind) }} {{ d.source.code ?? '' }}
                    {{ lang() === 'en' ? d.source.nameEn : d.source.nameTh }}
                  }
                </div>
                <div class="bar" [attr.aria-label]="t('percent', { percent: d.percent })">
                  <span [style.width.%]="d.percent"></span>
                </div>
              </a>
            } @empty {
              <p class="empty" data-testid="no-directives">{{ t('board.none') }}</p>
            }
          </section>
          <aside class="agencies" [attr.aria-label]="t('board.byAgency')">
            <h2>{{ t('board.byAgency') }}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ t('board.agency') }}</th>
                  <th scope="col" class="num">{{ t('board.open') }}</th>
                  <th scope="col" class="num">{{ t('board.overdue') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (a of b.byAgency; track a.agency) {
                  <tr>
                    <td>{{ a.agency }}</td>
                    <td class="num">{{ a.open }}</td>
                    <td class="num" [class.late]="a.overdue > 0">{{ a.overdue }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="3">{{ t('board.noneOpen') }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </aside>
        </div>
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
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 8px;
      margin-bottom: 12px;
    }
    .count {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      padding: 10px 12px;
      border: 1px solid #d9d9d9;
      border-radius: 12px;
      background: #fff;
      font: inherit;
      cursor: pointer;
      text-align: left;
    }
    .count strong {
      font-size: 1.6rem;
    }
    .count.red strong {
      color: #b3261e;
    }
    .count.on {
      border-color: #1a56a6;
      box-shadow: inset 0 0 0 1px #1a56a6;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .directive .line {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font-size: 0.85rem;
    }
    .title {
      font-weight: 500;
      margin: 6px 0 2px;
    }
    .meta {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant, #555);
      margin-bottom: 6px;
    }
    .agencies h2 {
      font-size: 1rem;
      margin: 0 0 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
    }
    th,
    td {
      padding: 4px 6px;
      border-bottom: 1px solid #e5e5e5;
      text-align: left;
    }
    .num {
      text-align: right;
    }
    .late {
      color: #b3261e;
      font-weight: 600;
    }
    @media (max-width: 720px) {
      .counts {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      .filters mat-button-toggle-group {
        max-width: 100%;
        overflow-x: auto;
      }
    }
  `,
})
export class DirectivesPage {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  readonly lang = injectLang();
  readonly unit = input<string>();
  readonly show = input<DirectiveFilter, string | undefined>('open', {
    transform: (v) => (FILTERS.includes(v as DirectiveFilter) ? (v as DirectiveFilter) : 'open'),
  });
  readonly mine = input<boolean, string | undefined>(false, { transform: (v) => v === 'true' });
  readonly kpiId = input<string>();
  readonly projectId = input<string>();
  readonly riskId = input<string>();
  readonly filters = FILTERS;

  /** The province: the one asked for, else the reader's own. */
  readonly code = computed(() => this.unit() ?? this.auth.user()?.scope.code);
  readonly unitName = computed(() => {
    const s = this.auth.user()?.scope;
    if (!s || s.code !== this.code()) return this.code() ?? '';
    return this.lang() === 'en' ? s.nameEn : s.nameTh;
  });
  readonly board = directivesResource(() => {
    const unit = this.code();
    return unit
      ? {
          unit,
          show: this.show(),
          mine: this.mine(),
          kpiId: this.kpiId(),
          projectId: this.projectId(),
          riskId: this.riskId(),
        }
      : undefined;
  });
  readonly issue = computed(() =>
    issueDirectiveLink(this.code() ?? '', { kpiId: this.kpiId(), projectId: this.projectId(), riskId: this.riskId() }),
  );

  constructor() {
    const reload = () => this.board.reload();
    // New directives, progress and closings reach the page through the province's workspace room.
    inject(RealtimeService).watch(
      () => {
        const c = this.code();
        return c ? `workspace:${c}` : null;
      },
      { 'directive.changed': reload, refetch: reload },
    );
  }

  go(show: DirectiveFilter): void {
    void this.router.navigate([], { queryParams: { show }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  setMine(mine: boolean): void {
    void this.router.navigate([], {
      queryParams: { mine: mine ? 'true' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  tone(d: DirectiveDto) {
    return directiveTone(d.state, d.overdue);
  }

  day(iso: string): string {
    return dayLabel(iso, this.lang());
  }

  owner(d: DirectiveDto): string {
    return [d.ownerName, d.ownerAgency].filter(Boolean).join(' · ');
  }
}
