import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoService } from '@jsverse/transloco';
import { Lang, LANGS, useLang } from './i18n';

@Component({
  selector: 'pd-language-switch',
  imports: [MatButtonToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="active()"
      (change)="choose($event.value)"
      aria-label="ภาษา / Language"
    >
      @for (lang of langs; track lang) {
        <mat-button-toggle [value]="lang" [attr.data-lang]="lang">{{ labels[lang] }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
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
