import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementClusterMeanDto,
  AgreementDistributionDto,
  AgreementIndicatorDistributionDto,
  AgreementRankingDto,
  AgreementRoundSummaryDto,
  AgreementScoreDto,
  AgreementScorecardDto,
  AgreementStatusName,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatAgreementScore, rankProvinces } from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/api-error';
import { scoreAgreement } from './agreement-evaluation';
import { PROVINCES_JOIN, SCORING_SQL, ScoringRow } from './agreement-scoring.sql';
import { mean, summarizeScores } from './score-statistics';

/** The live view leaves indicators without a result out of the mean (see domain-calculations.md §4). */
const LIVE = 'exclude' as const;

function roundsOf(row: ScoringRow): AgreementRoundSummaryDto[] {
  return row.rounds.map((r) => ({
    round: r.round,
    score: Number(r.score),
    formatted: formatAgreementScore(r.score),
    evaluatedAt: new Date(r.evaluatedAt).toISOString(),
  }));
}

const rankScores = (rows: { code: string; value: number | null }[]) =>
  new Map(rankProvinces(rows, { by: 'value', direction: 'higher_better', decimals: 4 }).map((r) => [r.code, r.rank]));

/**
 * Public screens of the performance agreement: approved data only (agreed agreements, approved
 * results) and frozen rounds. One statement per screen gathers the rows; the domain library scores.
 */
@Injectable()
export class AgreementReadModelsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private resolve(fiscalYear?: number, asOfDate?: string) {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    return { asOf, fy: fiscalYear ?? fiscalYearOf(asOf) };
  }

  private provinces(
    fy: number,
    where = 'true',
    params: unknown[] = [],
    describe = true,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ScoringRow[]> {
    return m.query(SCORING_SQL(PROVINCES_JOIN, `u.type = 'province' AND ${where}`, describe), [fy, ...params]);
  }

  private live(row: ScoringRow, fy: number, asOf: string): AgreementScoreDto | null {
    return row.agreement_id ? scoreAgreement(row.indicators, fy, asOf, LIVE) : null;
  }

  /** A province's agreement: each indicator's weight, levels, actual, score, contribution and next level. */
  async scorecard(code: string, fiscalYear?: number, asOfDate?: string): Promise<AgreementScorecardDto> {
    const { asOf, fy } = this.resolve(fiscalYear, asOfDate);
    const [row] = await this.provinces(fy, 'u.code = $2', [code]);
    if (!row) throw notFound('notFound.unit');
    const live = this.live(row, fy, asOf);
    if (!live || !row.agreement_id || !row.status) throw notFound();
    return {
      agreementId: row.agreement_id,
      orgUnitCode: row.org_unit_code,
      nameTh: row.org_name_th,
      nameEn: row.org_name_en,
      clusterCode: row.cluster_code,
      fiscalYear: fy,
      status: row.status,
      live,
      rounds: roundsOf(row),
    };
  }

  /** Every province's live score and rank today, as the transaction `m` sees them: what live events carry. */
  async liveScores(m: EntityManager, fiscalYear: number): Promise<LiveScoreRow[]> {
    const asOf = bangkokDateOf(new Date());
    const scored = (await this.provinces(fiscalYear, 'true', [], false, m)).map((row) => ({
      row,
      live: this.live(row, fiscalYear, asOf),
    }));
    const rank = rankScores(scored.map(({ row, live }) => ({ code: row.org_unit_code, value: live?.score ?? null })));
    return scored.map(({ row, live }) => ({
      orgUnitCode: row.org_unit_code,
      agreementId: row.agreement_id,
      status: row.status,
      liveScore: live?.score ?? null,
      liveFormatted: live?.formatted ?? null,
      rank: rank.get(row.org_unit_code) ?? null,
    }));
  }

  /** All 77 provinces ranked by live score and by their last evaluated round, with cluster means. */
  async ranking(fiscalYear?: number, asOfDate?: string): Promise<AgreementRankingDto> {
    const { asOf, fy } = this.resolve(fiscalYear, asOfDate);
    const rows = (await this.provinces(fy, 'true', [], false)).map((row) => {
      const rounds = roundsOf(row);
      return { row, live: this.live(row, fy, asOf), last: rounds.length ? rounds[rounds.length - 1] : null };
    });
    const liveRank = rankScores(rows.map(({ row, live }) => ({ code: row.org_unit_code, value: live?.score ?? null })));
    const lastRank = rankScores(rows.map(({ row, last }) => ({ code: row.org_unit_code, value: last?.score ?? null })));

    const byCluster = new Map<string, typeof rows>();
    for (const item of rows) {
      if (item.row.cluster_code)
        byCluster.set(item.row.cluster_code, [...(byCluster.get(item.row.cluster_code) ?? []), item]);
    }
    const clusters = [...byCluster.entries()].map(([code, members]) => {
      const lives = members.map((m) => m.live?.score).filter((s): s is number => s !== null && s !== undefined);
      const lasts = members.map((m) => m.last?.score).filter((s): s is number => s !== undefined);
      const liveMean = mean(lives);
      const lastRoundMean = mean(lasts);
      return {
        clusterCode: code,
        nameTh: members[0].row.cluster_name_th ?? code,
        nameEn: members[0].row.cluster_name_en ?? code,
        provinces: lives.length,
        liveMean,
        liveMeanFormatted: liveMean === null ? null : formatAgreementScore(liveMean),
        lastRoundMean,
        lastRoundMeanFormatted: lastRoundMean === null ? null : formatAgreementScore(lastRoundMean),
      };
    });
    const clusterRank = rankScores(clusters.map((c) => ({ code: c.clusterCode, value: c.liveMean })));
    const byRank = (a: number | null | undefined, b: number | null | undefined) => (a ?? Infinity) - (b ?? Infinity);
    return {
      fiscalYear: fy,
      asOf,
      rows: rows
        .map(({ row, live, last }) => ({
          orgUnitCode: row.org_unit_code,
          nameTh: row.org_name_th,
          nameEn: row.org_name_en,
          clusterCode: row.cluster_code,
          agreementId: row.agreement_id,
          status: row.status,
          liveScore: live?.score ?? null,
          liveFormatted: live?.formatted ?? null,
          liveRank: liveRank.get(row.org_unit_code) ?? null,
          lastRound: last,
          lastRoundRank: lastRank.get(row.org_unit_code) ?? null,
        }))
        .sort((a, b) => byRank(a.liveRank, b.liveRank) || a.orgUnitCode.localeCompare(b.orgUnitCode)),
      clusters: clusters
        .map((c): AgreementClusterMeanDto => ({ ...c, liveRank: clusterRank.get(c.clusterCode) ?? null }))
        .sort((a, b) => byRank(a.liveRank, b.liveRank) || a.clusterCode.localeCompare(b.clusterCode)),
    };
  }

  /** Per indicator code: how its live scores spread across the provinces that carry it. */
  async distribution(fiscalYear?: number, asOfDate?: string): Promise<AgreementDistributionDto> {
    const { asOf, fy } = this.resolve(fiscalYear, asOfDate);
    const groups = new Map<
      string,
      { first: AgreementScoreDto['indicators'][number]; weights: number[]; scores: number[] }
    >();
    for (const row of await this.provinces(fy, 'a.id IS NOT NULL')) {
      for (const line of this.live(row, fy, asOf)?.indicators ?? []) {
        const group = groups.get(line.code) ?? { first: line, weights: [], scores: [] };
        group.weights.push(line.weight);
        if (line.score !== null) group.scores.push(line.score);
        groups.set(line.code, group);
      }
    }
    return {
      fiscalYear: fy,
      asOf,
      indicators: [...groups.values()].map(({ first, weights, scores }): AgreementIndicatorDistributionDto => {
        const { count, ...summary } = summarizeScores(scores);
        return {
          code: first.code,
          nameTh: first.nameTh,
          nameEn: first.nameEn,
          unitTh: first.unitTh,
          unitEn: first.unitEn,
          direction: first.direction,
          kind: first.kind,
          provinces: weights.length,
          scored: count,
          meanWeight: mean(weights) ?? 0,
          ...summary,
        };
      }),
    };
  }
}

export interface LiveScoreRow {
  orgUnitCode: string;
  agreementId: string | null;
  status: AgreementStatusName | null;
  liveScore: number | null;
  liveFormatted: string | null;
  rank: number | null;
}
