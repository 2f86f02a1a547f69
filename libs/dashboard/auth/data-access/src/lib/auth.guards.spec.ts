import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuthUserDto, RoleName, SessionDto } from '@provdash/shared/contracts';
import { roleGuard, safeReturnUrl, signedInGuard } from './auth.guards';
import { AuthStore } from './auth.store';

@Component({ selector: 'pd-blank', template: '' })
class Blank {}

const user = (role: RoleName): AuthUserDto => ({
  id: `u-${role}`,
  email: `${role}@demo.go.th`,
  displayName: role,
  role,
  scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
});
const session = (role: RoleName): SessionDto => ({ accessToken: 't', expiresIn: 900, user: user(role) });

describe('route guards', () => {
  let harness: RouterTestingHarness;
  let router: Router;
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'me', canActivate: [signedInGuard], component: Blank },
          { path: 'users', canActivate: [roleGuard('admin', 'central_analyst')], component: Blank },
          { path: 'sign-in', component: Blank },
          { path: 'not-allowed', component: Blank },
          { path: '', component: Blank },
        ]),
      ],
    });
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  async function signInAs(role: RoleName): Promise<void> {
    const done = store.login('x@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush(session(role));
    await done;
  }

  describe('signedInGuard', () => {
    it('sends a signed-out visitor to sign in with the way back', async () => {
      await harness.navigateByUrl('/me?tab=1');
      expect(router.url).toBe('/sign-in?returnUrl=%2Fme%3Ftab%3D1');
    });

    it('lets a signed-in user through', async () => {
      await signInAs('governor');
      await harness.navigateByUrl('/me');
      expect(router.url).toBe('/me');
    });

    it('waits for the start-up restore before deciding', async () => {
      document.cookie = 'pd_session=1; Path=/';
      void store.restore();
      const navigation = harness.navigateByUrl('/me');
      http.expectOne('/api/auth/refresh').flush(session('province_officer'));
      await navigation;
      expect(router.url).toBe('/me');
    });
  });

  describe('roleGuard', () => {
    it('lets in a user holding one of the roles', async () => {
      await signInAs('central_analyst');
      await harness.navigateByUrl('/users');
      expect(router.url).toBe('/users');
    });

    it('sends a user without the role to the not-allowed page', async () => {
      await signInAs('province_officer');
      await harness.navigateByUrl('/users');
      expect(router.url).toBe('/not-allowed');
    });

    it('sends a signed-out visitor to sign in first', async () => {
      await harness.navigateByUrl('/users');
      expect(router.url).toBe('/sign-in?returnUrl=%2Fusers');
    });
  });

  it('safeReturnUrl keeps only paths inside the app', () => {
    expect(safeReturnUrl('/me?tab=1')).toBe('/me?tab=1');
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('/sign-in?returnUrl=%2F')).toBe('/');
  });
});
