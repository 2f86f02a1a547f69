import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Plan } from './plan.entity';

/** ประเด็นยุทธศาสตร์: a band of the strategy map. Retired, never deleted, once anything under it has results. */
@Entity('strategic_issue')
@Index('strategic_issue_plan_code_key', ['planId', 'code'], { unique: true })
export class StrategicIssue {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'strategic_issue_pkey' })
  id!: string;

  @ManyToOne(() => Plan, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'strategic_issue_plan_id_fkey' })
  plan!: Plan;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'name_th', type: 'varchar', length: 500 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 500 })
  nameEn!: string;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
