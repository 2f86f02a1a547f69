import { Route } from '@angular/router';
import { NotificationSettingsPage } from './notification-settings.page';

/** Under `/me/notifications` (the app route adds `signedInGuard`). */
export const notificationRoutes: Route[] = [{ path: '', component: NotificationSettingsPage }];
