import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { Route } from '@angular/router';
import { OpenDataPage } from './open-data.page';
import { PublicKpiPage } from './public-kpi.page';
import { PublicLayout } from './public-layout';
import { PublicOverviewPage } from './public-overview.page';
import { PublicProvincePage } from './public-province.page';
import { PublicReportsPage } from './public-reports.page';

/* ngx-charts animates with @angular/animations: its renderer comes with these lazy screens only. */
export const publicRoutes: Route[] = [
  {
    path: '',
    component: PublicLayout,
    providers: [provideAnimationsAsync()],
    children: [
      { path: '', component: PublicOverviewPage },
      { path: 'province/:code', component: PublicProvincePage },
      { path: 'kpi/:kpiId', component: PublicKpiPage },
      { path: 'data', component: OpenDataPage },
      { path: 'reports', component: PublicReportsPage },
    ],
  },
];
