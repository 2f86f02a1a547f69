import {
  FREQUENCIES,
  type AggregationKind,
  type Frequency,
  type KpiDirection,
  type RollupMethod,
} from '@provdash/shared/domain';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Goal } from '../strategy/goal.entity';
import { User } from '../users/user.entity';

/**
 * ตัวชี้วัด under a goal. `orgUnitId` repeats the plan's org unit so that scope filters and
 * province/cluster roll-ups reach KPIs without walking plan → issue → goal.
 * Values are `numeric` (decimal-exact), read as strings and converted where computed.
 */
@Entity('kpi')
@Index('kpi_org_unit_code_key', ['orgUnitId', 'code'], { unique: true })
@Check('kpi_direction_check', `"direction" IN ('higher_better', 'lower_better', 'band')`)
@Check('kpi_frequency_check', sqlIn('frequency', FREQUENCIES))
@Check('kpi_aggregation_check', `"aggregation" IN ('sum', 'weighted_ratio', 'weighted_mean', 'none')`)
@Index('kpi_code_idx', ['code'])
@Check('kpi_hard_limits_check', `"hard_min" IS NULL OR "hard_max" IS NULL OR "hard_min" <= "hard_max"`)
@Check('kpi_rollup_check', `"rollup" IN ('sum', 'average', 'last', 'ratio')`)
export class Kpi extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kpi_pkey' })
  id!: string;

  @Index('kpi_goal_id_idx')
  @ManyToOne(() => Goal, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'kpi_goal_id_fkey' })
  goal!: Goal;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'kpi_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'name_th', type: 'varchar', length: 500 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 500 })
  nameEn!: string;

  @Column({ name: 'unit_th', type: 'varchar', length: 50 })
  unitTh!: string;

  @Column({ name: 'unit_en', type: 'varchar', length: 50 })
  unitEn!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: KpiDirection;

  @Column({ name: 'band_min', type: 'numeric', nullable: true })
  bandMin!: string | null;

  @Column({ name: 'band_max', type: 'numeric', nullable: true })
  bandMax!: string | null;

  @Column({ name: 'baseline_value', type: 'numeric', nullable: true })
  baselineValue!: string | null;

  @Column({ name: 'baseline_fy', type: 'smallint', nullable: true })
  baselineFy!: number | null;

  @Column({ type: 'varchar', length: 16 })
  frequency!: Frequency;

  @Column({ type: 'varchar', length: 16 })
  rollup!: RollupMethod;

  /** How this KPI combines across provinces (cluster and national figures); see kpi-aggregation in the domain library. */
  @Column({ type: 'varchar', length: 16, default: 'none' })
  aggregation!: AggregationKind;

  /** For ratio KPIs: Σnumerator/Σdenominator × multiplier (100 for a percentage). */
  @Column({ name: 'ratio_multiplier', type: 'numeric', nullable: true })
  ratioMultiplier!: string | null;

  /** For ratio KPIs: what the numerator counts (e.g. ผู้สูงอายุที่ได้รับการคัดกรอง). */
  @Column({ name: 'numerator_th', type: 'varchar', length: 300, default: '' })
  numeratorTh!: string;

  /** For ratio KPIs: what the denominator counts (e.g. ผู้สูงอายุทั้งหมด). */
  @Column({ name: 'denominator_th', type: 'varchar', length: 300, default: '' })
  denominatorTh!: string;

  @Column({ name: 'plausible_min', type: 'numeric', nullable: true })
  plausibleMin!: string | null;

  @Column({ name: 'plausible_max', type: 'numeric', nullable: true })
  plausibleMax!: string | null;

  /** Below this a value is impossible and refused; null takes the default by unit (`effectiveHardLimits`). */
  @Column({ name: 'hard_min', type: 'numeric', nullable: true })
  hardMin!: string | null;

  /** Above this a value is impossible and refused; null takes the default by unit. */
  @Column({ name: 'hard_max', type: 'numeric', nullable: true })
  hardMax!: string | null;

  @Column({ name: 'owner_agency_th', type: 'varchar', length: 300 })
  ownerAgencyTh!: string;

  @Column({ name: 'owner_agency_en', type: 'varchar', length: 300 })
  ownerAgencyEn!: string;

  /** The person who answers for the KPI: a user of its province (optional). */
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'kpi_owner_user_id_fkey' })
  ownerUser!: User | null;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ name: 'data_source', type: 'varchar', length: 300 })
  dataSource!: string;

  @Column({ name: 'definition_th', type: 'text', default: '' })
  definitionTh!: string;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
