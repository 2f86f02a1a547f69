import { MapNode } from '../../database/versioned.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from './plan.entity';

/** ประเด็นยุทธศาสตร์: a band of the strategy map. Retired, never deleted, once anything under it has results. */
@Entity('strategic_issue')
@Index('strategic_issue_plan_code_key', ['planId', 'code'], { unique: true })
export class StrategicIssue extends MapNode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'strategic_issue_pkey' })
  id!: string;

  @ManyToOne(() => Plan, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'strategic_issue_plan_id_fkey' })
  plan!: Plan;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;
}
