import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/dates';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ScorecardQuery {
  @ApiPropertyOptional({ example: 2569, description: 'default: the current fiscal year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ example: '2026-09-30', description: 'evaluate as of this day (default: today, Bangkok)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
