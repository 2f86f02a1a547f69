import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDecimalNumber } from '../../../common/decimal';

export class FiscalYearParams {
  @ApiProperty({ example: 2569 }) @Type(() => Number) @IsInt() @Min(2400) @Max(2999) fiscalYear!: number;
}

/** Achievement percent: green from `green`, amber from `amber` (≤ green), red below. */
export class SaveStatusThresholdsBody {
  @ApiProperty({ example: 100 }) @IsDecimalNumber(2) @Min(0) @Max(1000) green!: number;
  @ApiProperty({ example: 80 }) @IsDecimalNumber(2) @Min(0) @Max(1000) amber!: number;
  @ApiPropertyOptional({ description: 'the version read; required to change stored thresholds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
