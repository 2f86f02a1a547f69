/**
 * The ministry's view of the performance agreements (GET /api/ministry/agreement-ranking): one
 * composed answer per screen — the ranking of the 77 provinces and the 18 clusters for a round, the
 * distribution of scores, the movers since the previous round and the evaluation's progress.
 */

/** 6 and 12: the frozen rounds; 'live': today's score from approved results. */
export type AgreementRankingRoundName = 6 | 12 | 'live';

export interface AgreementRankingEntryDto {
  /** Province or cluster code. */
  code: string;
  nameTh: string;
  nameEn: string;
  /** A province's cluster (Bangkok has none); null on a cluster row. */
  clusterCode: string | null;
  /** 0…5 with four decimals; null when the unit has no score in this round. */
  score: number | null;
  formatted: string | null;
  rank: number | null;
  previousScore: number | null;
  previousRank: number | null;
  /** score − previousScore, four decimals. */
  scoreChange: number | null;
  /** previousRank − rank: positive when the unit climbed. */
  rankChange: number | null;
  /** Cluster rows: member provinces scored in this round, and members in all. */
  scoredProvinces?: number;
  memberProvinces?: number;
}

export interface AgreementScoreBandDto {
  band: number;
  from: number;
  /** Exclusive, except the last band (exactly 5). */
  to: number;
  provinces: number;
}

export interface AgreementRankingStatisticsDto {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  stdDev: number | null;
}

/** Where the centre's evaluation of one round stands, counted in provinces of the country's 77. */
export interface AgreementRoundProgressDto {
  round: 6 | 12;
  provinces: number;
  /** Provinces with a signed (non-draft) agreement of the year. */
  agreed: number;
  /** The province submitted its self-assessment (frozen rounds included). */
  submitted: number;
  /** Every indicator decided by the evaluator (frozen rounds included). */
  evaluated: number;
  /** Frozen: the round's score stands. */
  frozen: number;
}

export interface AgreementMinistryViewDto {
  fiscalYear: number;
  round: AgreementRankingRoundName;
  /** The live score's day (Bangkok). */
  asOf: string;
  /** The round the movers and rank changes compare with. */
  previous: { fiscalYear: number; round: 6 | 12 };
  /** All 77 provinces in rank order (unscored last, by code). */
  provinces: AgreementRankingEntryDto[];
  /** All 18 clusters: the mean of their scored members, in rank order. */
  clusters: AgreementRankingEntryDto[];
  distribution: { bands: AgreementScoreBandDto[]; statistics: AgreementRankingStatisticsDto };
  /** The provinces' biggest gains and falls of score since `previous`. */
  movers: { gains: AgreementRankingEntryDto[]; falls: AgreementRankingEntryDto[] };
  progress: AgreementRoundProgressDto[];
}
