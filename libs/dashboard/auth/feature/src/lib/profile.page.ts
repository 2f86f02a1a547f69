import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, profileResource, safeReturnUrl } from '@provdash/dashboard/auth/data-access';
import { AccountSecurity } from './account-security';

/** The signed-in user's own account, as the API has it now (so a changed role shows without signing in again). */
@Component({
  selector: 'pd-profile-page',
  imports: [MatCardModule, MatProgressBarModule, TranslocoDirective, AccountSecurity, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('auth.profile.title') }}</h1>
      @if (store.user()?.mustChangePassword) {
        <p class="must" role="alert" data-testid="must-change-password">{{ t('people.me.mustChange') }}</p>
      }
      @if (profile.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('common.loading')" />
      } @else if (profile.error()) {
        <p class="error" role="alert">{{ t('common.loadError') }}</p>
      } @else if (profile.value(); as user) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl data-testid="profile">
              <dt>{{ t('auth.profile.name') }}</dt>
              <dd data-testid="profile-name">{{ user.displayName }}</dd>
              <dt>{{ t('auth.profile.email') }}</dt>
              <dd data-testid="profile-email">{{ user.email }}</dd>
              <dt>{{ t('auth.profile.role') }}</dt>
              <dd data-testid="profile-role">{{ t('roles.' + user.role) }}</dd>
              <dt>{{ t('auth.profile.scope') }}</dt>
              <dd data-testid="profile-scope">{{ lang() === 'en' ? user.scope.nameEn : user.scope.nameTh }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>
      }
      <!-- Notifications and "enable push" have their own page (libs/dashboard/notifications/feature). -->
      <a class="notifications-link" routerLink="/me/notifications" data-testid="notification-settings">{{
        t('notifications.profileLink')
      }}</a>
      <pd-account-security (passwordChanged)="passwordChanged()" />
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 560px;
      margin: 0 auto;
      padding: 16px;
    }
    h1 {
      margin: 0 0 12px;
      font-size: 1.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      align-items: baseline;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @media (max-width: 400px) {
      dl {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      dd {
        margin-bottom: 8px;
      }
    }
    .error {
      color: var(--mat-sys-error);
    }
    .notifications-link {
      display: block;
      margin: 12px 0;
      color: var(--mat-sys-primary);
    }
    .must {
      margin: 0 0 12px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ProfilePage {
  protected readonly profile = profileResource();
  protected readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  /** Where the user was headed when sign-in sent them here to set their own password first. */
  readonly returnUrl = input<string>();

  /** A temporary password replaced: on to where the user was going, if sign-in sent them here. */
  protected async passwordChanged(): Promise<void> {
    const next = this.returnUrl();
    if (next) await this.router.navigateByUrl(safeReturnUrl(next));
  }
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
}
