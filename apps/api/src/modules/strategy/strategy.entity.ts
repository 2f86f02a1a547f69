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
import { Goal } from './goal.entity';

/** กลยุทธ์/แนวทาง: how a goal is pursued; projects hang under strategies. */
@Entity('strategy')
@Index('strategy_goal_code_key', ['goalId', 'code'], { unique: true })
export class Strategy {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'strategy_pkey' })
  id!: string;

  @ManyToOne(() => Goal, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'strategy_goal_id_fkey' })
  goal!: Goal;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

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
