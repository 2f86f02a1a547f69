import { IsDecimal } from '../../../common/decimal';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EvidenceLinkDto, ResultTransitionDto, SaveKpiResultDto } from '@provdash/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

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
  @IsDecimal()
  value?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimal()
  numerator?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimal()
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
