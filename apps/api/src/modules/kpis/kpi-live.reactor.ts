import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents, KpiResultEvent } from '../../common/domain-events/domain-events';
import { Outbox, OutboxMessage } from '../realtime/outbox.service';
import { scopeRooms, workspaceRooms } from '../realtime/rooms';
import { ScorecardsService } from '../scorecards/scorecards.service';

/**
 * Live events of KPI results and targets, written to the outbox in the writer's transaction.
 * The province's workspace hears every step of an entry; the scope rooms (province, cluster,
 * national, public) only a change to approved data, with the KPI's new scorecard line computed in
 * the same transaction, and never a draft's value.
 */
@Injectable()
export class KpiLiveReactor {
  constructor(
    private readonly outbox: Outbox,
    private readonly scorecards: ScorecardsService,
  ) {}

  @OnDomainEvent(['kpiResult.saved', 'kpiResult.submitted', 'kpiResult.returned'], 'in-transaction')
  async draftChanged(e: KpiResultEvent, m: EntityManager): Promise<void> {
    await this.resultChanged(m, e, null);
  }

  @OnDomainEvent('kpiResult.approved', 'in-transaction')
  async approved(e: KpiResultEvent, m: EntityManager): Promise<void> {
    await this.resultChanged(m, e, 'approve');
  }

  @OnDomainEvent('kpiResult.reopened', 'in-transaction')
  async reopened(e: KpiResultEvent, m: EntityManager): Promise<void> {
    await this.resultChanged(m, e, 'reopen');
  }

  /** One event for the file, not one per row: the workspace reloads its list once. */
  @OnDomainEvent('kpiResults.imported', 'in-transaction')
  async imported(e: DomainEvents['kpiResults.imported'], m: EntityManager): Promise<void> {
    await this.outbox.publish(
      m,
      workspaceRooms(e.unit).map((room) => ({
        room,
        event: 'kpi-results.imported',
        data: { orgUnitCode: e.unit.code, fiscalYear: e.fiscalYear, rows: e.rows },
      })),
    );
  }

  @OnDomainEvent('kpiTarget.set', 'in-transaction')
  async targetSet(e: DomainEvents['kpiTarget.set'], m: EntityManager): Promise<void> {
    await this.outbox.publish(
      m,
      scopeRooms(e.unit).map((room) => ({
        room,
        event: 'target.changed',
        data: {
          kind: 'kpi-target',
          fiscalYear: e.fiscalYear,
          kpiId: e.kpiId,
          orgUnitCode: e.unit.code,
          target: e.target,
        },
      })),
    );
  }

  private async resultChanged(m: EntityManager, e: KpiResultEvent, approval: 'approve' | 'reopen' | null) {
    const { kpi, unit, result: r } = e;
    const scorecard = approval ? await this.scorecards.kpiEffect(m, unit.code, kpi.id, r.fiscalYear) : null;
    const base = {
      kpiId: kpi.id,
      kpiCode: kpi.code,
      orgUnitCode: unit.code,
      fiscalYear: r.fiscalYear,
      period: r.period,
      version: r.version,
      scorecard,
    };
    const entry = { status: r.status, value: r.value, numerator: r.numerator, denominator: r.denominator };
    const messages: OutboxMessage[] = workspaceRooms(unit).map((room) => ({
      room,
      event: 'kpi-result.changed',
      data: { ...base, ...entry },
    }));
    if (approval) {
      const shown =
        approval === 'approve'
          ? entry
          : { status: 'withdrawn' as const, value: null, numerator: null, denominator: null };
      for (const room of scopeRooms(unit)) {
        messages.push({ room, event: 'kpi-result.changed', data: { ...base, ...shown } });
      }
    }
    await this.outbox.publish(m, messages);
  }
}
