import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import type { RoleName } from '@provdash/shared/contracts';

/** People administration: admins only (the API's `administer`, which no other role holds). */
export const PEOPLE_ROLES: readonly RoleName[] = ['admin'];
/** The audit trail: whoever may approve somewhere (the API's `approve`): admins, and a province's approvers for it. */
export const AUDIT_ROLES: readonly RoleName[] = ['admin', 'province_approver'];

/** `/admin/…` (the app route adds signedInGuard; each screen checks its roles). */
export const adminRoutes: Route[] = [
  {
    path: 'people',
    canActivate: [roleGuard(...PEOPLE_ROLES)],
    loadComponent: () => import('./people.page').then((m) => m.PeoplePage),
  },
  {
    path: 'audit',
    canActivate: [roleGuard(...AUDIT_ROLES)],
    loadComponent: () => import('./audit-trail.page').then((m) => m.AuditTrailPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'people' },
];
