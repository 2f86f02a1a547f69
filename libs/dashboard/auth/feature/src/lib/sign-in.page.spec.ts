import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore, authInterceptor } from '@provdash/dashboard/auth/data-access';
import type { SessionDto } from '@provdash/shared/contracts';
import { SignInPage } from './sign-in.page';

const th = {
  auth: {
    signIn: {
      title: 'เข้าสู่ระบบ',
      intro: 'สำหรับเจ้าหน้าที่',
      email: 'อีเมล',
      password: 'รหัสผ่าน',
      submit: 'เข้าสู่ระบบ',
      submitting: 'กำลังเข้าสู่ระบบ…',
      emailRequired: 'กรุณากรอกอีเมล',
      emailInvalid: 'รูปแบบอีเมลไม่ถูกต้อง',
      passwordRequired: 'กรุณากรอกรหัสผ่าน',
      failed: 'เข้าสู่ระบบไม่สำเร็จ',
    },
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

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [
        SignInPage,
        TranslocoTestingModule.forRoot({
          langs: { th },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    el = fixture.nativeElement;
    await render();
  });

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Lets the awaited login promise and its follow-ups run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  function type(name: 'email' | 'password', value: string): void {
    const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  const submitButton = () => el.querySelector<HTMLButtonElement>('[data-testid="sign-in-submit"]');
  const errors = () => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());

  async function submit(): Promise<void> {
    submitButton()?.click();
    await render();
  }

  it('says inline what is missing and sends nothing', async () => {
    await submit();
    expect(errors()).toEqual(['กรุณากรอกอีเมล', 'กรุณากรอกรหัสผ่าน']);
    http.expectNone('/api/auth/login');
  });

  it('rejects an address that is not an email', async () => {
    type('email', 'officer.50');
    type('password', 'demo-password');
    await submit();
    expect(errors()).toEqual(['รูปแบบอีเมลไม่ถูกต้อง']);
    http.expectNone('/api/auth/login');
  });

  it('disables submit while signing in, then shows the API message in an alert', async () => {
    type('email', 'officer.50@demo.go.th');
    type('password', 'wrong');
    await submit();

    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ email: 'officer.50@demo.go.th', password: 'wrong' });
    expect(submitButton()?.disabled).toBe(true);
    expect(submitButton()?.textContent?.trim()).toBe('กำลังเข้าสู่ระบบ…');
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();

    req.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    await render();

    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    expect(submitButton()?.disabled).toBe(false);
    expect(submitButton()?.textContent?.trim()).toBe('เข้าสู่ระบบ');
    expect(TestBed.inject(AuthStore).signedIn()).toBe(false);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('lists the API field details of a validation error', async () => {
    type('email', 'officer.50@demo.go.th');
    type('password', 'x');
    await submit();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'ข้อมูลไม่ถูกต้อง',
        details: [{ field: 'password', messages: ['รหัสผ่านสั้นเกินไป'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await render();

    const alert = el.querySelector('[role="alert"]');
    expect(alert?.querySelector('p')?.textContent?.trim()).toBe('ข้อมูลไม่ถูกต้อง');
    expect(alert?.querySelector('li')?.textContent?.trim()).toBe('รหัสผ่านสั้นเกินไป');
  });

  it('falls back to its own message when the API cannot be reached', async () => {
    type('email', 'officer.50@demo.go.th');
    type('password', 'demo-password');
    await submit();
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'));
    await settle();
    await render();

    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('เข้าสู่ระบบไม่สำเร็จ');
  });

  it('signs in and goes back to where the user was headed', async () => {
    fixture.componentRef.setInput('returnUrl', '/me');
    type('email', ' officer.50@demo.go.th ');
    type('password', 'demo-password');
    await submit();
    http.expectOne('/api/auth/login').flush(session);
    await settle();

    expect(TestBed.inject(AuthStore).user()?.displayName).toBe('เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่');
    expect(navigateByUrl).toHaveBeenCalledWith('/me');
  });

  it('goes home when the return address leads outside the app', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/steal');
    type('email', 'officer.50@demo.go.th');
    type('password', 'demo-password');
    await submit();
    http.expectOne('/api/auth/login').flush(session);
    await settle();

    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });
});
