import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { Lang, LANGS, useLang } from './i18n';

/**
 * Thai or English, as two pressed/unpressed buttons in the app bar. Plain buttons rather than a
 * Material button-toggle group: the switch is in every page's first download, and the toggle group
 * brings Angular's forms package with it (about 50 kB before compression) for a two-way choice.
 */
@Component({
  selector: 'pd-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="switch" role="group" aria-label="ภาษา / Language">
      @for (lang of langs; track lang) {
        <button
          type="button"
          [attr.data-lang]="lang"
          [attr.lang]="lang"
          [attr.aria-pressed]="active() === lang"
          (click)="choose(lang)"
        >
          {{ labels[lang] }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .switch {
      display: inline-flex;
      border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
      border-radius: 6px;
      overflow: hidden;
    }
    button {
      font: inherit;
      font-size: 0.9rem;
      color: inherit;
      background: transparent;
      border: 0;
      min-height: 36px;
      padding: 0 12px;
      cursor: pointer;
    }
    button + button {
      border-left: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    }
    button[aria-pressed='true'] {
      background: color-mix(in srgb, currentColor 16%, transparent);
      font-weight: 600;
    }
    button:hover {
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    button:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: -3px;
    }
    /* A 360 px phone: the title, the switch and the account corner share one bar. */
    @media (max-width: 600px) {
      button {
        padding: 0 8px;
      }
    }
  `,
})
export class LanguageSwitch {
  private readonly transloco = inject(TranslocoService);
  protected readonly langs = LANGS;
  // Each language names itself, so a reader of either can find their own.
  protected readonly labels: Record<Lang, string> = { th: 'ไทย', en: 'English' };
  protected readonly active = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected choose(lang: Lang): void {
    useLang(lang, this.transloco);
  }
}
