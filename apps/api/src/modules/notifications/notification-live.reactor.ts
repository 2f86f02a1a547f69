import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents } from '../../common/domain-events/domain-events';
import { Outbox } from '../realtime/outbox.service';
import { userRoom } from '../realtime/rooms';

/**
 * The bell's live events, to each person's own room, in the transaction that made or read the
 * notifications: through the outbox, so a device that was offline catches up when it rejoins.
 */
@Injectable()
export class NotificationLiveReactor {
  constructor(private readonly outbox: Outbox) {}

  @OnDomainEvent('notifications.created', 'in-transaction')
  async created(e: DomainEvents['notifications.created'], m: EntityManager): Promise<void> {
    await this.outbox.publish(
      m,
      e.items.map((i) => ({
        room: userRoom(i.userId),
        event: 'notification.created' as const,
        data: { notification: i.notification, unread: i.unread },
      })),
    );
  }

  @OnDomainEvent('notifications.read', 'in-transaction')
  async read(e: DomainEvents['notifications.read'], m: EntityManager): Promise<void> {
    await this.outbox.publish(m, [
      { room: userRoom(e.userId), event: 'notification.read', data: { ids: e.ids, unread: e.unread } },
    ]);
  }
}
