import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { NotAllowedPage } from './not-allowed.page';

describe('NotAllowedPage', () => {
  it('says so in Thai and links home', async () => {
    TestBed.configureTestingModule({
      imports: [
        NotAllowedPage,
        TranslocoTestingModule.forRoot({
          langs: {
            th: {
              auth: {
                notAllowed: { title: 'ไม่มีสิทธิ์เข้าถึงหน้านี้', body: 'ติดต่อผู้ดูแลระบบ', home: 'กลับหน้าแรก' },
              },
            },
          },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th'] },
        }),
      ],
      providers: [provideRouter([])],
    });
    const fixture = TestBed.createComponent(NotAllowedPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('ไม่มีสิทธิ์เข้าถึงหน้านี้');
    const home = el.querySelector('[data-testid="home-link"]');
    expect(home?.getAttribute('href')).toBe('/');
    expect(home?.textContent?.trim()).toBe('กลับหน้าแรก');
  });
});
