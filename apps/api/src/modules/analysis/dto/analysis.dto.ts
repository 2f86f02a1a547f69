import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsOptional } from 'class-validator';
import { MONTH_KEY_PATTERN } from '@provdash/shared/domain';
import { ScorecardQuery } from '../../scorecards/dto/scorecard-query.dto';

/** The fiscal year (default: the current one), the day it is judged on, and optionally one month of it. */
export class CompletenessQuery extends ScorecardQuery {
  @ApiPropertyOptional({ example: '2570-M02', description: 'a fiscal month: only results whose period ends in it' })
  @IsOptional()
  @Matches(MONTH_KEY_PATTERN, { message: 'month must be a fiscal month such as 2570-M02' })
  month?: string;
}

/** The fiscal year (default: the current one) and the day lateness is judged on (default: today). */
export class DataQualityQuery extends ScorecardQuery {}
