import { Route } from '@angular/router';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { ComparePage } from './compare.page';
import { KpiHistoryPage } from './kpi-history.page';
import { ProvincePage } from './province.page';
import { StrategyMapPage } from './strategy-map.page';

/* ngx-charts still animates with @angular/animations: its renderer comes with these lazy screens only. */

export const provinceRoutes: Route[] = [
  {
    path: '',
    providers: [provideAnimationsAsync()],
    children: [
      { path: ':code', component: ProvincePage },
      { path: ':code/kpi/:kpiId', component: KpiHistoryPage },
    ],
  },
];

export const planRoutes: Route[] = [
  { path: '', providers: [provideAnimationsAsync()], children: [{ path: ':planId', component: StrategyMapPage }] },
];

export const compareRoutes: Route[] = [{ path: '', providers: [provideAnimationsAsync()], component: ComparePage }];
