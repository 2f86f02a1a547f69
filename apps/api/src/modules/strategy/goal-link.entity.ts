import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Goal } from './goal.entity';

/** A cause → effect arrow of the strategy map. */
@Entity('goal_link')
@Check('goal_link_not_self_check', `"cause_goal_id" <> "effect_goal_id"`)
export class GoalLink {
  @PrimaryColumn({ name: 'cause_goal_id', type: 'uuid', primaryKeyConstraintName: 'goal_link_pkey' })
  causeGoalId!: string;

  @Index('goal_link_effect_goal_id_idx')
  @PrimaryColumn({ name: 'effect_goal_id', type: 'uuid', primaryKeyConstraintName: 'goal_link_pkey' })
  effectGoalId!: string;

  @ManyToOne(() => Goal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cause_goal_id', foreignKeyConstraintName: 'goal_link_cause_goal_id_fkey' })
  cause!: Goal;

  @ManyToOne(() => Goal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'effect_goal_id', foreignKeyConstraintName: 'goal_link_effect_goal_id_fkey' })
  effect!: Goal;
}
