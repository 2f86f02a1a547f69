import { Route } from '@angular/router';
import { PublicLayout } from './public-layout';

/* The public frame is shared; each public screen loads as its own chunk (loadComponent). */
export const publicRoutes: Route[] = [
  {
    path: '',
    component: PublicLayout,
    children: [
      { path: '', loadComponent: () => import('./public-overview.page').then((m) => m.PublicOverviewPage) },
      {
        path: 'province/:code',
        loadComponent: () => import('./public-province.page').then((m) => m.PublicProvincePage),
      },
      { path: 'kpi/:kpiId', loadComponent: () => import('./public-kpi.page').then((m) => m.PublicKpiPage) },
      { path: 'data', loadComponent: () => import('./open-data.page').then((m) => m.OpenDataPage) },
      { path: 'reports', loadComponent: () => import('./public-reports.page').then((m) => m.PublicReportsPage) },
    ],
  },
];
