import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatMenu, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import type { NotificationDto } from '@provdash/shared/contracts';
import { NotificationsStore } from './notifications.store';

/**
 * The toolbar's bell: the unread count, and on a tap the latest notifications (newest first); a
 * tap on one marks it read on every device and opens its page. Signed-in people only.
 */
@Component({
  selector: 'pd-notification-bell',
  imports: [MatIconButton, MatButton, MatMenu, MatMenuTrigger, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (auth.user()) {
        <button
          mat-icon-button
          class="bell"
          data-testid="notification-bell"
          [matMenuTriggerFor]="menu"
          (menuOpened)="opened()"
          [attr.aria-label]="
            store.unread() > 0 ? t('notifications.bell.labelUnread', { n: store.unread() }) : t('notifications.bell.label')
          "
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11c0-3.07-1.64-5.64-4.5-6.32V4a2.5 2.5 0 0 0-5 0v.68C6.63 5.36 5 7.92 5 11v5l-2 2v1h18v-1l-2-2Z"
            />
          </svg>
          @if (store.unread() > 0) {
            <span class="count" data-testid="notification-count">{{ store.unread() > 99 ? '99+' : store.unread() }}</span>
          }
        </button>
        <mat-menu #menu="matMenu" xPosition="before" class="pd-notification-menu">
          <div class="head">
            <strong>{{ t('notifications.bell.title') }}</strong>
            @if (store.unread() > 0) {
              <button mat-button type="button" data-testid="notifications-read-all" (click)="$event.stopPropagation(); store.markRead('all')">
                {{ t('notifications.bell.readAll') }}
              </button>
            }
          </div>
          <ul class="list" data-testid="notification-list">
            @for (n of store.items(); track n.id) {
              <li>
                <button
                  type="button"
                  class="item"
                  [class.unread]="!n.readAt"
                  [class.urgent]="n.urgent"
                  data-testid="notification-item"
                  (click)="open(n)"
                >
                  <span class="title">{{ lang() === 'en' ? n.titleEn : n.titleTh }}</span>
                  @if (lang() === 'en' ? n.bodyEn : n.bodyTh; as body) {
                    <span class="body">{{ body }}</span>
                  }
                  <span class="when">{{ when(n.createdAt) }}</span>
                </button>
              </li>
            } @empty {
              <li class="empty">{{ t('notifications.bell.empty') }}</li>
            }
          </ul>
          <a class="settings" routerLink="/me/notifications" data-testid="notification-settings-link">{{
            t('notifications.bell.settings')
          }}</a>
        </mat-menu>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
      color: inherit;
    }
    .bell svg {
      width: 24px;
      height: 24px;
      fill: currentColor;
    }
    .count {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 11px;
      line-height: 18px;
      font-weight: 600;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 12px 4px 16px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: min(60vh, 420px);
      overflow-y: auto;
    }
    .item {
      display: grid;
      gap: 2px;
      width: 100%;
      padding: 8px 16px;
      border: 0;
      border-left: 3px solid transparent;
      background: none;
      text-align: left;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .item:hover,
    .item:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
    .item.unread {
      border-left-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .item.unread .title {
      font-weight: 600;
    }
    .item.urgent .title::before {
      content: '! ';
      color: var(--mat-sys-error);
    }
    .body,
    .when {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .empty {
      padding: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .settings {
      display: block;
      padding: 10px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-primary);
    }
  `,
})
export class NotificationBell implements OnInit {
  protected readonly store = inject(NotificationsStore);
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  ngOnInit(): void {
    this.store.start();
  }

  protected opened(): void {
    if (!this.store.loaded()) void this.store.reload();
  }

  protected async open(n: NotificationDto): Promise<void> {
    if (!n.readAt) void this.store.markRead([n.id]);
    await this.router.navigateByUrl(n.link);
  }

  protected when(iso: string): string {
    const th = this.lang() !== 'en';
    return new Intl.DateTimeFormat(th ? 'th-TH-u-ca-buddhist' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Bangkok',
    }).format(new Date(iso));
  }
}
