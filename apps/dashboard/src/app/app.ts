import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { UserMenu } from '@provdash/dashboard/auth/feature';
import { LanguageSwitch } from '@provdash/dashboard/shared/i18n';

@Component({
  selector: 'pd-root',
  imports: [RouterOutlet, RouterLink, MatToolbarModule, TranslocoDirective, LanguageSwitch, UserMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <mat-toolbar class="app-bar">
        <a routerLink="/" class="brand">
          <span class="full">{{ t('app.title') }}</span>
          <span class="short">{{ t('app.short') }}</span>
        </a>
        <span class="spacer"></span>
        <pd-language-switch />
        <pd-user-menu />
      </mat-toolbar>
      <main><router-outlet /></main>
    </ng-container>
  `,
  styles: `
    .app-bar {
      position: sticky;
      top: 0;
      z-index: 2;
      gap: 8px;
    }
    .brand {
      min-width: 0;
      color: inherit;
      text-decoration: none;
      font-size: 1.1rem;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .spacer {
      flex: 1;
    }
    .short {
      display: none;
    }
    /* Governors read this on phones: the long title gives way to the short one. */
    @media (max-width: 600px) {
      /* Room for the title, the language switch and the account corner on a 360 px phone. */
      .app-bar {
        padding: 0 8px;
        gap: 4px;
      }
      .full {
        display: none;
      }
      .short {
        display: inline;
      }
    }
  `,
})
export class App {}
