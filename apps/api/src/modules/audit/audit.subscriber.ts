import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntitySubscriberInterface, InsertEvent, ObjectLiteral, RemoveEvent, UpdateEvent } from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ActorClaims, CTX_ACTOR, CTX_UNIT, ResolvedUnit } from '../access/actor';
import { AuditEvent } from './audit-event.entity';

/** Tables whose rows are not business changes: the trail itself and session tokens. */
const NOT_AUDITED = new Set(['audit_event', 'refresh_token']);
/** Never copied into the trail. */
const SECRET_COLUMNS = new Set(['passwordHash']);

/**
 * The one audit mechanism: a TypeORM subscriber that, for every entity saved or removed through
 * an EntityManager, writes an audit row with the same manager — inside the same transaction, so a
 * rolled-back change leaves no trace and a committed one always does. Who and which request come
 * from the request context. Services must write through `save`/`remove` (query-builder updates
 * carry no entity and are not used for audited tables).
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cls: ClsService,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.manager, event.metadata, 'insert', null, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) return;
    await this.record(event.manager, event.metadata, 'update', event.databaseEntity ?? null, event.entity);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const before = event.databaseEntity ?? event.entity ?? null;
    await this.record(event.manager, event.metadata, 'delete', before, null, event.entityId);
  }

  private async record(
    manager: InsertEvent<ObjectLiteral>['manager'],
    metadata: EntityMetadata,
    action: string,
    before: ObjectLiteral | null,
    after: ObjectLiteral | null,
    removedId?: unknown,
  ): Promise<void> {
    if (NOT_AUDITED.has(metadata.tableName)) return;
    const active = this.cls.isActive();
    const actor = active ? this.cls.get<ActorClaims | undefined>(CTX_ACTOR) : undefined;
    const unit = active ? this.cls.get<ResolvedUnit | undefined>(CTX_UNIT) : undefined;
    const row = after ?? before ?? {};
    const event: Omit<AuditEvent, 'id' | 'at'> = {
      userId: actor?.sub ?? null,
      action,
      entity: metadata.tableName,
      entityId: String(row['id'] ?? removedId ?? ''),
      orgUnitId: (row['orgUnitId'] as string | undefined) ?? unit?.id ?? null,
      before: before && snapshot(metadata, before),
      after: after && snapshot(metadata, after),
      requestId: active ? (this.cls.getId() ?? null) : null,
    };
    // jsonb columns typed as records do not fit TypeORM's deep-partial type; the shape is checked above.
    await manager.insert(AuditEvent, event as QueryDeepPartialEntity<AuditEvent>);
  }
}

/** Column values only (no loaded relations), secrets left out. */
function snapshot(metadata: EntityMetadata, entity: ObjectLiteral): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const key = column.propertyName;
    if (SECRET_COLUMNS.has(key) || column.relationMetadata) continue;
    if (key in entity) out[key] = entity[key] instanceof Date ? (entity[key] as Date).toISOString() : entity[key];
  }
  return out;
}
