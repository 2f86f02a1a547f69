import { Route } from '@angular/router';

/*
 * Each screen loads as its own chunk (loadComponent), so a phone opening the province view does not
 * download the comparison's, the cluster's or the strategy map's code with it.
 */

export const provinceRoutes: Route[] = [
  { path: ':code', loadComponent: () => import('./province.page').then((m) => m.ProvincePage) },
  { path: ':code/kpi/:kpiId', loadComponent: () => import('./kpi-history.page').then((m) => m.KpiHistoryPage) },
];

export const planRoutes: Route[] = [
  { path: ':planId', loadComponent: () => import('./strategy-map.page').then((m) => m.StrategyMapPage) },
];

export const compareRoutes: Route[] = [
  { path: '', loadComponent: () => import('./compare.page').then((m) => m.ComparePage) },
];

/** `/cluster/:code`: a province cluster's screen. */
export const clusterRoutes: Route[] = [
  { path: ':code', loadComponent: () => import('./cluster.page').then((m) => m.ClusterPage) },
];
