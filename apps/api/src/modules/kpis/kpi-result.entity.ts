import type { ResultStatusName } from '@provdash/shared/contracts';
import { RESULT_STATUSES } from '@provdash/shared/domain';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Kpi } from './kpi.entity';

/**
 * ผลการดำเนินงาน: one value per KPI per period (both parts for ratio KPIs), with its narrative,
 * evidence links and place in the draft → submitted → approved (or returned) workflow.
 * Only approved results count on shared and public screens.
 */
@Entity('kpi_result')
@Index('kpi_result_kpi_period_key', ['kpiId', 'period'], { unique: true })
@Index('kpi_result_kpi_fy_status_idx', ['kpiId', 'fiscalYear', 'status'])
// (fiscal_year, kpi_id, period) INCLUDE (status, first_submitted_at, submitted_at), which the
// decorator cannot say: made by migration 1796601500000, for reporting completeness.
@Index('kpi_result_fy_reporting_idx', { synchronize: false })
@Check('kpi_result_status_check', sqlIn('status', RESULT_STATUSES))
export class KpiResult extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_result_pkey' })
  id!: string;

  @ManyToOne(() => Kpi, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'kpi_result_kpi_id_fkey' })
  kpi!: Kpi;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'varchar', length: 12 })
  period!: string;

  @Column({ type: 'numeric', nullable: true })
  value!: string | null;

  @Column({ type: 'numeric', nullable: true })
  numerator!: string | null;

  @Column({ type: 'numeric', nullable: true })
  denominator!: string | null;

  @Column({ name: 'narrative_th', type: 'text', default: '' })
  narrativeTh!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  evidence!: { url: string; title: string }[];

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: ResultStatusName;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'kpi_result_submitted_by_fkey' })
  submitter!: User | null;

  /** Who submitted: an approver may not approve his own submission. */
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'kpi_result_approved_by_fkey' })
  approver!: User | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The first time it was sent for approval: "on time" is judged by it (reporting completeness). */
  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;
}
