import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import type { RoleName } from '@provdash/shared/contracts';

/** The province's own people (and admins) read their agreement here; the API decides what they may do. */
export const AGREEMENT_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'governor', 'admin'];

/** Who evaluates the rounds (the API's `evaluate`): the central evaluator, and admins. */
export const EVALUATION_ROLES: readonly RoleName[] = ['central_evaluator', 'admin'];

/** Who builds the year's template (the API's `write` on the country): central analysts and admins. */
export const TEMPLATE_ROLES: readonly RoleName[] = ['central_analyst', 'admin'];

/** Who reads the ministry's view of all agreements (the API's `read` on the country): central staff and admins. */
export const RANKING_ROLES: readonly RoleName[] = ['central_analyst', 'central_evaluator', 'admin'];

/** `/workspace/agreement`: the province's agreement, its score and its rounds. */
export const workspaceAgreementRoutes: Route[] = [
  {
    path: '',
    canActivate: [roleGuard(...AGREEMENT_ROLES)],
    loadComponent: () => import('./agreement.page').then((m) => m.AgreementPage),
  },
];

/** `/ministry/agreements/…`: the centre's agreement screens. */
export const ministryAgreementRoutes: Route[] = [
  {
    path: 'evaluate',
    canActivate: [roleGuard(...EVALUATION_ROLES)],
    loadComponent: () => import('./evaluation.page').then((m) => m.EvaluationPage),
  },
  {
    path: 'ranking',
    canActivate: [roleGuard(...RANKING_ROLES)],
    loadComponent: () => import('./ranking.page').then((m) => m.RankingPage),
  },
  {
    path: 'queue',
    canActivate: [roleGuard(...TEMPLATE_ROLES)],
    loadComponent: () => import('./agreement-queue.page').then((m) => m.AgreementQueuePage),
  },
  {
    path: 'templates',
    canActivate: [roleGuard(...TEMPLATE_ROLES)],
    loadComponent: () => import('./templates.page').then((m) => m.TemplatesPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'evaluate' },
];

/** `/public/agreement/:code`: a province's frozen rounds with their per-indicator tables, for everyone. */
export const publicAgreementRoutes: Route[] = [
  { path: ':code', loadComponent: () => import('./public-agreement.page').then((m) => m.PublicAgreementPage) },
];
