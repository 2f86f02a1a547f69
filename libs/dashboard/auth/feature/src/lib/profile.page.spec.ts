import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { authInterceptor, AuthStore } from '@provdash/dashboard/auth/data-access';
import type { SessionDto } from '@provdash/shared/contracts';
import { ProfilePage } from './profile.page';

const session: SessionDto = {
  accessToken: 'token-1',
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'governor.50@demo.go.th',
    displayName: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
    role: 'governor',
    scope: { code: '50', type: 'province', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', path: 'TH/north/C15/50' },
  },
};

describe('ProfilePage', () => {
  it('shows the profile the API returns for the signed-in user', async () => {
    TestBed.configureTestingModule({
      imports: [
        ProfilePage,
        TranslocoTestingModule.forRoot({
          langs: { th: { roles: { governor: 'ผู้ว่าราชการจังหวัด' }, auth: { profile: { title: 'ข้อมูลผู้ใช้' } } } },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(AuthStore);
    const done = store.login('governor.50@demo.go.th', 'demo-password');
    http.expectOne('/api/auth/login').flush(session);
    await done;

    const fixture = TestBed.createComponent(ProfilePage);
    fixture.detectChanges();
    const req = http.expectOne('/api/auth/me');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush(session.user);
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="profile-name"]')?.textContent).toBe('ผู้ว่าราชการจังหวัดเชียงใหม่');
    expect(el.querySelector('[data-testid="profile-email"]')?.textContent).toBe('governor.50@demo.go.th');
    expect(el.querySelector('[data-testid="profile-role"]')?.textContent).toBe('ผู้ว่าราชการจังหวัด');
    expect(el.querySelector('[data-testid="profile-scope"]')?.textContent).toBe('เชียงใหม่');
    http.verify();
  });
});
