import { HttpErrorResponse, HttpEvent, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANG } from '@provdash/dashboard/shared/i18n';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { AUTH_API, AuthStore } from './auth.store';

/** Calls that manage the session itself: a 401 from them is an answer, not a reason to refresh. */
const SESSION_CALLS = ['login', 'refresh', 'logout'].map((name) => `${AUTH_API}/${name}`);

/** Only our own API gets the token; translations and anything off-origin never see it. */
export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function isSessionCall(url: string): boolean {
  return SESSION_CALLS.some((call) => url === call || url.startsWith(`${call}?`));
}

/**
 * Adds the bearer token and the reader's language (the API translates its messages by it) to every
 * /api call. A 401 gets one refresh and one retry; if that fails too, the user is signed out and
 * sent to sign in.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url)) return next(req);
  const store = inject(AuthStore);
  const lang = inject(TranslocoService, { optional: true })?.getActiveLang() || DEFAULT_LANG;
  let sentWith: string | null = null;
  const send = (): Observable<HttpEvent<unknown>> => {
    sentWith = store.accessToken();
    return next(decorate(req, sentWith, lang));
  };
  if (isSessionCall(req.url)) return send();

  return send().pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error)) return throwError(() => error);
      // Another request may already have renewed the token this one went out with.
      const current = store.accessToken();
      const renewed = current && current !== sentWith ? Promise.resolve(true) : store.refresh();
      return from(renewed).pipe(
        switchMap((ok) => {
          if (!ok) return signOut(store, error);
          return send().pipe(
            catchError((again: unknown) => (isUnauthorized(again) ? signOut(store, again) : throwError(() => again))),
          );
        }),
      );
    }),
  );
};

function decorate<T>(req: HttpRequest<T>, token: string | null, lang: string): HttpRequest<T> {
  // The service worker keeps no API answer (the app keeps its own last-seen copies, LastSeen): API
  // calls go straight to the network instead of through the worker's fetch, one hop less, and fail
  // as the page's own requests when there is no network.
  const setHeaders: Record<string, string> = { 'Accept-Language': lang, 'ngsw-bypass': '1' };
  if (token) setHeaders['Authorization'] = `Bearer ${token}`;
  return req.clone({ setHeaders });
}

function isUnauthorized(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && error.status === 401;
}

function signOut(store: AuthStore, error: unknown): Observable<never> {
  void store.expire();
  return throwError(() => error);
}
