import { HttpClient } from '@angular/common/http';
import { computed, effect, inject, Injectable, Injector, signal } from '@angular/core';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { RealtimeService } from '@provdash/dashboard/shared/realtime';
import type { NotificationDto, NotificationListDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

export const NOTIFICATIONS_API = '/api/me/notifications';

/**
 * The signed-in person's bell: the latest notifications and the unread count, loaded over REST and
 * kept live through their own `user:<id>` room (`notification.created`, `notification.read` from
 * any of their devices). A missed stretch (reconnect beyond the catch-up) reloads.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly realtime = inject(RealtimeService);
  private readonly injector = inject(Injector);

  private readonly itemsSignal = signal<NotificationDto[]>([]);
  private readonly unreadSignal = signal(0);
  private readonly loadedSignal = signal(false);
  private started = false;

  readonly items = this.itemsSignal.asReadonly();
  readonly unread = this.unreadSignal.asReadonly();
  readonly loaded = this.loadedSignal.asReadonly();
  readonly hasUnread = computed(() => this.unreadSignal() > 0);

  /** Starts following the signed-in person (once; the bell calls it). */
  start(): void {
    if (this.started) return;
    this.started = true;
    const userId = computed(() => this.auth.user()?.id ?? null);
    effect(
      () => {
        if (userId()) void this.reload();
        else {
          this.itemsSignal.set([]);
          this.unreadSignal.set(0);
          this.loadedSignal.set(false);
        }
      },
      { injector: this.injector },
    );
    this.realtime.watch(
      () => {
        const id = userId();
        return id ? `user:${id}` : null;
      },
      {
        'notification.created': (e) => {
          const n = e.data.notification;
          this.itemsSignal.update((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, 30));
          this.unreadSignal.set(e.data.unread);
        },
        'notification.read': (e) => {
          const at = e.at;
          const ids = e.data.ids;
          this.itemsSignal.update((list) =>
            list.map((x) => (x.readAt === null && (ids === 'all' || ids.includes(x.id)) ? { ...x, readAt: at } : x)),
          );
          this.unreadSignal.set(e.data.unread);
        },
        refetch: () => void this.reload(),
      },
      { injector: this.injector },
    );
  }

  async reload(): Promise<void> {
    try {
      const list = await firstValueFrom(this.http.get<NotificationListDto>(NOTIFICATIONS_API));
      this.itemsSignal.set(list.items);
      this.unreadSignal.set(list.unread);
      this.loadedSignal.set(true);
    } catch {
      // The bell keeps what it had; the next event or open retries.
    }
  }

  async markRead(ids: string[] | 'all'): Promise<void> {
    const now = new Date().toISOString();
    // At once on this device; the answer (and the live event) bring the true count.
    this.itemsSignal.update((list) =>
      list.map((x) => (x.readAt === null && (ids === 'all' || ids.includes(x.id)) ? { ...x, readAt: now } : x)),
    );
    const body = ids === 'all' ? { all: true } : { ids };
    const res = await firstValueFrom(this.http.post<{ unread: number }>(`${NOTIFICATIONS_API}/read`, body));
    this.unreadSignal.set(res.unread);
  }
}
