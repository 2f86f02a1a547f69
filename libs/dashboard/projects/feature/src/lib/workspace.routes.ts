import { Route } from '@angular/router';
import { roleGuard } from '@provdash/dashboard/auth/data-access';
import { GfmisImportPage } from './gfmis-import.page';

/** The roles that may write a province's disbursement (the API checks `write` on the province). */
export const GFMIS_IMPORT_ROLES = ['province_officer', 'province_approver', 'admin'] as const;

/** `/workspace/…`: the signed-in staff's screens (the app route adds signedInGuard). */
export const workspaceRoutes: Route[] = [
  { path: 'gfmis-import', canActivate: [roleGuard(...GFMIS_IMPORT_ROLES)], component: GfmisImportPage },
];
