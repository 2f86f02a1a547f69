import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor, provideAuth } from '@provdash/dashboard/auth/data-access';
import { provideI18n } from '@provdash/dashboard/shared/i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(),
    provideAuth(),
    // One animation engine for the whole app, loaded only when the first animated component (an
    // ngx-charts chart) renders. One per lazy route made each route's engine flush only some of its
    // removals: after a round trip to another screen the province view kept the old year's nodes.
    provideAnimationsAsync(),
  ],
};
