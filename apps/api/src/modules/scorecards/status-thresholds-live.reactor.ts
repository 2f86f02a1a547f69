import { Injectable } from '@nestjs/common';
import type { RoomName } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents } from '../../common/domain-events/domain-events';
import { Outbox } from '../realtime/outbox.service';

/**
 * New thresholds change every light of the year: a `target.changed` to every province and cluster
 * room and the national and public ones. Besides telling open screens to reload, it moves each
 * room's counter, so the scorecards kept against those counters (RoomCache) are computed afresh.
 * About a hundred outbox rows, once or twice a year.
 */
@Injectable()
export class StatusThresholdsLiveReactor {
  constructor(private readonly outbox: Outbox) {}

  @OnDomainEvent('kpiStatusThresholds.set', 'in-transaction')
  async thresholdsSet(e: DomainEvents['kpiStatusThresholds.set'], m: EntityManager): Promise<void> {
    const units: { room: RoomName }[] = await m.query(
      `SELECT type || ':' || code AS room FROM org_unit WHERE type IN ('province', 'cluster') ORDER BY type, code`,
    );
    const rooms: RoomName[] = [...units.map((u) => u.room), 'national', 'public'];
    await this.outbox.publish(
      m,
      rooms.map((room) => ({
        room,
        event: 'target.changed' as const,
        data: { kind: 'status-thresholds' as const, fiscalYear: e.fiscalYear, green: e.green, amber: e.amber },
      })),
    );
  }
}
