import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter, Router } from '@angular/router';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { signedInGuard } from '@provdash/dashboard/auth/data-access';
import { App } from './app';
import { appRoutes } from './app.routes';

const th = {
  app: { title: 'แดชบอร์ดยุทธศาสตร์และตัวชี้วัดจังหวัด', short: 'ยุทธศาสตร์จังหวัด' },
  auth: { menu: { signIn: 'เข้าสู่ระบบ' } },
};

describe('App shell', () => {
  function configure() {
    TestBed.configureTestingModule({
      imports: [
        App,
        TranslocoTestingModule.forRoot({
          langs: { th },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'] },
        }),
      ],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  }

  it('shows the product title in Thai, offers both languages and a way to sign in', async () => {
    configure();
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.brand .full')?.textContent).toBe('แดชบอร์ดยุทธศาสตร์และตัวชี้วัดจังหวัด');
    expect([...el.querySelectorAll('[data-lang]')].map((b) => b.getAttribute('data-lang'))).toEqual(['th', 'en']);
    // The account corner sits after the language switch in the toolbar.
    const toolbar = el.querySelector('mat-toolbar');
    expect([...(toolbar?.children ?? [])].map((c) => c.tagName.toLowerCase()).slice(-2)).toEqual([
      'pd-language-switch',
      'pd-user-menu',
    ]);
    expect(el.querySelector('[data-testid="sign-in-link"]')?.textContent?.trim()).toBe('เข้าสู่ระบบ');
  });

  it('loads the live indicator and the bell after the first paint, into the toolbar before the language switch', async () => {
    configure();
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await fixture.whenStable();
    const toolbar = (fixture.nativeElement as HTMLElement).querySelector('mat-toolbar');
    const tags = () => [...(toolbar?.children ?? [])].map((c) => c.tagName.toLowerCase());
    // The dynamic imports resolve on later turns (the bell's library is the larger one).
    for (let i = 0; i < 600 && !tags().includes('pd-notification-bell'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fixture.detectChanges();
    }
    expect(tags().slice(-4)).toEqual(['pd-live-indicator', 'pd-notification-bell', 'pd-language-switch', 'pd-user-menu']);
  }, 60_000);
});

describe('app routes', () => {
  const route = (path: string) => appRoutes.find((r) => r.path === path);

  it('keeps the front page public and guards /me', () => {
    expect(route('')?.canActivate).toBeUndefined();
    expect(route('sign-in')?.canActivate).toBeUndefined();
    expect(route('not-allowed')?.canActivate).toBeUndefined();
    expect(route('me')?.canActivate).toEqual([signedInGuard]);
  });

  it('opens the national overview at / only, and keeps the public cluster directory at /clusters', async () => {
    expect(route('')?.pathMatch).toBe('full');
    expect(route('clusters')?.canActivate).toBeUndefined();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { th: {} },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/clusters');
    expect(TestBed.inject(Router).url).toBe('/clusters');
    expect(harness.routeNativeElement?.tagName.toLowerCase()).toBe('pd-cluster-directory-page');
  });

  it('a signed-out visit to /me lands on the sign-in page with the way back', async () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { th: {} },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/me');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fme');
    expect(harness.routeNativeElement?.querySelector('form')).not.toBeNull();
  });
});
