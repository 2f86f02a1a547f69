import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AuthUserDto, SessionDto } from '@provdash/shared/contracts';
import { apiErrorBody, AuthStore } from './auth.store';

const officer: AuthUserDto = {
  id: 'u-officer-50',
  email: 'officer.50@demo.go.th',
  displayName: 'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่',
  role: 'province_officer',
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
};
const session = (accessToken: string, expiresIn = 900): SessionDto => ({ accessToken, expiresIn, user: officer });
const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
    localStorage.clear();
    document.cookie = 'pd_session=; Max-Age=0; Path=/';
  });

  async function signIn(token = 'token-1', expiresIn = 900): Promise<void> {
    const done = store.login('officer.50@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush(session(token, expiresIn));
    await done;
  }

  it('starts signed out', () => {
    expect(store.signedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(store.ready()).toBe(true);
  });

  it('login posts the credentials and keeps the user and token in memory only', async () => {
    const done = store.login('officer.50@demo.go.th', 'demo-password');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'officer.50@demo.go.th', password: 'demo-password' });
    req.flush(session('token-1'));

    await expect(done).resolves.toEqual(officer);
    expect(store.signedIn()).toBe(true);
    expect(store.user()).toEqual(officer);
    expect(store.accessToken()).toBe('token-1');
    const stored = [localStorage, sessionStorage].flatMap((s) =>
      Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? '')),
    );
    expect(stored.some((v) => v?.includes('token-1'))).toBe(false);
  });

  it('a refused login rejects with the API message and stays signed out', async () => {
    const done = store.login('officer.50@demo.go.th', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' }, unauthorized);

    const error = await done.catch((e: unknown) => e);
    expect(apiErrorBody(error)?.message).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    expect(store.signedIn()).toBe(false);
  });

  it('refresh replaces the token', async () => {
    await signIn('token-1');
    const renewed = store.refresh();
    const req = http.expectOne('/api/auth/refresh');
    expect(req.request.method).toBe('POST');
    req.flush(session('token-2'));

    await expect(renewed).resolves.toBe(true);
    expect(store.accessToken()).toBe('token-2');
  });

  it('a refused refresh signs out quietly: no error, no navigation', async () => {
    await signIn('token-1');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    const renewed = store.refresh();
    http.expectOne('/api/auth/refresh').flush({ statusCode: 401, error: 'Unauthorized', message: 'x' }, unauthorized);

    await expect(renewed).resolves.toBe(false);
    expect(store.signedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('keeps a session through a network failure of the refresh', async () => {
    await signIn('token-1');
    const renewed = store.refresh();
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));

    await expect(renewed).resolves.toBe(false);
    expect(store.accessToken()).toBe('token-1');
  });

  it('callers refreshing at the same time share one request (the cookie can be spent once)', async () => {
    await signIn('token-1');
    const a = store.refresh();
    const b = store.refresh();
    http.expectOne('/api/auth/refresh').flush(session('token-2'));

    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(store.accessToken()).toBe('token-2');
  });

  /** What the API sets beside the httpOnly refresh cookie at sign-in. */
  const hintSession = () => (document.cookie = 'pd_session=1; Path=/');
  const hinted = () => document.cookie.includes('pd_session=');

  it('restore on start signs in from the cookie, and is not ready until it has an answer', async () => {
    hintSession();
    const restored = store.restore();
    expect(store.ready()).toBe(false);
    http.expectOne('/api/auth/refresh').flush(session('token-r'));
    await restored;

    expect(store.ready()).toBe(true);
    expect(store.user()).toEqual(officer);
    expect(store.accessToken()).toBe('token-r');
    // Only once per app start.
    await store.restore();
    http.expectNone('/api/auth/refresh');
  });

  it('restore with a spent session ends signed out, without an error, and forgets the hint', async () => {
    hintSession();
    const restored = store.restore();
    http.expectOne('/api/auth/refresh').flush({ statusCode: 401, error: 'Unauthorized', message: 'x' }, unauthorized);

    await expect(restored).resolves.toBeUndefined();
    expect(store.ready()).toBe(true);
    expect(store.signedIn()).toBe(false);
    expect(hinted()).toBe(false);
  });

  it('restore for an anonymous visitor (no session hint) asks for nothing: no refused refresh in the console', async () => {
    expect(hinted()).toBe(false);
    await expect(store.restore()).resolves.toBeUndefined();
    http.expectNone('/api/auth/refresh');
    expect(store.ready()).toBe(true);
    expect(store.signedIn()).toBe(false);
  });

  it('refreshes by itself shortly before the access token expires', async () => {
    jest.useFakeTimers();
    await signIn('token-1', 900);

    jest.advanceTimersByTime(839_000);
    http.expectNone('/api/auth/refresh');
    jest.advanceTimersByTime(1_000);
    http.expectOne('/api/auth/refresh').flush(session('token-2', 900));
    await Promise.resolve();
    await Promise.resolve();

    expect(store.accessToken()).toBe('token-2');
  });

  it('logout clears the session at once and revokes the cookie', async () => {
    jest.useFakeTimers();
    await signIn('token-1');
    const done = store.logout();

    expect(store.signedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    // The scheduled refresh died with the session.
    jest.advanceTimersByTime(900_000);
    http.expectNone('/api/auth/refresh');
  });

  it('expire signs out and sends the user to sign in, with the way back', async () => {
    await signIn('token-1');
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/me');

    await store.expire();

    expect(store.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/me', ended: 1 } });
  });

  describe('offline (no network at start)', () => {
    const noNetwork = { status: 0, statusText: 'Unknown Error' };

    it('keeps the last user of this device, offline, and renews the session when the network returns', async () => {
      await signIn('token-1');
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
      store = TestBed.inject(AuthStore);
      http = TestBed.inject(HttpTestingController);

      hintSession();
      const restored = store.restore();
      http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), noNetwork);
      await restored;
      expect(store.signedIn()).toBe(true);
      expect(store.offline()).toBe(true);
      expect(store.user()).toEqual(officer);
      expect(store.accessToken()).toBeNull();
      expect(hinted()).toBe(true);

      globalThis.dispatchEvent(new Event('online'));
      http.expectOne('/api/auth/refresh').flush(session('token-2'));
      await Promise.resolve();
      await Promise.resolve();
      expect(store.offline()).toBe(false);
      expect(store.accessToken()).toBe('token-2');
    });

    it('a session refused once back online signs the user out and sends them to sign in', async () => {
      await signIn('token-1');
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
      store = TestBed.inject(AuthStore);
      http = TestBed.inject(HttpTestingController);
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

      hintSession();
      const restored = store.restore();
      http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), noNetwork);
      await restored;
      expect(store.offline()).toBe(true);

      const renewed = store.refresh();
      http.expectOne('/api/auth/refresh').flush({ statusCode: 401, message: 'x' }, unauthorized);
      await expect(renewed).resolves.toBe(false);
      expect(store.signedIn()).toBe(false);
      expect(localStorage.getItem('provdash.auth.lastUser')).toBeNull();
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], expect.anything());
    });

    it('no one to keep: without a user who signed in here, or after sign-out, no network means signed out', async () => {
      hintSession();
      const restored = store.restore();
      http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), noNetwork);
      await restored;
      expect(store.signedIn()).toBe(false);

      await signIn('token-1');
      void store.logout();
      http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      expect(localStorage.getItem('provdash.auth.lastUser')).toBeNull();
    });
  });
});
