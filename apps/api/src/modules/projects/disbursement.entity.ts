import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { DisbursementBatch } from './disbursement-batch.entity';
import { Project } from './project.entity';

/**
 * Monthly GFMIS figures of a project: committed (ก่อหนี้ผูกพัน/PO) and disbursed (เบิกจ่าย) in the
 * month, in baht (`numeric(18,2)`, read as strings). One row per source line, so a re-imported file
 * (same document and line) replaces rather than doubles: the key of the GFMIS import.
 */
@Entity('disbursement')
@Index('disbursement_source_key', ['projectId', 'month', 'sourceDocument', 'sourceLine'], { unique: true })
@Index('disbursement_month_idx', ['month'])
@Index('disbursement_source_batch_id_idx', ['sourceBatchId'])
@Check('disbursement_month_check', `EXTRACT(DAY FROM "month") = 1`)
@Check('disbursement_amounts_check', `"committed" >= 0 AND "disbursed" >= 0`)
export class Disbursement extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'disbursement_pkey' })
  id!: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'disbursement_project_id_fkey' })
  project!: Project;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** First day of the calendar month (YYYY-MM-01). */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 })
  committed!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 })
  disbursed!: string;

  @ManyToOne(() => DisbursementBatch, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_batch_id', foreignKeyConstraintName: 'disbursement_source_batch_id_fkey' })
  sourceBatch!: DisbursementBatch | null;

  /** The GFMIS import batch that last wrote the row; null for seeded or manual rows. */
  @Column({ name: 'source_batch_id', type: 'uuid', nullable: true })
  sourceBatchId!: string | null;

  @Column({ name: 'source_document', type: 'varchar', length: 64, default: '' })
  sourceDocument!: string;

  @Column({ name: 'source_line', type: 'integer', default: 0 })
  sourceLine!: number;
}
