import { computed, Injectable, signal } from '@angular/core';
import type { KpiStatusName, StatusSummaryDto } from '@provdash/shared/contracts';
import { valueOf } from './province-view.store';
import { scorecardResource, strategyMapResource } from './scorecards.resources';

/** A plan's map, and the scorecard of the plan's unit for the goals' rolled-up lights. */
@Injectable()
export class StrategyMapStore {
  readonly planId = signal<string | undefined>(undefined);
  readonly fiscalYear = signal<number | null>(null);

  readonly map = strategyMapResource(() => this.planId());
  readonly scorecard = scorecardResource(() => {
    const unit = valueOf(this.map)?.plan.orgUnitCode;
    return unit ? { code: unit, fiscalYear: this.fiscalYear() } : undefined;
  });

  readonly goalSummaries = computed(() => {
    const byCode = new Map<string, StatusSummaryDto>();
    for (const goal of valueOf(this.scorecard)?.rollup.goals ?? []) byCode.set(goal.code, goal.summary);
    return byCode;
  });

  /** Each KPI's own light, by KPI id: the map's KPI boxes. */
  readonly kpiStatuses = computed(() => {
    const byId = new Map<string, KpiStatusName>();
    for (const kpi of valueOf(this.scorecard)?.kpis ?? []) byId.set(kpi.kpiId, kpi.status);
    return byId;
  });
}
