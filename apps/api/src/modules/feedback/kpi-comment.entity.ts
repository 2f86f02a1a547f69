import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { User } from '../users/user.entity';

export type CommentStatus = 'pending' | 'approved' | 'hidden';

/**
 * People's Audit: a citizen's comment on a public KPI. It waits as `pending` until the province's
 * approver shows it (`approved`) or keeps it out of sight (`hidden`); only approved ones are public.
 * Nothing identifies the writer but the name they chose to give (no address, no account).
 */
@Entity('kpi_comment')
@Index('kpi_comment_kpi_status_idx', ['kpiId', 'status', 'createdAt'])
@Index('kpi_comment_org_unit_status_idx', ['orgUnitId', 'status', 'createdAt'])
@Check('kpi_comment_status_check', `"status" IN ('pending', 'approved', 'hidden')`)
export class KpiComment extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_comment_pkey' })
  id!: string;

  @ManyToOne(() => Kpi, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'kpi_comment_kpi_id_fkey' })
  kpi!: Kpi;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId!: string;

  /** The KPI's province: moderation is the province's, and the audit trail files the comment under it. */
  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'kpi_comment_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  /** The period the comment is about, when the writer chose one. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  period!: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 80, nullable: true })
  authorName!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: CommentStatus;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'moderated_by', foreignKeyConstraintName: 'kpi_comment_moderated_by_fkey' })
  moderator!: User | null;

  @Column({ name: 'moderated_by', type: 'uuid', nullable: true })
  moderatedBy!: string | null;

  @Column({ name: 'moderated_at', type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;
}
