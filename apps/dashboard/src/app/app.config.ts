import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, isDevMode, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { authInterceptor, firstPaintInterceptor, provideAuth } from '@provdash/dashboard/auth/data-access';
import { provideI18n } from '@provdash/dashboard/shared/i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // A screen's first paint comes in one request (FirstPaint): its parts never reach the network.
    provideHttpClient(withFetch(), withInterceptors([firstPaintInterceptor, authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(),
    provideAuth(),
    // One animation engine for the whole app, loaded only when the first animated component (an
    // ngx-charts chart) renders. One per lazy route made each route's engine flush only some of its
    // removals: after a round trip to another screen the province view kept the old year's nodes.
    provideAnimationsAsync(),
    // The PWA (issue 21): installable, the app shell cached, Web Push through SwPush. Production
    // builds only (ngsw-config.json); registered once the app is stable (at most 10 s: the live socket may keep it busy), never before the first paint.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:10000' }),
  ],
};
