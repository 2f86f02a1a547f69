import type { ExplorerViewQuery } from '@provdash/shared/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { User } from '../users/user.entity';

/**
 * A view of the explorer kept under a name (issue 22 item 3). The ministry's analysts share one
 * list; only the person who saved a view (or an admin) removes it. `query` is the view as the
 * explorer normalised it, so opening it reproduces the same table.
 */
@Entity('explorer_view')
export class ExplorerView extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'explorer_view_pkey' })
  id!: string;

  @Index('explorer_view_owner_id_idx')
  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'explorer_view_owner_id_fkey' })
  owner?: User;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'jsonb' })
  query!: ExplorerViewQuery;
}
