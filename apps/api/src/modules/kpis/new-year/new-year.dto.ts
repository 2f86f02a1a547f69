import { ApiProperty } from '@nestjs/swagger';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '@provdash/shared/domain';
import { IsInt, Max, Min } from 'class-validator';

export class NewYearBody {
  @ApiProperty({ example: 2571, description: 'the new fiscal year (B.E.); its targets come from the year before' })
  @IsInt()
  @Min(MIN_FISCAL_YEAR + 1)
  @Max(MAX_FISCAL_YEAR)
  fiscalYear!: number;
}
