import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { AuthUserDto, ErrorBodyDto, SessionDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { LastSeen } from './last-seen';

export const AUTH_API = '/api/auth';
export const SIGN_IN_PATH = '/sign-in';

/** Refresh this long before the access token runs out, so a request never meets an expired one. */
const REFRESH_LEAD_SECONDS = 60;
/** After a network failure of a scheduled refresh, try again this much later while the token still works. */
const RETRY_SECONDS = 30;
/** Tabs share one refresh cookie; a refresh token presented twice ends the whole session, so tabs take turns. */
const REFRESH_LOCK = 'provdash.auth.refresh';
/** Set by the API beside the httpOnly refresh cookie (readable, no secret): a session may exist. */
const SESSION_HINT = 'pd_session';
/**
 * Who signed in last on this device (their profile, no token nor secret): with no network a reload
 * cannot renew the session, and this lets them still open their screens' last-seen copies.
 */
const LAST_USER = 'provdash.auth.lastUser';

/**
 * Who is signed in. The access token lives only in this object's memory (never in web storage,
 * where any script could read it); the refresh token is an httpOnly cookie the browser keeps.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly lastSeen = inject(LastSeen);
  private readonly session = signal<SessionDto | null>(null);
  /** Set when a start-up restore found no network: the last user, until the session can be renewed. */
  private readonly offlineUser = signal<AuthUserDto | null>(null);
  private readonly restoring = signal(false);
  private restored: Promise<void> | null = null;
  private inflight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly user = computed<AuthUserDto | null>(() => this.session()?.user ?? this.offlineUser());
  readonly accessToken = computed<string | null>(() => this.session()?.accessToken ?? null);
  readonly signedIn = computed(() => this.user() !== null);
  /**
   * Signed in on this device but the session could not be renewed for want of a network: screens
   * show what they kept (last-seen copies); the session is renewed as soon as the network returns.
   */
  readonly offline = computed(() => this.session() === null && this.offlineUser() !== null);
  /** False while the start-up restore is under way: neither signed in nor out is known yet. */
  readonly ready = computed(() => !this.restoring());

  constructor() {
    const online = () => {
      if (this.offline()) void this.refresh();
    };
    globalThis.addEventListener?.('online', online);
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      globalThis.removeEventListener?.('online', online);
    });
  }

  /** Rejects with the HttpErrorResponse; `apiErrorBody` reads the API's translated message from it. */
  async login(email: string, password: string): Promise<AuthUserDto> {
    const session = await firstValueFrom(this.http.post<SessionDto>(`${AUTH_API}/login`, { email, password }));
    this.begin(session);
    return session.user;
  }

  /**
   * Trades the refresh cookie for a new access token. Resolves true when renewed. A refused refresh
   * (no or spent session) signs out quietly; a network failure keeps a still-valid session.
   * Concurrent callers share one request, since the cookie can be spent only once.
   */
  refresh(): Promise<boolean> {
    this.inflight ??= this.renew().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /**
   * Runs once, at start: a reload keeps the session if the cookie is still good. No session is not
   * an error. Without the API's session hint there is nothing to restore: an anonymous visitor's
   * page asks for no refresh (it would only be refused, a 401 in the console).
   */
  restore(): Promise<void> {
    if (!this.restored && !hasSessionHint()) this.restored = Promise.resolve();
    if (!this.restored) {
      this.restoring.set(true);
      this.restored = this.refresh().then(
        () => this.restoring.set(false),
        () => this.restoring.set(false),
      );
    }
    return this.restored;
  }

  /** Resolves once the start-up restore (if any) has settled, so guards decide on a known state. */
  whenReady(): Promise<void> {
    return this.restored ?? Promise.resolve();
  }

  /** Forgets the session here at once, then asks the API to revoke the cookie; a failure there changes nothing here. */
  async logout(): Promise<void> {
    this.end();
    try {
      await firstValueFrom(this.http.post<void>(`${AUTH_API}/logout`, null));
    } catch {
      // The cookie expires on its own; the user is already signed out in this tab.
    }
  }

  /**
   * The session could not be renewed (it expired, was signed out elsewhere, or the account was
   * disabled): sign out and send the user to sign in, saying why, back here afterwards.
   */
  async expire(): Promise<void> {
    this.end();
    const current = this.router.url;
    if (current.startsWith(SIGN_IN_PATH)) return;
    await this.router.navigate([SIGN_IN_PATH], { queryParams: { returnUrl: current, ended: 1 } });
  }

  private async renew(): Promise<boolean> {
    try {
      const session = await withLock(() => firstValueFrom(this.http.post<SessionDto>(`${AUTH_API}/refresh`, null)));
      this.begin(session);
      return true;
    } catch (error) {
      const unreachable = isUnreachable(error);
      if (unreachable && this.session()) this.schedule(RETRY_SECONDS);
      else if (unreachable && (this.offline() || (this.restoring() && this.goOffline()))) this.schedule(RETRY_SECONDS);
      else if (this.offline()) void this.expire();
      else this.end();
      return false;
    }
  }

  /** No network at start: the last user of this device stays, offline, if their session may still be good. */
  private goOffline(): boolean {
    const user = hasSessionHint() ? readLastUser() : null;
    this.offlineUser.set(user);
    return user !== null;
  }

  private begin(session: SessionDto): void {
    this.offlineUser.set(null);
    this.session.set(session);
    writeLastUser(session.user);
    this.schedule(Math.max(session.expiresIn - REFRESH_LEAD_SECONDS, session.expiresIn / 2));
  }

  private end(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.session.set(null);
    this.offlineUser.set(null);
    dropSessionHint();
    writeLastUser(null);
    void this.lastSeen.forget();
  }

  private schedule(seconds: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), seconds * 1000);
  }
}

/** The API's error body (translated message, field details), or null when the failure carried none. */
export function apiErrorBody(error: unknown): ErrorBodyDto | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ErrorBodyDto> | null;
  return body && typeof body === 'object' && typeof body.message === 'string' ? (body as ErrorBodyDto) : null;
}

/** No answer or a server fault: the session may well still be good. */
function isUnreachable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500);
}

function readLastUser(): AuthUserDto | null {
  try {
    const raw = globalThis.localStorage?.getItem(LAST_USER);
    const user = raw ? (JSON.parse(raw) as AuthUserDto) : null;
    return user && typeof user.id === 'string' && user.scope ? user : null;
  } catch {
    return null;
  }
}

function writeLastUser(user: AuthUserDto | null): void {
  try {
    if (user) globalThis.localStorage?.setItem(LAST_USER, JSON.stringify(user));
    else globalThis.localStorage?.removeItem(LAST_USER);
  } catch {
    // Storage refused (a private window): offline use is simply unavailable.
  }
}

function hasSessionHint(): boolean {
  const cookies = globalThis.document?.cookie ?? '';
  return cookies.split(';').some((c) => c.trim().startsWith(`${SESSION_HINT}=`));
}

/** The session is gone (refused, signed out, expired): the next start need not try to restore it. */
function dropSessionHint(): void {
  if (globalThis.document) globalThis.document.cookie = `${SESSION_HINT}=; Max-Age=0; Path=/; SameSite=Strict`;
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(REFRESH_LOCK, task) as Promise<T>) : task();
}
