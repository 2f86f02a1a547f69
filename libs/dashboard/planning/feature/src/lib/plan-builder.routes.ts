import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import type { RoleName } from '@provdash/shared/contracts';
import { PlanBuilderPage } from './plan-builder.page';

/**
 * Who builds plans: a province's strategy office and its approver (who publishes), a cluster office
 * for its cluster plan, admins. The API decides per unit (write on the plan's unit; canPublishPlan).
 */
export const PLAN_BUILDER_ROLES: readonly RoleName[] = [
  'province_officer',
  'province_approver',
  'cluster_officer',
  'admin',
];

/** `/workspace/…` (the app route adds signedInGuard): the plan builder. */
export const workspaceRoutes: Route[] = [
  { path: 'plan', canActivate: [roleGuard(...PLAN_BUILDER_ROLES)], component: PlanBuilderPage },
];
