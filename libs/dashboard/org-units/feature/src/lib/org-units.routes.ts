import { Route } from '@angular/router';
import { ClusterDirectoryPage } from './cluster-directory.page';

export const orgUnitsRoutes: Route[] = [{ path: '', component: ClusterDirectoryPage }];
