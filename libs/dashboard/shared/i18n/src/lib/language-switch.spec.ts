import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { th: {}, en: {} },
          translocoConfig: { defaultLang: 'th', availableLangs: ['th', 'en'] },
        }),
      ],
    });
  });

  it('offers each language in its own name, says which is on, and switches (kept for the next visit)', async () => {
    const fixture = TestBed.createComponent(LanguageSwitch);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = () => [...el.querySelectorAll('button')];
    expect(el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('ภาษา / Language');
    expect(
      buttons().map((b) => [b.textContent?.trim(), b.getAttribute('lang'), b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['ไทย', 'th', 'true'],
      ['English', 'en', 'false'],
    ]);

    (el.querySelector('[data-lang="en"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(localStorage.getItem('provdash.lang')).toBe('en');
  });
});
