import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { KPI_STATUSES, StrategyMapStore, valueOf } from '@provdash/dashboard/scorecards/data-access';
import { MapGraphNode, StatusChip, StrategyMapDiagram } from '@provdash/dashboard/scorecards/ui';
import { currentFiscalYear, injectLang, injectViewportWidth, localName, parseFiscalYear } from './page-helpers';

/**
 * A plan's strategy map: issues → goals (lit by their rolled-up status) → KPIs (lit by theirs) and
 * strategies → the year's projects, with the cause → effect arrows; a KPI box opens the KPI, a
 * project box the (first) KPI it serves, at the project.
 */
@Component({
  selector: 'pd-strategy-map-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoDirective, StatusChip, StrategyMapDiagram],
  providers: [StrategyMapStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (map(); as m) {
        <a mat-button [routerLink]="['/province', m.plan.orgUnitCode]" [queryParams]="{ fy: fiscalYear() }">
          ← {{ t('scorecards.map.back') }}
        </a>
        <h1 data-testid="map-title">{{ t('scorecards.map.title') }} · {{ name(m.plan) }}</h1>
        <p class="muted">
          {{ t('scorecards.map.vision') }}: {{ lang() === 'en' ? m.plan.visionEn : m.plan.visionTh }} ·
          {{ t('scorecards.filters.fy', { year: fiscalYear() }) }}
        </p>
        <pd-strategy-map-diagram
          [map]="m"
          [summaries]="store.goalSummaries()"
          [kpiStatuses]="store.kpiStatuses()"
          [fiscalYear]="fiscalYear()"
          [lang]="lang()"
          [narrow]="viewport() < 640"
          (nodeOpen)="open(m.plan.orgUnitCode, $event)"
        />
        <section class="legend" [attr.aria-label]="t('scorecards.map.legend')">
          @for (s of statuses; track s) {
            <pd-status-chip [status]="s" />
          }
          <span><span class="up" aria-hidden="true">↑</span> {{ t('scorecards.map.linkedUp') }}</span>
          <span><span class="cause" aria-hidden="true"></span> {{ t('scorecards.map.arrow') }}</span>
          <span><span class="chain" aria-hidden="true"></span> {{ t('scorecards.map.chain') }}</span>
        </section>
      }
      @if (store.map.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      } @else if (store.map.error()) {
        <p class="error" role="alert">{{ t('common.loadError') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      padding: 12px;
    }
    h1 {
      font-size: 1.3rem;
      margin: 4px 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-top: 12px;
      font-size: 0.85rem;
    }
    .up {
      display: inline-block;
      width: 20px;
      border-radius: 50%;
      background: #5e35b1;
      color: #fff;
      text-align: center;
    }
    .cause,
    .chain {
      display: inline-block;
      width: 22px;
      vertical-align: middle;
      border-top: 2.5px solid #263238;
    }
    .chain {
      border-top: 1.5px solid #90a4ae;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class StrategyMapPage {
  readonly planId = input.required<string>();
  readonly fy = input<string>();

  protected readonly store = inject(StrategyMapStore);
  private readonly router = inject(Router);
  protected readonly lang = injectLang();
  protected readonly viewport = injectViewportWidth();
  protected readonly statuses = KPI_STATUSES;
  protected readonly fiscalYear = computed(() => parseFiscalYear(this.fy()) ?? currentFiscalYear());
  protected readonly map = computed(() => valueOf(this.store.map));

  constructor() {
    effect(() => {
      this.store.planId.set(this.planId());
      this.store.fiscalYear.set(this.fiscalYear());
    });
  }

  protected open(unit: string, node: MapGraphNode): void {
    const fy = { fy: this.fiscalYear() };
    if (node.kind === 'kpi') void this.router.navigate(['/province', unit, 'kpi', node.id], { queryParams: fy });
    const served = node.kpiIds?.[0];
    if (node.kind === 'project' && served) {
      void this.router.navigate(['/province', unit, 'kpi', served], {
        queryParams: fy,
        fragment: `project-${node.code}`,
      });
    }
  }

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return localName(unit, this.lang());
  }
}
