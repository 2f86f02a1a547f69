import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type { DomainEvents, KpiResultEvent } from '../../common/domain-events/domain-events';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Outbox, OutboxMessage } from '../realtime/outbox.service';
import { scopeRooms } from '../realtime/rooms';
import { AgreementReadModelsService } from './agreement-read-models.service';

/**
 * Live events for agreement scores, written in the transaction that moved them: each affected
 * province's new live score to its scope rooms, and the national ranking to the national and
 * public rooms. Reacts to the agreement's own writes and to KPI approvals that feed linked indicators.
 */
@Injectable()
export class AgreementScoresReactor {
  constructor(
    private readonly readModels: AgreementReadModelsService,
    private readonly outbox: Outbox,
  ) {}

  @OnDomainEvent('agreement.scoresMoved', 'in-transaction')
  async agreementScoresMoved(e: DomainEvents['agreement.scoresMoved'], m: EntityManager): Promise<void> {
    await this.scoresMoved(m, e.fiscalYear, e.orgUnitCodes, e.round);
  }

  /** After a KPI result's approval changed: only when an agreement indicator of that year is linked to the KPI. */
  @OnDomainEvent(['kpiResult.approved', 'kpiResult.reopened'], 'in-transaction')
  async kpiApprovalChanged(e: KpiResultEvent, m: EntityManager): Promise<void> {
    const [linked] = await m.query(
      `SELECT 1 FROM agreement_indicator ai JOIN agreement a ON a.id = ai.agreement_id
       WHERE ai.kpi_id = $1 AND a.fiscal_year = $2 LIMIT 1`,
      [e.kpi.id, e.result.fiscalYear],
    );
    if (linked) await this.scoresMoved(m, e.result.fiscalYear, [e.unit.code]);
  }

  private async scoresMoved(
    m: EntityManager,
    fiscalYear: number,
    orgUnitCodes: string[],
    round: { round: number; score: string } | null = null,
  ): Promise<void> {
    const scores = await this.readModels.liveScores(m, fiscalYear);
    const units = await m.findBy(OrgUnit, { code: In(orgUnitCodes) });
    const messages: OutboxMessage[] = [];
    for (const unit of units) {
      const own = scores.find((s) => s.orgUnitCode === unit.code);
      if (!own?.agreementId || !own.status) continue;
      const data = {
        agreementId: own.agreementId,
        orgUnitCode: unit.code,
        fiscalYear,
        status: own.status,
        liveScore: own.liveScore,
        liveFormatted: own.liveFormatted,
        round,
      };
      for (const room of scopeRooms(unit)) messages.push({ room, event: 'agreement-score.changed', data });
    }
    const rows = scores.map((s) => ({ orgUnitCode: s.orgUnitCode, value: s.liveScore, rank: s.rank }));
    for (const room of ['national', 'public'] as const) {
      messages.push({ room, event: 'ranking.changed', data: { kind: 'agreement', fiscalYear, rows } });
    }
    await this.outbox.publish(m, messages);
  }
}
