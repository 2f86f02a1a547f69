import { PLAN_STATUSES, type PlanStatus } from '@provdash/shared/domain';
import { sqlIn } from '../../database/sql-in';
import { Versioned } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';

/** A development plan (แผนพัฒนาจังหวัด/กลุ่มจังหวัด) of one org unit for a span of Buddhist-Era fiscal years. */
@Entity('plan')
@Check('plan_years_check', `"end_fy" >= "start_fy"`)
@Check('plan_status_check', sqlIn('status', PLAN_STATUSES))
export class Plan extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'plan_pkey' })
  id!: string;

  @Index('plan_org_unit_id_idx')
  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'plan_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'name_th', type: 'varchar', length: 300 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300 })
  nameEn!: string;

  @Column({ name: 'vision_th', type: 'text' })
  visionTh!: string;

  @Column({ name: 'vision_en', type: 'text' })
  visionEn!: string;

  @Column({ name: 'start_fy', type: 'smallint' })
  startFy!: number;

  @Column({ name: 'end_fy', type: 'smallint' })
  endFy!: number;

  /** A draft is seen only by the unit's own people (and admins); publishing puts it on every open screen. */
  @Column({ type: 'varchar', length: 16, default: 'published' })
  status!: PlanStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
