import { MapNode } from '../../database/versioned.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Goal } from './goal.entity';

/** กลยุทธ์/แนวทาง: how a goal is pursued; projects hang under strategies. */
@Entity('strategy')
@Index('strategy_goal_code_key', ['goalId', 'code'], { unique: true })
export class Strategy extends MapNode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'strategy_pkey' })
  id!: string;

  @ManyToOne(() => Goal, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'strategy_goal_id_fkey' })
  goal!: Goal;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;
}
