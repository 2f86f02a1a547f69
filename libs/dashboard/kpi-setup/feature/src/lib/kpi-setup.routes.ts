import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import type { RoleName } from '@provdash/shared/contracts';
import { GoalKpisPage } from './goal-kpis.page';
import { KpiEditPage } from './kpi-edit.page';
import { NewYearPage } from './new-year.page';
import { PlanImportPage } from './plan-import.page';

/** Who writes a plan's KPIs and targets (the API checks `write` on the goal's province). */
export const KPI_SETUP_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'cluster_officer', 'admin'];

/** `/workspace/…` (the app route adds signedInGuard); the plan builder links to these URLs. */
export const workspaceRoutes: Route[] = [
  { path: 'goals/:goalId/kpis', canActivate: [roleGuard(...KPI_SETUP_ROLES)], component: GoalKpisPage },
  { path: 'kpis/:kpiId', canActivate: [roleGuard(...KPI_SETUP_ROLES)], component: KpiEditPage },
  { path: 'plan-import', canActivate: [roleGuard(...KPI_SETUP_ROLES)], component: PlanImportPage },
  { path: 'new-year', canActivate: [roleGuard(...KPI_SETUP_ROLES)], component: NewYearPage },
];
