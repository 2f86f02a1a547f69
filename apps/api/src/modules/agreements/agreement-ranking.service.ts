import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementMinistryViewDto,
  AgreementRankingEntryDto,
  AgreementRankingRoundName,
} from '@provdash/shared/contracts';
import {
  AGREEMENT_SCORE_BANDS,
  AGREEMENT_SCORE_DECIMALS,
  AgreementMove,
  agreementMoves,
  agreementMovers,
  agreementScoreHistogram,
  bangkokDateOf,
  clusterAgreementScore,
  fiscalYearOf,
  formatAgreementScore,
  previousAgreementRound,
  rankAgreementScores,
  roundDecimal,
  summarizeAgreementScores,
} from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { AgreementReadModelsService } from './agreement-read-models.service';
import { MINISTRY_RANKING_SQL, MinistryRankingProvinceRow, MinistryRankingRow } from './agreement-ranking.sql';

/** Statistics are shown as scores are: four decimals. */
function fourDecimals<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? roundDecimal(v, AGREEMENT_SCORE_DECIMALS) : v]),
  ) as T;
}

const num = (s: string | null | undefined): number | null => (s === null || s === undefined ? null : Number(s));

function frozenScore(p: MinistryRankingProvinceRow, round: 6 | 12, fiscalYear: number, fy: number): number | null {
  if (fiscalYear === fy) return num(round === 6 ? p.round6 : p.round12);
  return fiscalYear === fy - 1 && round === 12 ? num(p.lastYearRound12) : null;
}

interface Unit {
  code: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  score: number | null;
  previousScore: number | null;
}

/** Ranks the units in both rounds and pairs each unit with its previous round. */
function ranked(units: Unit[]): { rows: AgreementRankingEntryDto[]; moves: AgreementMove[] } {
  const rank = rankAgreementScores(units);
  const previousRank = rankAgreementScores(units.map((u) => ({ code: u.code, score: u.previousScore })));
  const moveList = agreementMoves(
    units.map((u) => ({ code: u.code, score: u.score, rank: rank.get(u.code) ?? null })),
    units.map((u) => ({ code: u.code, score: u.previousScore, rank: previousRank.get(u.code) ?? null })),
  );
  const moves = new Map(moveList.map((m) => [m.code, m]));
  const order = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);
  const rows = units
    .map(
      (u): AgreementRankingEntryDto => ({
        code: u.code,
        nameTh: u.nameTh,
        nameEn: u.nameEn,
        clusterCode: u.clusterCode,
        score: u.score,
        formatted: u.score === null ? null : formatAgreementScore(u.score),
        rank: rank.get(u.code) ?? null,
        previousScore: u.previousScore,
        previousRank: previousRank.get(u.code) ?? null,
        scoreChange: moves.get(u.code)?.scoreChange ?? null,
        rankChange: moves.get(u.code)?.rankChange ?? null,
      }),
    )
    .sort((a, b) => order(a.rank, b.rank) || a.code.localeCompare(b.code));
  return { rows, moves: moveList };
}

/**
 * The ministry's view of the agreements: one statement gathers the frozen rounds and the progress
 * (see agreement-ranking.sql.ts); the live round adds the live scores of every province, computed
 * as the national ranking does. Ranks, bands, statistics and movers come from the domain library.
 */
@Injectable()
export class AgreementRankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModels: AgreementReadModelsService,
  ) {}

  async view(fiscalYear: number | undefined, round: AgreementRankingRoundName): Promise<AgreementMinistryViewDto> {
    const asOf = bangkokDateOf(new Date());
    const fy = fiscalYear ?? fiscalYearOf(asOf);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [row] = (await m.query(MINISTRY_RANKING_SQL, [fy])) as MinistryRankingRow[];
      const provinces = row.provinces ?? [];
      const previous = previousAgreementRound(
        fy,
        round,
        provinces.some((p) => p.round12 !== null),
      );
      const live =
        round === 'live'
          ? new Map((await this.readModels.liveScores(m, fy)).map((l) => [l.orgUnitCode, l.liveScore]))
          : null;

      const provinceUnits: Unit[] = provinces.map((p) => ({
        code: p.code,
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        clusterCode: p.clusterCode,
        score: live ? (live.get(p.code) ?? null) : frozenScore(p, round as 6 | 12, fy, fy),
        previousScore: frozenScore(p, previous.round, previous.fiscalYear, fy),
      }));
      const { rows: provinceRows, moves } = ranked(provinceUnits);

      const clusterUnits: Unit[] = row.clusters.map((c) => {
        const members = provinceUnits.filter((p) => p.clusterCode === c.code);
        return {
          code: c.code,
          nameTh: c.nameTh,
          nameEn: c.nameEn,
          clusterCode: null,
          score: clusterAgreementScore(members.map((p) => p.score)),
          previousScore: clusterAgreementScore(members.map((p) => p.previousScore)),
        };
      });
      const clusterRows = ranked(clusterUnits).rows.map((c) => {
        const members = provinceUnits.filter((p) => p.clusterCode === c.code);
        return {
          ...c,
          scoredProvinces: members.filter((p) => p.score !== null).length,
          memberProvinces: members.length,
        };
      });

      const scores = provinceRows.map((p) => p.score).filter((s): s is number => s !== null);
      const histogram = agreementScoreHistogram(scores);
      const byCode = new Map(provinceRows.map((p) => [p.code, p]));
      const movers = agreementMovers(moves);
      const entry = (code: string) => byCode.get(code) as AgreementRankingEntryDto;
      return {
        fiscalYear: fy,
        round,
        asOf,
        previous,
        provinces: provinceRows,
        clusters: clusterRows,
        distribution: {
          bands: AGREEMENT_SCORE_BANDS.map((b, i) => ({ ...b, provinces: histogram[i].count })),
          statistics: fourDecimals(summarizeAgreementScores(scores)),
        },
        movers: { gains: movers.gains.map((m) => entry(m.code)), falls: movers.falls.map((m) => entry(m.code)) },
        progress: row.progress.map((p) => ({ ...p, provinces: Number(p.provinces) })),
      };
    });
  }
}
