import { Injectable } from '@nestjs/common';
import type { RoomName } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DirectiveEvent } from '../../common/domain-events/domain-events';
import { Outbox } from '../realtime/outbox.service';
import { userRoom, workspaceRooms } from '../realtime/rooms';

/**
 * A directive's steps as live events, in the writer's transaction: to the province's workspace room
 * (its governor, officers and approvers: the people who may read directives) and to the rooms of the
 * issuer and the named owner, so their open screens hear of it wherever they are. Never to the
 * scope or public rooms: directives are the province's internal follow-up.
 */
@Injectable()
export class FollowUpLiveReactor {
  constructor(private readonly outbox: Outbox) {}

  @OnDomainEvent('directive.changed', 'in-transaction')
  async changed(e: DirectiveEvent, m: EntityManager): Promise<void> {
    const { dueDate: _due, ownerAgency: _agency, ...data } = e.directive;
    const rooms = new Set<RoomName>([
      ...workspaceRooms(e.unit),
      userRoom(e.directive.issuedBy),
      ...(e.directive.ownerUserId ? [userRoom(e.directive.ownerUserId)] : []),
    ]);
    await this.outbox.publish(
      m,
      [...rooms].map((room) => ({ room, event: 'directive.changed', data: { ...data, orgUnitCode: e.unit.code } })),
    );
  }
}
