import {
  HttpClient,
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpParams,
  HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, from, of, switchMap, throwError } from 'rxjs';
import { LastSeen } from './last-seen';

/** A GET a screen's store makes, which the screen's composed answer holds one field of. */
export interface FirstPaintPart {
  url: string;
  params?: Record<string, string>;
}

/**
 * Whose last-seen copy a screen's answer is (a user id), or a function giving it once known (the
 * session may still be restoring when the screen asks): undefined keeps nothing.
 */
export type KeepFor = string | undefined | (() => Promise<string | undefined>);

/** What a claimed part is answered with: its body, or a status its route would answer (404 = none). */
type Answer = { body: unknown } | { status: number };

/** A primed part nobody asked for within this long is forgotten: later requests go to the network. */
export const FIRST_PAINT_CLAIM_MS = 15_000;

interface Claim {
  answer: Promise<Answer | null>;
  expires: number;
}

/**
 * One request for a screen's first paint. On a phone on a slow network each request costs a round
 * trip or more; a screen whose stores load four read models in parallel still waits for the slowest.
 * The page primes the screen's composed answer (`/api/screens/...`) before its stores ask for their
 * parts; `firstPaintInterceptor` answers each part's first GET from it, once. The stores keep
 * their own routes for everything after (reloads, live refetches, another year), and when the
 * composed answer fails a part simply goes to the network as before.
 */
@Injectable({ providedIn: 'root' })
export class FirstPaint {
  private readonly http = inject(HttpClient);
  private readonly claims = new Map<string, Claim>();

  private readonly lastSeen = inject(LastSeen);

  /**
   * Asks for `url` now; for each field of its answer named in `parts`, the first GET of that part
   * is answered from the field (null: the 404 its route answers). Resolves with the answer, or null
   * when it failed. With `keepFor` (a user id), the answer is kept on the device as that user's
   * last-seen copy, and when the network is unreachable the kept copy answers instead (LastSeen
   * marks the screen as showing it).
   */
  prime<T extends object>(
    url: string,
    params: Record<string, string>,
    parts: Partial<Record<keyof T & string, FirstPaintPart>>,
    keepFor?: KeepFor,
  ): Promise<T | null> {
    const asked = keyOf('', new HttpParams({ fromObject: params }));
    const whose = async () => (typeof keepFor === 'function' ? await keepFor() : keepFor);
    const answer = firstValueFrom(this.http.get<T>(url, { params })).then(
      (a) => {
        this.lastSeen.live(url);
        if (keepFor)
          void whose().then((user) => (user ? this.lastSeen.keep(user, url, asked, a) : undefined));
        return a;
      },
      async (e: unknown) => {
        if (!keepFor || !(e instanceof HttpErrorResponse) || e.status !== 0) return null;
        const user = await whose();
        return user ? this.lastSeen.recall<T>(user, url, asked) : null;
      },
    );
    const expires = Date.now() + FIRST_PAINT_CLAIM_MS;
    for (const [field, part] of Object.entries(parts) as [keyof T & string, FirstPaintPart][]) {
      this.claims.set(keyOf(part.url, new HttpParams({ fromObject: part.params ?? {} })), {
        expires,
        answer: answer.then((a) => {
          if (!a) return null;
          const value = a[field];
          return value === null ? { status: 404 } : { body: value };
        }),
      });
    }
    return answer;
  }

  /** The primed answer for this request, once; null when it is not a primed part (or too late). */
  take(req: HttpRequest<unknown>): Promise<Answer | null> | null {
    if (req.method !== 'GET' || !this.claims.size) return null;
    const key = keyOf(req.url, req.params);
    const claim = this.claims.get(key);
    if (!claim) return null;
    this.claims.delete(key);
    return claim.expires >= Date.now() ? claim.answer : null;
  }
}

/** The URL with its parameters in a fixed order: a store and the page may list them differently. */
function keyOf(url: string, params: HttpParams): string {
  const pairs = params
    .keys()
    .sort()
    .map((k) => `${k}=${(params.getAll(k) ?? []).join(',')}`);
  return pairs.length ? `${url}?${pairs.join('&')}` : url;
}

/**
 * Answers a primed part from the screen's composed answer (see FirstPaint). Put it first in the
 * chain: a part answered here never reaches the network, nor the auth interceptor.
 */
export const firstPaintInterceptor: HttpInterceptorFn = (req, next) => {
  const claim = inject(FirstPaint).take(req);
  if (!claim) return next(req);
  return from(claim).pipe(
    switchMap((answer) => {
      if (!answer) return next(req);
      if ('body' in answer) return of(new HttpResponse({ body: answer.body, status: 200, url: req.urlWithParams }));
      return throwError(
        () => new HttpErrorResponse({ status: answer.status, statusText: 'Not Found', url: req.urlWithParams }),
      );
    }),
  );
};
