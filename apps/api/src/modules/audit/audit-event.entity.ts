import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every change: who, when, what, before and after. Written by the audit
 * subscriber in the transaction of the change itself; the database refuses UPDATE, DELETE and
 * TRUNCATE on it (revoked privileges and a trigger, see the migration).
 */
@Entity('audit_event')
@Index('audit_event_org_unit_at_idx', ['orgUnitId', 'at'])
@Index('audit_event_entity_idx', ['entity', 'entityId'])
@Index('audit_event_user_at_idx', ['userId', 'at'])
@Index('audit_event_at_idx', ['at', 'id'])
@Index('audit_event_entity_at_idx', ['entity', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'audit_event_pkey',
  })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entity!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
