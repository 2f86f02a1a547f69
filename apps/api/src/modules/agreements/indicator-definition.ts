import type { AgreementDirection, IndicatorKind } from '@provdash/shared/domain';
import { Column } from 'typeorm';
import { Versioned } from '../../database/versioned.entity';

/**
 * What a template indicator and an agreement indicator share: code, names, unit, direction, kind,
 * weight (percent, two decimals) and the five criterion values v1…v5 (level 3 is normally the target).
 * Weights and levels are `numeric`, read as decimal strings and converted only where scored.
 */
export abstract class IndicatorDefinition extends Versioned {
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'name_th', type: 'varchar', length: 500 })
  nameTh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 500 })
  nameEn!: string;

  @Column({ name: 'unit_th', type: 'varchar', length: 50 })
  unitTh!: string;

  @Column({ name: 'unit_en', type: 'varchar', length: 50 })
  unitEn!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: AgreementDirection;

  @Column({ type: 'varchar', length: 16, default: 'scale' })
  kind!: IndicatorKind;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  weight!: string;

  @Column({ type: 'numeric' })
  l1!: string;

  @Column({ type: 'numeric' })
  l2!: string;

  @Column({ type: 'numeric' })
  l3!: string;

  @Column({ type: 'numeric' })
  l4!: string;

  @Column({ type: 'numeric' })
  l5!: string;

  @Column({ type: 'integer' })
  seq!: number;
}

export const levelsOf = (d: Pick<IndicatorDefinition, 'l1' | 'l2' | 'l3' | 'l4' | 'l5'>): string[] => [
  d.l1,
  d.l2,
  d.l3,
  d.l4,
  d.l5,
];

export function setLevels(d: IndicatorDefinition, levels: readonly string[]): void {
  [d.l1, d.l2, d.l3, d.l4, d.l5] = levels;
}
