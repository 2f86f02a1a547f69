import type { ResultStatusName } from '@provdash/shared/contracts';
import { RESULT_STATUSES } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { numericToNumber } from '../../database/numeric.transformer';
import { sqlIn } from '../../database/sql-in';
import { User } from '../users/user.entity';
import { Project } from './project.entity';

/**
 * ความก้าวหน้าโครงการ: percent complete per month (fiscal period key "2569-M03"), with the same
 * draft → submitted → approved (or returned) workflow as KPI results.
 */
@Entity('project_progress')
@Index('project_progress_project_period_key', ['projectId', 'period'], { unique: true })
@Check('project_progress_status_check', sqlIn('status', RESULT_STATUSES))
@Check('project_progress_percent_check', `"percent" >= 0 AND "percent" <= 100`)
export class ProjectProgress extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_progress_pkey' })
  id!: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_progress_project_id_fkey' })
  project!: Project;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'varchar', length: 12 })
  period!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericToNumber })
  percent!: number;

  @Column({ name: 'milestone_note', type: 'text', default: '' })
  milestoneNote!: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: ResultStatusName;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'project_progress_submitted_by_fkey' })
  submitter!: User | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'project_progress_approved_by_fkey' })
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
