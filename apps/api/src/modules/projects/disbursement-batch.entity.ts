import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { User } from '../users/user.entity';

export type DisbursementBatchStatus = 'committed' | 'rolled_back';

/**
 * One imported GFMIS file of a province: who sent it, its SHA-256 (the same file twice is
 * recognised and changes nothing), its row count and totals. Saving it writes the import's one
 * audit row; the disbursement rows it wrote carry its id (`source_batch_id`) and go with it on
 * rollback.
 */
@Entity('disbursement_batch')
@Index('disbursement_batch_org_unit_checksum_idx', ['orgUnitId', 'checksum'])
@Check('disbursement_batch_status_check', `"status" IN ('committed', 'rolled_back')`)
export class DisbursementBatch extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'disbursement_batch_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'disbursement_batch_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** SHA-256 of the file's bytes, hex. */
  @Column({ type: 'varchar', length: 64 })
  checksum!: string;

  /** Data rows read from the file. */
  @Column({ type: 'integer' })
  rows!: number;

  @Column({ name: 'total_committed', type: 'numeric', precision: 18, scale: 2 })
  totalCommitted!: string;

  @Column({ name: 'total_disbursed', type: 'numeric', precision: 18, scale: 2 })
  totalDisbursed!: string;

  @Column({ type: 'varchar', length: 16, default: 'committed' })
  status!: DisbursementBatchStatus;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'disbursement_batch_created_by_fkey' })
  creator!: User | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rolled_back_by', foreignKeyConstraintName: 'disbursement_batch_rolled_back_by_fkey' })
  rolledBacker!: User | null;

  @Column({ name: 'rolled_back_by', type: 'uuid', nullable: true })
  rolledBackBy!: string | null;

  @Column({ name: 'rolled_back_at', type: 'timestamptz', nullable: true })
  rolledBackAt!: Date | null;
}
