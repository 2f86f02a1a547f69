import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import type { DomainEventName, DomainEvents } from '../../common/domain-events/domain-events';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CONCERNED_EVENTS, CONCERNS, ConcernLookups } from './concerned';
import { NotificationsService } from './notifications.service';

/**
 * Turns committed domain events into notifications: after the commit (never inside the writer's
 * transaction, so a notification can neither fail nor slow a write), through the one table of
 * rules (concerned.ts).
 */
@Injectable()
export class NotificationsReactor implements OnModuleInit, ConcernLookups {
  private readonly log = new Logger('NotificationsReactor');

  constructor(
    private readonly bus: DomainEventBus,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly disbursement: DisbursementReadModelsService,
  ) {}

  onModuleInit(): void {
    this.bus.onAfterCommit(
      CONCERNED_EVENTS,
      (name, payload) => this.react(name, payload).then(() => undefined),
      (error, name) => this.log.error(`Notifications for ${name} failed: ${error instanceof Error ? error.stack : String(error)}`),
    );
  }

  async react<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<number> {
    const rule = CONCERNS[name];
    if (!rule) return 0;
    return this.notifications.notify(await rule(payload, this));
  }

  async kpi(kpiId: string) {
    const [row] = await this.dataSource.query(
      `SELECT code, name_th AS "nameTh", name_en AS "nameEn", owner_user_id AS "ownerUserId" FROM kpi WHERE id = $1`,
      [kpiId],
    );
    return row ?? null;
  }

  async result(kpiId: string, period: string) {
    const [row] = await this.dataSource.query(
      `SELECT submitted_by AS "submittedBy", return_reason AS "returnReason" FROM kpi_result WHERE kpi_id = $1 AND period = $2`,
      [kpiId, period],
    );
    return row ?? null;
  }

  async kpiStatus(unitCode: string, kpiId: string, fiscalYear: number) {
    const card = await this.scorecards.scorecard(unitCode, fiscalYear);
    return card.kpis.find((k) => k.kpiId === kpiId)?.status ?? null;
  }

  async lapseRisk(unitCode: string, fiscalYear: number) {
    return (await this.disbursement.summary(unitCode, { fiscalYear })).total.lapseRisk;
  }
}
