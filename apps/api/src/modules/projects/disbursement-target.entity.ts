import { DISBURSEMENT_BUDGET_TYPES, type DisbursementBudgetType } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { numericToNumber } from '../../database/numeric.transformer';
import { sqlIn } from '../../database/sql-in';

/** The Cabinet's cumulative quarterly disbursement targets (percent) per fiscal year and budget type. */
@Entity('disbursement_target')
@Index('disbursement_target_fy_type_key', ['fiscalYear', 'budgetType'], { unique: true })
@Check('disbursement_target_budget_type_check', sqlIn('budget_type', DISBURSEMENT_BUDGET_TYPES))
@Check(
  'disbursement_target_range_check',
  `"q1" >= 0 AND "q1" <= "q2" AND "q2" <= "q3" AND "q3" <= "q4" AND "q4" <= 100`,
)
export class DisbursementTarget extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'disbursement_target_pkey' })
  id!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ name: 'budget_type', type: 'varchar', length: 16 })
  budgetType!: DisbursementBudgetType;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericToNumber })
  q1!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericToNumber })
  q2!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericToNumber })
  q3!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericToNumber })
  q4!: number;
}
