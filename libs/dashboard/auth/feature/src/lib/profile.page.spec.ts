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
          langs: {
            th: {
              roles: { governor: 'ผู้ว่าราชการจังหวัด' },
              auth: { profile: { title: 'ข้อมูลผู้ใช้' } },
              people: { me: { sessionDetail: 'จาก {{address}}' } },
            },
          },
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
    http.expectOne('/api/auth/sessions').flush([
      {
        id: 's1',
        userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36',
        address: '203.0.113.7',
        startedAt: '2026-12-06T01:00:00.000Z',
        lastSeenAt: '2026-12-06T02:00:00.000Z',
        current: true,
      },
    ]);
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="profile-name"]')?.textContent).toBe('ผู้ว่าราชการจังหวัดเชียงใหม่');
    expect(el.querySelector('[data-testid="profile-email"]')?.textContent).toBe('governor.50@demo.go.th');
    expect(el.querySelector('[data-testid="profile-role"]')?.textContent).toBe('ผู้ว่าราชการจังหวัด');
    expect(el.querySelector('[data-testid="profile-scope"]')?.textContent).toBe('เชียงใหม่');
    expect(el.querySelector('[data-testid="my-session"]')?.textContent).toContain('Chrome · Android');
    expect(el.querySelector('[data-testid="my-session"]')?.textContent).toContain('203.0.113.7');
    // This device is not offered for signing out from here (the menu's sign-out does that).
    expect(el.querySelector('[data-testid="end-session"]')).toBeNull();
    http.verify();
  });

  it("shows the server's refusal of a new password under that field", async () => {
    TestBed.configureTestingModule({
      imports: [
        ProfilePage,
        TranslocoTestingModule.forRoot({
          langs: { th: {} },
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
    http.expectOne('/api/auth/me').flush(session.user);
    http.expectOne('/api/auth/sessions').flush([]);
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const type = (testid: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('current-password', 'demo-password');
    type('new-password', 'Password1234');
    (el.querySelector('[data-testid="password-form"]') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const req = http.expectOne('/api/auth/password');
    expect(req.request.body).toEqual({ currentPassword: 'demo-password', newPassword: 'Password1234' });
    req.flush(
      {
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบ',
        code: 'validation.failed',
        details: [{ field: 'newPassword', messages: ['รหัสผ่านนี้พบบ่อยหรือเดาง่ายเกินไป'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="new-password-error"]')?.textContent).toContain('เดาง่ายเกินไป');
    expect(el.querySelector('[data-testid="current-password-error"]')?.textContent?.trim() ?? '').toBe('');
    http.verify();
  });
});
