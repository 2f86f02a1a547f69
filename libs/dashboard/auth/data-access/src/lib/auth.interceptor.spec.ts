import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { AuthUserDto, SessionDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor, isApiUrl } from './auth.interceptor';
import { AuthStore } from './auth.store';

const officer: AuthUserDto = {
  id: 'u-officer-50',
  email: 'officer.50@demo.go.th',
  displayName: 'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่',
  role: 'province_officer',
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
};
const session = (accessToken: string): SessionDto => ({ accessToken, expiresIn: 900, user: officer });
const unauthorized = { status: 401, statusText: 'Unauthorized' };
const body401 = { statusCode: 401, error: 'Unauthorized', message: 'x' };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let store: AuthStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { th: {}, en: {} },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'] },
        }),
      ],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    store = TestBed.inject(AuthStore);
    const router = TestBed.inject(Router);
    navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/kpis?year=2569');
  });

  afterEach(() => http.verify());

  async function signIn(token: string): Promise<void> {
    const done = store.login('officer.50@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush(session(token));
    await done;
  }

  /** Lets the promise-based refresh hand over to the retried request. */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('adds the bearer token and the active language to API calls', async () => {
    await signIn('token-1');
    TestBed.inject(TranslocoService).setActiveLang('en');
    const result = firstValueFrom(client.get('/api/kpis'));

    const req = http.expectOne('/api/kpis');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(req.request.headers.get('Accept-Language')).toBe('en');
    req.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('sends the language but no token while signed out', async () => {
    void firstValueFrom(client.post('/api/auth/login', {})).catch(() => undefined);
    const req = http.expectOne('/api/auth/login');
    expect(req.request.headers.get('Accept-Language')).toBe('th');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(body401, unauthorized);
  });

  it('leaves translations and other origins alone', async () => {
    await signIn('token-1');
    void firstValueFrom(client.get('i18n/th.json'));
    void firstValueFrom(client.get('https://example.org/api/x'));
    const translations = http.expectOne('i18n/th.json');
    const foreign = http.expectOne('https://example.org/api/x');
    expect(translations.request.headers.has('Authorization')).toBe(false);
    expect(foreign.request.headers.has('Authorization')).toBe(false);
    expect(foreign.request.headers.has('Accept-Language')).toBe(false);
    translations.flush({});
    foreign.flush({});
    expect(isApiUrl('/api/kpis')).toBe(true);
    expect(isApiUrl('/apiary')).toBe(false);
  });

  it('on a 401 refreshes once and retries once with the new token', async () => {
    await signIn('token-1');
    const result = firstValueFrom(client.get('/api/kpis'));

    http.expectOne('/api/kpis').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(session('token-2'));
    await settle();
    const retry = http.expectOne('/api/kpis');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
    expect(store.accessToken()).toBe('token-2');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('a second 401 signs out and goes to sign in, returning here afterwards', async () => {
    await signIn('token-1');
    const result = firstValueFrom(client.get('/api/kpis'));

    http.expectOne('/api/kpis').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(session('token-2'));
    await settle();
    http.expectOne('/api/kpis').flush(body401, unauthorized);

    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(401);
    expect(store.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/kpis?year=2569', ended: 1 } });
    // Exactly one refresh and one retry: nothing more is pending.
    http.expectNone('/api/auth/refresh');
  });

  it('a failed refresh signs out without retrying', async () => {
    await signIn('token-1');
    const result = firstValueFrom(client.get('/api/kpis'));

    http.expectOne('/api/kpis').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(body401, unauthorized);
    const error = await result.catch((e: unknown) => e);

    expect((error as HttpErrorResponse).status).toBe(401);
    http.expectNone('/api/kpis');
    expect(store.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/kpis?year=2569', ended: 1 } });
  });

  it('a 401 from the session calls themselves is passed through, never refreshed', async () => {
    const result = firstValueFrom(client.post('/api/auth/login', { email: 'a@b.c', password: 'x' }));
    http.expectOne('/api/auth/login').flush(body401, unauthorized);

    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    http.expectNone('/api/auth/refresh');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('other errors (403) pass through untouched', async () => {
    await signIn('token-1');
    const result = firstValueFrom(client.get('/api/kpis'));
    http.expectOne('/api/kpis').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });

    await expect(result).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
    expect(store.signedIn()).toBe(true);
  });
});
