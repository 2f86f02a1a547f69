import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents } from '../../common/domain-events/domain-events';
import { Outbox } from '../realtime/outbox.service';

/** A made report is news for the province's workspace only, in the transaction that stored it. */
@Injectable()
export class MonthlyReportLiveReactor {
  constructor(private readonly outbox: Outbox) {}

  @OnDomainEvent('monthlyReport.made', 'in-transaction')
  async made(e: DomainEvents['monthlyReport.made'], m: EntityManager): Promise<void> {
    await this.outbox.publish(m, [
      {
        room: `workspace:${e.unit.code}`,
        event: 'monthly-report.ready',
        data: {
          reportId: e.reportId,
          orgUnitCode: e.unit.code,
          month: e.month,
          fiscalYear: e.fiscalYear,
          generatedAt: e.generatedAt,
        },
      },
    ]);
  }
}
