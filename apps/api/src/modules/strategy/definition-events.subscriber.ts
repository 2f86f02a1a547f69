import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DefinitionEntity } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import { CTX_UNIT, ResolvedUnit } from '../access/actor';

const DEFINITION_TABLES = new Set<string>([
  'plan',
  'strategic_issue',
  'goal',
  'strategy',
  'goal_link',
  'kpi',
  'project',
]);
const CHANGED_KEY = 'definitionChanges';

type Changes = Map<string, { unit: ResolvedUnit; entity: DefinitionEntity }>;

/**
 * A plan's definition changed (a plan, issue, goal, strategy, arrow, KPI, project or the unit itself saved or removed): one
 * `definition.changed` domain event per unit and table, in the writer's transaction, just before
 * it commits; `definition-live.reactor.ts` turns it into a `target.changed` of kind `definition`. Screens of the unit reload on it, and it moves the unit's room counter, which
 * is what the read caches are checked against (RoomCache): a renamed or retired KPI, a project
 * cancelled or given more money, is never answered from a copy. Like the audit trail, it sees every write through an EntityManager
 * whatever the service; the unit is the one the access policy resolved for the request.
 */
@Injectable()
export class DefinitionEventsSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cls: ClsService,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): void {
    this.note(event.queryRunner, event.metadata.tableName);
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): void {
    this.note(event.queryRunner, event.metadata.tableName);
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): void {
    this.note(event.queryRunner, event.metadata.tableName);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const changes = event.queryRunner.data[CHANGED_KEY] as Changes | undefined;
    if (!changes?.size) return;
    delete event.queryRunner.data[CHANGED_KEY];
    for (const { unit, entity } of changes.values()) {
      await this.events.publish(event.manager, 'definition.changed', { unit, entity });
    }
  }

  /** A rolled-back transaction changed nothing; a rolled-back savepoint may sit in one that still commits. */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[CHANGED_KEY];
  }

  /** Only inside a transaction (every service write is) and a request that resolved its unit. */
  private note(runner: QueryRunner | undefined, table: string): void {
    if (!runner?.isTransactionActive || !DEFINITION_TABLES.has(table) || !this.cls.isActive()) return;
    const unit = this.cls.get<ResolvedUnit | undefined>(CTX_UNIT);
    if (!unit) return;
    const changes = (runner.data[CHANGED_KEY] ??= new Map()) as Changes;
    changes.set(`${unit.code}|${table}`, { unit, entity: table as DefinitionEntity });
  }
}
