import { Route } from '@angular/router';
import { ClusterPage } from './cluster.page';
import { ComparePage } from './compare.page';
import { KpiHistoryPage } from './kpi-history.page';
import { ProvincePage } from './province.page';
import { StrategyMapPage } from './strategy-map.page';

export const provinceRoutes: Route[] = [
  { path: ':code', component: ProvincePage },
  { path: ':code/kpi/:kpiId', component: KpiHistoryPage },
];

export const planRoutes: Route[] = [{ path: ':planId', component: StrategyMapPage }];

export const compareRoutes: Route[] = [{ path: '', component: ComparePage }];

/** `/cluster/:code`: a province cluster's screen. */
export const clusterRoutes: Route[] = [{ path: ':code', component: ClusterPage }];
