import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ImportQuery } from '../import/dto/results-import.dto';

export class PlanImportQuery extends ImportQuery {
  @ApiPropertyOptional({
    default: false,
    description:
      "the file is text pasted from the template's sheet (tab-separated); without a header row the template's columns are assumed",
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pasted?: boolean;
}
