import {
  DIRECTIVE_SOURCES,
  DIRECTIVE_STATES,
  type DirectiveSource,
  type DirectiveState,
} from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Kpi } from '../kpis/kpi.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Project } from '../projects/project.entity';
import { Risk } from '../projects/risk.entity';
import { User } from '../users/user.entity';

/**
 * A directive (ข้อสั่งการ) of a province's governor: what, to whom (a named person and/or an agency),
 * by when, and what it came from (a KPI, a project, a risk, a meeting decision). Closed, never
 * deleted; every step is a save, so the audit trail holds its whole history.
 */
@Entity('directive')
@Index('directive_org_unit_state_idx', ['orgUnitId', 'state', 'dueDate'])
@Check('directive_state_check', sqlIn('state', DIRECTIVE_STATES))
@Check('directive_source_check', sqlIn('source', DIRECTIVE_SOURCES))
@Check('directive_owner_check', `"owner_user_id" IS NOT NULL OR "owner_agency" <> ''`)
@Check('directive_subject_check', `num_nonnulls("kpi_id", "project_id", "risk_id") <= 1`)
@Check('directive_percent_check', `"percent" BETWEEN 0 AND 100`)
export class Directive extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'directive_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'directive_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'text', default: '' })
  detail!: string;

  @Index('directive_owner_user_id_idx')
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'directive_owner_user_id_fkey' })
  ownerUser!: User | null;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ name: 'owner_agency', type: 'varchar', length: 200, default: '' })
  ownerAgency!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: DirectiveSource;

  @Index('directive_kpi_id_idx')
  @ManyToOne(() => Kpi, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'directive_kpi_id_fkey' })
  kpi!: Kpi | null;

  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId!: string | null;

  @Index('directive_project_id_idx')
  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'directive_project_id_fkey' })
  project!: Project | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Index('directive_risk_id_idx')
  @ManyToOne(() => Risk, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_id', foreignKeyConstraintName: 'directive_risk_id_fkey' })
  risk!: Risk | null;

  @Column({ name: 'risk_id', type: 'uuid', nullable: true })
  riskId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'issued' })
  state!: DirectiveState;

  /** The owner's latest reported completion. */
  @Column({ type: 'smallint', default: 0 })
  percent!: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'directive_issued_by_fkey' })
  issuer!: User;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'close_requested_at', type: 'timestamptz', nullable: true })
  closeRequestedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'directive_closed_by_fkey' })
  closer!: User | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  /** Why the issuer sent it back, or what the issuer noted on closing. */
  @Column({ name: 'issuer_note', type: 'text', default: '' })
  issuerNote!: string;

  /** What the owner said when asking to close. */
  @Column({ name: 'close_request_note', type: 'text', default: '' })
  closeRequestNote!: string;
}
