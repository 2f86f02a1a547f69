import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  KpiStatusName,
  PublicKpiDto,
  PublicOverviewDto,
  PublicProvinceDto,
  ScorecardDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatSatang, parseBahtToSatang, rateFromSatang } from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/api-error';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { inPublishedPlan } from '../strategy/strategy-map.queries';

const ZERO = (): Record<KpiStatusName, number> => ({ green: 0, amber: 0, red: 0, grey: 0, none: 0 });

/**
 * The read models of the public dashboard, assembled from the services behind the ministry's
 * screens (scorecards, agreement rankings, disbursement rankings), so the public sees the same
 * figures, limited to what is public: approved results (the scorecards count nothing else), the
 * evaluated agreement rounds (never the live score, which moves with every approval) and GFMIS
 * figures. Nothing here names an officer.
 */
@Injectable()
export class PublicDashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly agreements: AgreementReadModelsService,
    private readonly disbursement: DisbursementReadModelsService,
  ) {}

  private when(fiscalYear?: number) {
    const today = bangkokDateOf(new Date());
    return { asOf: today, fy: fiscalYear ?? fiscalYearOf(today) };
  }

  async overview(fiscalYear?: number): Promise<PublicOverviewDto> {
    const { asOf, fy } = this.when(fiscalYear);
    const provinces: { code: string; name_th: string; name_en: string; cluster_code: string | null }[] =
      await this.dataSource.query(
        `SELECT u.code, u.name_th, u.name_en, CASE WHEN p.type = 'cluster' THEN p.code END AS cluster_code
         FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.type = 'province' ORDER BY u.code`,
      );
    const [ranking, money, ...cards] = await Promise.all([
      this.agreements.ranking(fy, asOf),
      this.disbursement.ranking('province', 'overall', { fiscalYear: fy, asOf }),
      ...provinces.map((p) => this.scorecards.scorecard(p.code, fy, asOf)),
    ]);
    const rounds = new Map(ranking.rows.map((r) => [r.orgUnitCode, r]));
    const rates = new Map(money.rows.map((r) => [r.code, r]));
    const kpiCounts = ZERO();
    let allocated = 0n;
    let disbursed = 0n;
    for (const r of money.rows) {
      allocated += parseBahtToSatang(r.allocated);
      disbursed += parseBahtToSatang(r.disbursed);
    }
    return {
      fiscalYear: fy,
      asOf,
      kpiCounts,
      disbursementTarget: money.target,
      disbursement: {
        allocated: formatSatang(allocated),
        disbursed: formatSatang(disbursed),
        rate: rateFromSatang(disbursed, allocated),
      },
      provinces: provinces.map((p, i) => {
        const card = cards[i] as ScorecardDto;
        for (const [status, n] of Object.entries(card.counts) as [KpiStatusName, number][]) kpiCounts[status] += n;
        const round = rounds.get(p.code);
        const rate = rates.get(p.code);
        return {
          code: p.code,
          nameTh: p.name_th,
          nameEn: p.name_en,
          clusterCode: p.cluster_code,
          kpiCounts: card.counts,
          performanceIndex: card.rollup.plan.performanceIndex,
          lastRound: round?.lastRound
            ? {
                round: round.lastRound.round,
                score: round.lastRound.score,
                formatted: round.lastRound.formatted,
                rank: round.lastRoundRank,
              }
            : null,
          disbursementRate: rate?.rate ?? null,
          disbursementRank: rate?.rank ?? null,
        };
      }),
    };
  }

  async province(code: string, fiscalYear?: number): Promise<PublicProvinceDto> {
    const { asOf, fy } = this.when(fiscalYear);
    const [unit] = await this.dataSource.query(
      `SELECT code, name_th, name_en FROM org_unit WHERE code = $1 AND type = 'province'`,
      [code],
    );
    if (!unit) throw notFound('notFound.unit');
    const [scorecard, money, agreement] = await Promise.all([
      this.scorecards.scorecard(code, fy, asOf),
      this.disbursement.summary(code, { fiscalYear: fy, asOf }),
      this.agreements.scorecard(code, fy, asOf).catch(() => null),
    ]);
    return {
      orgUnitCode: unit.code,
      nameTh: unit.name_th,
      nameEn: unit.name_en,
      fiscalYear: fy,
      asOf,
      scorecard,
      rounds: agreement?.rounds ?? [],
      disbursement: money,
    };
  }

  async kpi(kpiId: string, fiscalYear?: number): Promise<PublicKpiDto> {
    const { fy } = this.when(fiscalYear);
    const [k] = await this.dataSource.query(
      `SELECT k.id, k.code, k.name_th, k.name_en, k.unit_th, k.unit_en, k.direction, k.frequency, k.owner_agency_th,
              k.data_source, k.definition_th, u.code AS unit_code, u.name_th AS unit_name_th, u.name_en AS unit_name_en,
              (SELECT t.target::text FROM kpi_target t WHERE t.kpi_id = k.id AND t.period = $2::text AND t.state = 'published') AS target
       FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE k.id = $1 AND ${inPublishedPlan('k')}`,
      [kpiId, fy],
    );
    if (!k) throw notFound();
    // Approved results only: the narrative of anything not approved is internal.
    const results = await this.dataSource.query(
      `SELECT period, value::text, numerator::text, denominator::text, narrative_th,
              to_char(approved_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD') AS approved_on
       FROM kpi_result WHERE kpi_id = $1 AND fiscal_year = $2 AND status = 'approved' ORDER BY period`,
      [kpiId, fy],
    );
    return {
      kpiId: k.id,
      orgUnitCode: k.unit_code,
      orgUnitNameTh: k.unit_name_th,
      orgUnitNameEn: k.unit_name_en,
      code: k.code,
      nameTh: k.name_th,
      nameEn: k.name_en,
      unitTh: k.unit_th,
      unitEn: k.unit_en,
      direction: k.direction,
      frequency: k.frequency,
      ownerAgencyTh: k.owner_agency_th,
      dataSource: k.data_source,
      definitionTh: k.definition_th,
      fiscalYear: fy,
      target: k.target,
      results: results.map((r: Record<string, string | null>) => ({
        period: r['period'] as string,
        value: r['value'],
        numerator: r['numerator'],
        denominator: r['denominator'],
        narrativeTh: r['narrative_th'] ?? '',
        approvedOn: r['approved_on'],
      })),
    };
  }
}
