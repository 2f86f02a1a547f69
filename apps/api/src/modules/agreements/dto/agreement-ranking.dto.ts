import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AgreementRankingRoundName } from '@provdash/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const ROUNDS = ['6', '12', 'live'] as const;

export class AgreementRankingQuery {
  @ApiPropertyOptional({ example: 2569, description: 'default: the current fiscal year (B.E.)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: ROUNDS, description: "6 or 12: the frozen round; live: today's score (default)" })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' || typeof value === 'number' ? String(value) : value))
  @IsIn(ROUNDS, { message: 'round must be 6, 12 or live' })
  round?: (typeof ROUNDS)[number];
}

export function rankingRoundOf(q: AgreementRankingQuery): AgreementRankingRoundName {
  return q.round === '6' ? 6 : q.round === '12' ? 12 : 'live';
}
