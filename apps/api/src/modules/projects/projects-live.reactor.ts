import { Injectable } from '@nestjs/common';
import type { DisbursementFiguresDto } from '@provdash/shared/contracts';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../common/domain-events/domain-event-bus';
import type {
  DisbursementBatchEvent,
  DomainEvents,
  ProjectProgressEvent,
} from '../../common/domain-events/domain-events';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Outbox, OutboxMessage } from '../realtime/outbox.service';
import { RealtimeGateway } from '../realtime/realtime.gateway';
import { scopeRooms, userRoom, workspaceRooms } from '../realtime/rooms';
import { DisbursementReadModelsService } from './disbursement-read-models.service';
import { Project } from './project.entity';

/**
 * Live events of projects and money, written to the outbox in the writer's transaction: progress
 * (like KPI results: the workspace hears every step, the scope rooms only approvals and
 * reopenings), the national disbursement targets, and a GFMIS batch's new rates and ranking.
 */
@Injectable()
export class ProjectsLiveReactor {
  constructor(
    private readonly outbox: Outbox,
    private readonly gateway: RealtimeGateway,
    private readonly readModels: DisbursementReadModelsService,
  ) {}

  @OnDomainEvent(['projectProgress.saved', 'projectProgress.submitted', 'projectProgress.returned'], 'in-transaction')
  async draftChanged(e: ProjectProgressEvent, m: EntityManager): Promise<void> {
    await this.progressChanged(m, e, null);
  }

  @OnDomainEvent('projectProgress.approved', 'in-transaction')
  async approved(e: ProjectProgressEvent, m: EntityManager): Promise<void> {
    await this.progressChanged(m, e, 'approve');
  }

  @OnDomainEvent('projectProgress.reopened', 'in-transaction')
  async reopened(e: ProjectProgressEvent, m: EntityManager): Promise<void> {
    await this.progressChanged(m, e, 'reopen');
  }

  /** A national setting: every screen that draws the target curve hears of it. */
  @OnDomainEvent('disbursementTarget.set', 'in-transaction')
  async targetSet(e: DomainEvents['disbursementTarget.set'], m: EntityManager): Promise<void> {
    await this.outbox.publish(
      m,
      (['national', 'public'] as const).map((room) => ({
        room,
        event: 'target.changed',
        data: { kind: 'disbursement-target', fiscalYear: e.fiscalYear, budgetType: e.budgetType, quarters: e.quarters },
      })),
    );
  }

  /** The province's new rates to its scope rooms, and the national ranking they move to the national and public rooms. */
  @OnDomainEvent(['disbursement.imported', 'disbursement.rolledBack'], 'in-transaction')
  async batchWritten({ unit, fiscalYear, batch }: DisbursementBatchEvent, m: EntityManager): Promise<void> {
    const summary = await this.readModels.summary(unit.code, { fiscalYear }, m);
    const ranking = await this.readModels.ranking('province', 'overall', { fiscalYear }, m);
    const rate = {
      orgUnitCode: unit.code,
      fiscalYear,
      total: { ...pickFigures(summary.total), target: summary.total.target },
      byType: summary.byType.map((t) => ({ budgetType: t.budgetType, ...pickFigures(t), target: t.target })),
    };
    const data = { ...batch, orgUnitCode: unit.code, fiscalYear, rates: [rate] };
    const rows = ranking.rows.map((r) => ({ orgUnitCode: r.code, value: r.rate, rank: r.rank }));
    await this.outbox.publish(m, [
      ...scopeRooms(unit).map((room) => ({ room, event: 'disbursement-batch.imported' as const, data })),
      ...(['national', 'public'] as const).map((room) => ({
        room,
        event: 'ranking.changed' as const,
        data: { kind: 'disbursement' as const, fiscalYear, rows },
      })),
    ]);
  }

  /** Progress is for the uploader's eyes only and kept nowhere: straight to their own room. */
  @OnDomainEvent('disbursementImport.progressed', 'after-commit')
  importProgressed(e: DomainEvents['disbursementImport.progressed']): void {
    this.gateway.emit(userRoom(e.userId), 'disbursement-import.progress', e.progress);
  }

  private async progressChanged(m: EntityManager, e: ProjectProgressEvent, approval: 'approve' | 'reopen' | null) {
    const unit = await m
      .createQueryBuilder(OrgUnit, 'u')
      .innerJoin(Project, 'p', 'p.org_unit_id = u.id')
      .where('p.id = :id', { id: e.projectId })
      .getOneOrFail();
    const base = { projectId: e.projectId, orgUnitCode: unit.code, period: e.period, version: e.version };
    const messages: OutboxMessage[] = workspaceRooms(unit).map((room) => ({
      room,
      event: 'project-progress.changed',
      data: { ...base, status: e.status, percent: e.percent },
    }));
    if (approval) {
      const shown =
        approval === 'approve'
          ? { status: e.status, percent: e.percent }
          : { status: 'withdrawn' as const, percent: 0 };
      for (const room of scopeRooms(unit))
        messages.push({ room, event: 'project-progress.changed', data: { ...base, ...shown } });
    }
    await this.outbox.publish(m, messages);
  }
}

function pickFigures(f: DisbursementFiguresDto): DisbursementFiguresDto {
  return {
    allocated: f.allocated,
    committed: f.committed,
    disbursed: f.disbursed,
    rate: f.rate,
    committedRate: f.committedRate,
  };
}
