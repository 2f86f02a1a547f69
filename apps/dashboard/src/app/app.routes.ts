import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    loadChildren: () => import('@provdash/dashboard/org-units/feature').then((m) => m.orgUnitsRoutes),
  },
  { path: '**', redirectTo: '' },
];
