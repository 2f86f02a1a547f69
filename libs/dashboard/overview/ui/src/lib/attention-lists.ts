import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatInstant, formatPercent, StatusChip } from '@provdash/dashboard/scorecards/ui';
import type { ScorecardKpiDto, SlowProjectDto } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';
import { injectLang, LoadState, localName } from './lang';

/**
 * What the governor should chase: the KPIs below target and the projects slowest to spend, each
 * with the agency that owns it and when it was last updated. A red KPI opens its history.
 * The page marks the projects list `live-changed` (class on the element) through `slowestChanged`.
 */
@Component({
  selector: 'pd-attention-lists',
  imports: [RouterLink, TranslocoPipe, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="list" aria-labelledby="red-kpis-title" data-testid="red-kpis">
      <h2 id="red-kpis-title">{{ 'overview.attention.redKpis' | transloco: { count: redKpis().length } }}</h2>
      @if (redKpis().length) {
        <ul>
          @for (k of redKpis(); track k.kpiId) {
            <li>
              <a
                class="item"
                data-testid="red-kpi"
                [attr.data-code]="k.code"
                [routerLink]="['/province', code(), 'kpi', k.kpiId]"
                queryParamsHandling="preserve"
              >
                <span class="name"
                  ><b>{{ k.code }}</b> {{ name(k) }}</span
                >
                <pd-status-chip [status]="k.status" />
                <span class="meta">
                  {{ 'scorecards.kpi.achievement' | transloco }} {{ pct(k.achievement) }} ·
                  {{ 'overview.attention.owner' | transloco: { owner: k.ownerAgencyTh } }} ·
                  {{
                    k.lastApprovedAt
                      ? ('overview.attention.updated' | transloco: { date: when(k.lastApprovedAt) })
                      : ('overview.attention.noUpdate' | transloco)
                  }}
                </span>
              </a>
            </li>
          }
        </ul>
      } @else {
        <p class="muted" data-testid="no-red-kpis">{{ 'overview.attention.noRed' | transloco }}</p>
      }
    </section>

    <section class="list" aria-labelledby="slowest-title" data-testid="slowest" [class.live-changed]="slowestChanged()">
      <h2 id="slowest-title">{{ 'overview.attention.slowest' | transloco }}</h2>
      @switch (slowestState()) {
        @case ('loading') {
          <p class="muted" role="status">{{ 'common.loading' | transloco }}…</p>
        }
        @case ('error') {
          <p class="error" role="alert">{{ 'common.loadError' | transloco }}</p>
        }
        @default {
          @if (slowest().length) {
            <ul>
              @for (p of slowest(); track p.id) {
                <li>
                  <a
                    class="item"
                    data-testid="slow-project"
                    [attr.data-code]="p.code"
                    [routerLink]="['/projects', p.id]"
                  >
                    <span class="name"
                      ><b>{{ p.code }}</b> {{ p.nameTh }}</span
                    >
                    <span class="figure">{{ 'overview.attention.rate' | transloco: { rate: pct(p.rate) } }}</span>
                    <span class="meta">
                      {{ 'overview.attention.budgetType.' + p.budgetType | transloco }} ·
                      {{ 'overview.attention.progress' | transloco: { value: pct(p.progress) } }} ·
                      {{ 'overview.attention.owner' | transloco: { owner: p.ownerAgencyTh } }} ·
                      {{
                        p.lastUpdate
                          ? ('overview.attention.updated' | transloco: { date: day(p.lastUpdate) })
                          : ('overview.attention.noUpdate' | transloco)
                      }}
                    </span>
                  </a>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'overview.attention.noProjects' | transloco }}</p>
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: 12px;
    }
    .list {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-width: 0;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 1rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 8px;
      padding: 8px 4px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      color: inherit;
      text-decoration: none;
    }
    a.item:hover,
    a.item:focus-visible {
      background: var(--mat-sys-surface-container);
    }
    a.item:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    .meta {
      grid-column: 1 / -1;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .figure {
      font-weight: 600;
      white-space: nowrap;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .live-changed {
      animation: live-changed 2s ease-out;
    }
    @keyframes live-changed {
      from {
        background-color: var(--mat-sys-tertiary-container);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .live-changed {
        animation: none;
        outline: 2px solid var(--mat-sys-tertiary);
      }
    }
    @media print {
      .list {
        break-inside: avoid;
      }
    }
  `,
})
export class AttentionLists {
  readonly code = input.required<string>();
  readonly redKpis = input<ScorecardKpiDto[]>([]);
  readonly slowest = input<SlowProjectDto[]>([]);
  readonly slowestState = input<LoadState>('ready');
  readonly slowestChanged = input(false);

  private readonly lang = injectLang();
  protected readonly pct = formatPercent;

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }

  protected when(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected day(date: string): string {
    return formatDateLabel(date, this.lang());
  }
}
