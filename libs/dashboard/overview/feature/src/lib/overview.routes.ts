import { Route } from '@angular/router';
import { NationalOverviewPage } from './national-overview.page';

export const overviewRoutes: Route[] = [{ path: '', component: NationalOverviewPage }];
