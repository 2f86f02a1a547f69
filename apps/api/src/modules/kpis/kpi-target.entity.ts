import { TARGET_STATES, type TargetState } from '@provdash/shared/domain';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Kpi } from './kpi.entity';

/**
 * ค่าเป้าหมาย. `period` is a fiscal period key: the year itself ("2569") for the yearly target, or a
 * month/quarter/half ("2569-M03", "2569-Q2") for a point of the trajectory.
 */
@Entity('kpi_target')
@Index('kpi_target_kpi_period_key', ['kpiId', 'period'], { unique: true })
// (fiscal_year, kpi_id) INCLUDE (period, target, state), which the decorator cannot say: made by
// migration 1796601700000 so the explorer reads one year's targets, not every year's.
@Index('kpi_target_fy_kpi_idx', { synchronize: false })
@Check('kpi_target_state_check', sqlIn('state', TARGET_STATES))
export class KpiTarget extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_target_pkey' })
  id!: string;

  @ManyToOne(() => Kpi, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'kpi_target_kpi_id_fkey' })
  kpi!: Kpi;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'varchar', length: 12 })
  period!: string;

  @Column({ type: 'numeric' })
  target!: string;

  /** Drafts (the new year's roll-over) count only on the unit's own screens; see NewYearService. */
  @Column({ type: 'varchar', length: 10, default: 'published' })
  state!: TargetState;
}
