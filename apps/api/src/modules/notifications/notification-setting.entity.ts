import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One person's notification settings: which channels per kind, the daily digest, the language of
 * e-mail and LINE messages, the linked LINE account. Versioned (a stale save gets 409) and audited.
 * A person without a row has the defaults (`defaultPreferences`).
 */
@Entity('notification_setting')
@Check('notification_setting_locale_check', `"locale" IN ('th', 'en')`)
export class NotificationSetting {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'notification_setting_pkey' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_setting_user_id_fkey' })
  user?: User;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  preferences!: Record<string, Record<string, boolean>>;

  @Column({ name: 'daily_digest', type: 'boolean', default: false })
  dailyDigest!: boolean;

  @Column({ type: 'varchar', length: 2, default: 'th' })
  locale!: 'th' | 'en';

  @Column({ name: 'line_user_id', type: 'varchar', length: 64, nullable: true })
  lineUserId!: string | null;

  @Index('notification_setting_line_link_code_key', { unique: true })
  @Column({ name: 'line_link_code', type: 'varchar', length: 16, nullable: true })
  lineLinkCode!: string | null;
}
