import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import type { SessionDto } from '@provdash/shared/contracts';
import { UserMenu } from './user-menu';

const langs = {
  th: {
    auth: {
      menu: { signIn: 'เข้าสู่ระบบ', signOut: 'ออกจากระบบ', profile: 'ข้อมูลผู้ใช้', label: 'บัญชีผู้ใช้: {{name}}' },
    },
    roles: { province_officer: 'เจ้าหน้าที่ยุทธศาสตร์จังหวัด' },
  },
  en: {
    auth: { menu: { signIn: 'Sign in', signOut: 'Sign out', profile: 'My profile', label: 'Account: {{name}}' } },
    roles: { province_officer: 'Provincial strategy officer' },
  },
};

const session: SessionDto = {
  accessToken: 'token-1',
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'officer.50@demo.go.th',
    displayName: 'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่',
    role: 'province_officer',
    scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
  },
};

describe('UserMenu', () => {
  let fixture: ComponentFixture<UserMenu> | undefined;
  let el: HTMLElement;
  let http: HttpTestingController;
  let store: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        UserMenu,
        TranslocoTestingModule.forRoot({ langs, translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'] } }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    fixture = undefined;
  });

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    const f = (fixture ??= TestBed.createComponent(UserMenu));
    el = f.nativeElement;
    f.detectChanges();
    await f.whenStable();
    f.detectChanges();
  }

  async function signIn(): Promise<void> {
    const done = store.login('officer.50@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush(session);
    await done;
  }

  async function openMenu(): Promise<HTMLElement> {
    el.querySelector<HTMLButtonElement>('[data-testid="user-menu"]')?.click();
    await render();
    const card = document.querySelector<HTMLElement>('.mat-mdc-menu-panel [data-testid="user-card"]');
    if (!card) throw new Error('menu did not open');
    return card.closest('.mat-mdc-menu-panel') as HTMLElement;
  }

  it('offers a sign-in link while signed out', async () => {
    await render();
    const link = el.querySelector<HTMLAnchorElement>('[data-testid="sign-in-link"]');
    expect(link?.textContent?.trim()).toBe('เข้าสู่ระบบ');
    expect(link?.getAttribute('href')).toBe('/sign-in');
    expect(el.querySelector('[data-testid="user-menu"]')).toBeNull();
  });

  it('shows neither state while the session is being restored', async () => {
    document.cookie = 'pd_session=1; Path=/';
    void store.restore();
    await render();
    expect(el.querySelector('[data-testid="sign-in-link"]')).toBeNull();
    expect(el.querySelector('[data-testid="user-menu"]')).toBeNull();

    http.expectOne('/api/auth/refresh').flush(session);
    await store.whenReady();
    await render();
    expect(el.querySelector('[data-testid="user-menu"]')?.textContent).toContain('เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');
  });

  it('shows who is signed in: name, role and area in Thai', async () => {
    await signIn();
    await render();
    const trigger = el.querySelector('[data-testid="user-menu"]');
    expect(trigger?.querySelector('.name')?.textContent).toBe('เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');
    expect(trigger?.querySelector('.scope')?.textContent).toBe('เชียงใหม่');
    expect(trigger?.getAttribute('aria-label')).toBe('บัญชีผู้ใช้: เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');

    const panel = await openMenu();
    expect(panel.querySelector('[data-testid="user-role"]')?.textContent).toBe('เจ้าหน้าที่ยุทธศาสตร์จังหวัด');
    expect(panel.querySelector('[data-testid="user-scope"]')?.textContent).toBe('เชียงใหม่');
    expect(panel.querySelector('[data-testid="profile-link"]')?.getAttribute('href')).toBe('/me');
    // A province officer has the strategy office's desk, and may import the province's GFMIS report.
    expect(panel.querySelector('[data-testid="workspace-link"]')?.getAttribute('href')).toBe('/workspace');
    expect(panel.querySelector('[data-testid="gfmis-import-link"]')?.getAttribute('href')).toBe(
      '/workspace/gfmis-import',
    );
    expect(el.querySelector('[data-testid="sign-in-link"]')).toBeNull();
  });

  it('offers the GFMIS import only to the roles that may write a province', async () => {
    const done = store.login('governor.50@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush({ ...session, user: { ...session.user, role: 'governor' } });
    await done;
    await render();
    const panel = await openMenu();
    expect(panel.querySelector('[data-testid="profile-link"]')).not.toBeNull();
    expect(panel.querySelector('[data-testid="gfmis-import-link"]')).toBeNull();
    // The governor reads the province's desk, drafts included.
    expect(panel.querySelector('[data-testid="workspace-link"]')).not.toBeNull();
  });

  it('names the role and area in English when English is chosen', async () => {
    await signIn();
    TestBed.inject(TranslocoService).setActiveLang('en');
    await render();
    expect(el.querySelector('[data-testid="user-menu"] .scope')?.textContent).toBe('Chiang Mai');
    const panel = await openMenu();
    expect(panel.querySelector('[data-testid="user-role"]')?.textContent).toBe('Provincial strategy officer');
    expect(panel.querySelector('[data-testid="user-scope"]')?.textContent).toBe('Chiang Mai');
    expect(panel.querySelector('[data-testid="sign-out"]')?.textContent?.trim()).toBe('Sign out');
  });

  it('signs out from the menu and goes home', async () => {
    const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    await signIn();
    await render();
    const panel = await openMenu();
    panel.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')?.click();

    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await render();

    expect(store.signedIn()).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledWith('/');
    expect(el.querySelector('[data-testid="sign-in-link"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="user-menu"]')).toBeNull();
  });
});
