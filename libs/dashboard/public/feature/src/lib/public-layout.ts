import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The open dashboard's frame: its two doors (overview, open data) and what it promises. */
@Component({
  selector: 'pd-public-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <nav class="public-nav" [attr.aria-label]="t('public.nav.label')">
        <a
          routerLink="/public"
          routerLinkActive="active"
          [routerLinkActiveOptions]="{ exact: true }"
          data-testid="nav-overview"
          >{{ t('public.nav.overview') }}</a
        >
        <a routerLink="/public/data" routerLinkActive="active" data-testid="nav-data">{{ t('public.nav.data') }}</a>
        <a routerLink="/public/reports" routerLinkActive="active" data-testid="nav-reports">{{
          t('public.nav.reports')
        }}</a>
        <span class="note">{{ t('public.nav.note') }}</span>
      </nav>
      <router-outlet />
    </ng-container>
  `,
  styles: `
    .public-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
      padding: 8px 16px;
      border-bottom: 1px solid #cfd8dc;
      background: #f5f7f8;
    }
    .public-nav a {
      color: #0d47a1;
      text-decoration: none;
      font-weight: 500;
    }
    .public-nav a.active {
      text-decoration: underline;
    }
    .note {
      color: #546e7a;
      font-size: 0.85rem;
    }
  `,
})
export class PublicLayout {}
