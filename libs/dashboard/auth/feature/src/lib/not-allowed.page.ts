import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Where `roleGuard` sends a signed-in user whose role does not open the page they asked for. */
@Component({
  selector: 'pd-not-allowed-page',
  imports: [MatButtonModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('auth.notAllowed.title') }}</h1>
      <p>{{ t('auth.notAllowed.body') }}</p>
      <a mat-flat-button routerLink="/" data-testid="home-link">{{ t('auth.notAllowed.home') }}</a>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 560px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    h1 {
      margin: 0 0 8px;
      font-size: 1.5rem;
    }
    p {
      margin: 0 0 24px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotAllowedPage {}
