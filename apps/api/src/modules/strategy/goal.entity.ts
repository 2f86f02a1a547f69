import { MapNode } from '../../database/versioned.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StrategicIssue } from './strategic-issue.entity';

/**
 * เป้าประสงค์: a node of the strategy map. A province goal may contribute to a cluster goal
 * (`contributesToGoalId`) and to one of the six national strategy pillars (ยุทธศาสตร์ชาติ 6 ด้าน).
 */
@Entity('goal')
@Index('goal_issue_code_key', ['issueId', 'code'], { unique: true })
@Check('goal_national_pillar_check', `"national_pillar" BETWEEN 1 AND 6`)
export class Goal extends MapNode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'goal_pkey' })
  id!: string;

  @ManyToOne(() => StrategicIssue, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issue_id', foreignKeyConstraintName: 'goal_issue_id_fkey' })
  issue!: StrategicIssue;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId!: string;

  @Index('goal_contributes_to_goal_id_idx')
  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contributes_to_goal_id', foreignKeyConstraintName: 'goal_contributes_to_goal_id_fkey' })
  contributesToGoal!: Goal | null;

  @Column({ name: 'contributes_to_goal_id', type: 'uuid', nullable: true })
  contributesToGoalId!: string | null;

  @Column({ name: 'national_pillar', type: 'smallint', nullable: true })
  nationalPillar!: number | null;
}
