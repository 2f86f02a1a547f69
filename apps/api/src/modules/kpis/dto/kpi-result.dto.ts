import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EvidenceLinkDto, ResultTransitionDto, SaveKpiResultDto } from '@provdash/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Decimal as PostgreSQL `numeric` takes it: no exponent, at most 15 digits before and 6 after the point. */
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const asDecimalText = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);

export class EvidenceLink implements EvidenceLinkDto {
  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(1000)
  url!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  title!: string;
}

export class SaveKpiResultBody implements SaveKpiResultDto {
  @ApiPropertyOptional({ example: '1234.5' })
  @IsOptional()
  @Transform(asDecimalText)
  @Matches(DECIMAL)
  value?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(asDecimalText)
  @Matches(DECIMAL)
  numerator?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(asDecimalText)
  @Matches(DECIMAL)
  denominator?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  narrativeTh?: string;

  @ApiPropertyOptional({ type: [EvidenceLink] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLink)
  evidence?: EvidenceLink[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confirmOutlier?: boolean;

  @ApiPropertyOptional({ description: 'required when the result exists: the version read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class TransitionBody implements ResultTransitionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class ResultListQuery {
  @ApiPropertyOptional({ example: 2569 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  fiscalYear?: number;
}
