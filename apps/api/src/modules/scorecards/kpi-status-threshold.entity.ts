import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber } from '../../database/numeric.transformer';
import { Versioned } from '../../database/versioned.entity';

/**
 * The ministry's KPI status thresholds for one fiscal year (achievement percent: green from
 * `green`, amber from `amber`, red below). A year without a row uses DEFAULT_STATUS_THRESHOLDS.
 */
@Entity('kpi_status_threshold')
@Check('kpi_status_threshold_range_check', `"amber" >= 0 AND "amber" <= "green" AND "green" <= 1000`)
@Index('kpi_status_threshold_fiscal_year_key', ['fiscalYear'], { unique: true })
export class KpiStatusThreshold extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_status_threshold_pkey' })
  id!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericToNumber })
  green!: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericToNumber })
  amber!: number;
}
