import { IsDecimal } from '../../../common/decimal';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGGREGATION_KINDS, FREQUENCIES, PERIOD_KEY_PATTERN } from '@provdash/shared/domain';
import type { AggregationKind, Frequency, KpiDirection, RollupMethod } from '@provdash/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const DIRECTIONS: KpiDirection[] = ['higher_better', 'lower_better', 'band'];
const ROLLUPS: RollupMethod[] = ['sum', 'average', 'last', 'ratio'];

/** Fields a KPI definition may change at any time (names, unit, ownership, ranges). */
export class KpiDetailsBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) unitTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) unitEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) ownerAgencyTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) ownerAgencyEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) dataSource?: string;

  @ApiPropertyOptional({ description: 'ratio KPIs: what the numerator counts' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  numeratorTh?: string;

  @ApiPropertyOptional({ description: 'ratio KPIs: what the denominator counts' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  denominatorTh?: string;

  @ApiPropertyOptional({ nullable: true, description: 'the person who answers for the KPI: a user of its province' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerUserId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(8000) definitionTh?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  baselineValue?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(2400)
  @Max(2999)
  baselineFy?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'below this an entry needs confirmation' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  plausibleMin?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  plausibleMax?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'below this a value is impossible and refused; null takes the default by unit (0 for most units)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  hardMin?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'above this a value is impossible and refused; null takes the default by unit (100 for a percentage)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  hardMax?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'band KPIs: the lower edge of the good band' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  bandMin?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDecimal()
  bandMax?: string | null;

  @ApiPropertyOptional({
    enum: AGGREGATION_KINDS,
    description:
      'how provinces combine into cluster and national figures (sum for counts and money, pooled parts for ratios)',
  })
  @IsOptional()
  @IsIn(AGGREGATION_KINDS as AggregationKind[])
  aggregation?: AggregationKind;
}

export class CreateKpiBody extends KpiDetailsBody {
  @ApiProperty({ example: 'K1.2.1' }) @IsString() @Matches(/^[A-Za-z0-9.\-_]{1,32}$/) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) declare nameTh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) declare nameEn: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) declare unitTh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) declare unitEn: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: KpiDirection;
  @ApiProperty({ enum: [...FREQUENCIES] }) @IsIn(FREQUENCIES) frequency!: Frequency;
  @ApiProperty({ enum: ROLLUPS }) @IsIn(ROLLUPS) rollup!: RollupMethod;

  @ApiPropertyOptional({ description: 'ratio KPIs: Σnumerator/Σdenominator × this (100 for a percentage)' })
  @IsOptional()
  @IsDecimal()
  ratioMultiplier?: string;
}

export class UpdateKpiBody extends KpiDetailsBody {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() retired?: boolean;
}

export class TrajectoryPointBody {
  @ApiProperty({ example: '2569-Q2' }) @IsString() @Matches(PERIOD_KEY_PATTERN) period!: string;
  @ApiProperty() @IsDecimal() target!: string;
}

export class SetTargetBody {
  @ApiProperty({ description: 'the yearly target (ค่าเป้าหมาย)' })
  @IsDecimal()
  target!: string;

  @ApiPropertyOptional({
    type: [TrajectoryPointBody],
    description: 'a target per reporting period; replaces the previous one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TrajectoryPointBody)
  trajectory?: TrajectoryPointBody[];

  @ApiPropertyOptional({ description: 'required when the year already has a target: the version read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
