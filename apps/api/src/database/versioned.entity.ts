import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * Every table that people edit carries a version (optimistic locking: a stale write gets 409)
 * and its creation and last-change times.
 */
export abstract class Versioned {
  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A node of a strategy map (issue, goal, strategy): coded, ordered, bilingual, retired rather than deleted. */
export abstract class MapNode extends Versioned {
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
}
