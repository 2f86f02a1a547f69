import type { BudgetSourceName, ProjectBudgetType, ProjectStatusName } from '@provdash/shared/contracts';
import { PROJECT_BUDGET_TYPES } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Strategy } from '../strategy/strategy.entity';

/**
 * โครงการ of a province or a cluster, under a strategy of one of the unit's plans, for one fiscal year. The allocation
 * is money (`numeric(18,2)`, read as a string). Retired by status `cancelled`, never deleted.
 */
@Entity('project')
@Index('project_org_unit_fy_code_key', ['orgUnitId', 'fiscalYear', 'code'], { unique: true })
// With INCLUDE (status, allocated), which the decorator cannot say: made by migration 1763700870000.
@Index('project_fiscal_year_budget_idx', { synchronize: false })
@Check('project_budget_source_check', `"budget_source" IN ('province', 'cluster', 'ministry', 'local', 'other')`)
@Check('project_budget_type_check', sqlIn('budget_type', PROJECT_BUDGET_TYPES))
@Check('project_status_check', `"status" IN ('not_started', 'on_schedule', 'delayed', 'completed', 'cancelled')`)
@Check('project_allocated_check', `"allocated" >= 0`)
@Check('project_dates_check', `"end_date" >= "start_date"`)
export class Project extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_pkey' })
  id!: string;

  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'project_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Index('project_strategy_id_idx')
  @ManyToOne(() => Strategy, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategy_id', foreignKeyConstraintName: 'project_strategy_id_fkey' })
  strategy!: Strategy;

  @Column({ name: 'strategy_id', type: 'uuid' })
  strategyId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'name_th', type: 'varchar', length: 500 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 500 })
  nameEn!: string;

  @Column({ name: 'owner_agency_th', type: 'varchar', length: 300 })
  ownerAgencyTh!: string;

  /** The person responsible (a name or a post), beside the agency; '' for projects made before it was asked. */
  @Column({ name: 'responsible_person', type: 'varchar', length: 200, default: '' })
  responsiblePerson!: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear!: number;

  @Column({ name: 'budget_source', type: 'varchar', length: 16 })
  budgetSource!: BudgetSourceName;

  @Column({ name: 'budget_type', type: 'varchar', length: 16 })
  budgetType!: ProjectBudgetType;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  allocated!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'varchar', length: 16, default: 'not_started' })
  status!: ProjectStatusName;
}
