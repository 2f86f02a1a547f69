import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  signal,
  Type,
  viewChild,
  ViewContainerRef,
} from '@angular/core';
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
        <ng-container #live />
        <ng-container #bell />
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
      /* The controls and the live chip keep their size (the chip was clipped under the language
         switch); the title gives way (the switch's buttons narrow themselves). */
      pd-language-switch,
      pd-user-menu,
      .app-bar ::ng-deep pd-notification-bell,
      .app-bar ::ng-deep pd-live-indicator {
        flex-shrink: 0;
      }
    }
  `,
})
export class App {
  private readonly live = viewChild('live', { read: ViewContainerRef });
  private readonly indicator = signal<Type<unknown> | null>(null);
  private readonly bellHost = viewChild('bell', { read: ViewContainerRef });
  private readonly bell = signal<Type<unknown> | null>(null);

  constructor() {
    // Loaded after the first paint, in its own chunk: the socket client stays out of the first
    // download (a @defer block would bring its own runtime into it).
    afterNextRender(() => {
      void import('@provdash/dashboard/shared/realtime').then((m) => this.indicator.set(m.LiveIndicator));
      // The bell likewise (it shows only for a signed-in person, and follows their own live room).
      void import('@provdash/dashboard/notifications/feature').then((m) => this.bell.set(m.NotificationBell));
    });
    // The toolbar appears once the translations are in, so the place may come after the component.
    effect(() => {
      const host = this.live();
      const indicator = this.indicator();
      if (host && indicator && host.length === 0) host.createComponent(indicator);
    });
    effect(() => {
      const host = this.bellHost();
      const bell = this.bell();
      if (host && bell && host.length === 0) host.createComponent(bell);
    });
  }
}
