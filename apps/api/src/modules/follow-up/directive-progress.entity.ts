import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';
import { Directive } from './directive.entity';

/** One progress post of a directive's owner: what was done, how far, and links to the evidence. Never edited. */
@Entity('directive_progress')
@Index('directive_progress_directive_idx', ['directiveId', 'createdAt'])
@Check('directive_progress_percent_check', `"percent" BETWEEN 0 AND 100`)
export class DirectiveProgress extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'directive_progress_pkey' })
  id!: string;

  @ManyToOne(() => Directive, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'directive_id', foreignKeyConstraintName: 'directive_progress_directive_id_fkey' })
  directive!: Directive;

  @Column({ name: 'directive_id', type: 'uuid' })
  directiveId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'smallint' })
  percent!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  evidence!: { url: string; title: string }[];

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posted_by', foreignKeyConstraintName: 'directive_progress_posted_by_fkey' })
  poster!: User;

  @Column({ name: 'posted_by', type: 'uuid' })
  postedBy!: string;
}
