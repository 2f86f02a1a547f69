import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents } from '../../common/domain-events/domain-events';
import { Outbox } from '../realtime/outbox.service';
import { scopeRooms } from '../realtime/rooms';

/**
 * A changed definition is a `target.changed` of kind `definition` to the unit's scope rooms, in the
 * writer's transaction: screens of the unit reload, and the room counters move, which is what the
 * read caches are checked against (RoomCache).
 */
@Injectable()
export class DefinitionLiveReactor {
  constructor(private readonly outbox: Outbox) {}

  @OnDomainEvent('definition.changed', 'in-transaction')
  async changed({ unit, entity }: DomainEvents['definition.changed'], m: EntityManager): Promise<void> {
    await this.outbox.publish(
      m,
      scopeRooms(unit).map((room) => ({
        room,
        event: 'target.changed' as const,
        data: { kind: 'definition' as const, orgUnitCode: unit.code, entity },
      })),
    );
  }
}
