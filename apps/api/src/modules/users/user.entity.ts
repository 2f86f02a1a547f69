import type { Role } from '@provdash/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';
import { OrgUnit } from '../org-units/org-unit.entity';

/** A person who signs in: one role, one scope (an org unit; the scope covers the units below it). */
@Entity('app_user')
@Check(
  'app_user_role_check',
  `"role" IN ('admin', 'central_analyst', 'central_evaluator', 'cluster_officer', 'governor', 'province_officer', 'province_approver')`,
)
export class User extends Versioned {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'app_user_pkey' })
  id!: string;

  /** Stored lower-case, so the unique index is case-insensitive in effect. */
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** argon2id; never leaves the server and never enters the audit trail. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Index('app_user_org_unit_id_idx')
  @ManyToOne(() => OrgUnit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'app_user_org_unit_id_fkey' })
  orgUnit!: OrgUnit;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Invited with a temporary password (or reset by an admin): only their own account is open until they set their own. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;
}
