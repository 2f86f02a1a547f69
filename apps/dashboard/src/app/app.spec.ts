import { provideRouter } from '@angular/router';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { App } from './app';

describe('App shell', () => {
  it('shows the product title in Thai and offers both languages', async () => {
    TestBed.configureTestingModule({
      imports: [
        App,
        TranslocoTestingModule.forRoot({
          langs: { th: { app: { title: 'แดชบอร์ดยุทธศาสตร์และตัวชี้วัดจังหวัด', short: 'ยุทธศาสตร์จังหวัด' } } },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'] },
        }),
      ],
      providers: [provideRouter([])],
    });
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.brand .full')?.textContent).toBe('แดชบอร์ดยุทธศาสตร์และตัวชี้วัดจังหวัด');
    expect([...el.querySelectorAll('[data-lang]')].map((b) => b.getAttribute('data-lang'))).toEqual(['th', 'en']);
  });
});
