import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { notFound } from '../../common/api-error';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PROVINCE_VIEW_SLOWEST,
  type AgreementScorecardDto,
  type ClusterScreenDto,
  type ClusterStrategyDto,
  type NationalOverviewDto,
  type ProvinceViewDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { ForecastsService } from '../analysis/forecasts.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { RoomCache } from '../realtime/room-cache';
import { ScorecardsService } from '../scorecards/scorecards.service';

/** Provinces for a year or two and a few days each; every answer is a few tens of KiB. */
const CACHED_PROVINCE_VIEWS = 400;
const CACHED_OVERVIEWS = 20;

/**
 * A screen's first paint in one answer, composed from the read models its routes answer one by
 * one (nothing is computed twice: each part comes from its own service, cached there or not).
 *
 * The composed answer is kept (RoomCache) while neither the national room nor the province's room
 * has moved: the national room hears every approval, import, round and target change, so a kept
 * answer never outlives a change of any part. Being the same object while it stands, it is also
 * sent from its kept bytes (@SendsKeptBytes: JSON and compressed copies made once).
 */
@Injectable()
export class ScreensService {
  private readonly provinceViews = new RoomCache<ProvinceViewDto>(CACHED_PROVINCE_VIEWS);
  private readonly overviews = new RoomCache<NationalOverviewDto>(CACHED_OVERVIEWS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly agreements: AgreementReadModelsService,
    private readonly disbursement: DisbursementReadModelsService,
    private readonly forecasts: ForecastsService,
  ) {}

  async provinceView(code: string, fiscalYear?: number, asOf?: string): Promise<ProvinceViewDto> {
    const m = this.dataSource.manager;
    // Both counters in one round trip; a unit that is no province has no room and is refused below.
    const [row] = await m.query(
      `SELECT coalesce(string_agg(room || '=' || seq::text, ',' ORDER BY room), '') AS seq
         FROM realtime_room WHERE room IN ('national', 'province:' || $1)`,
      [code],
    );
    const key = `${code}|${fiscalYear ?? ''}|${asOf ?? bangkokDateOf(new Date())}`;
    return this.provinceViews.at(m, key, row.seq as string, async () => {
      const when = { fiscalYear, asOf };
      const [scorecard, [unit], agreement, disbursement, slowest, forecasts, contributions] = await Promise.all([
        this.scorecards.scorecard(code, fiscalYear, asOf),
        m.query(`SELECT code, name_th AS "nameTh", name_en AS "nameEn" FROM org_unit WHERE code = $1`, [code]),
        this.agreements.scorecard(code, fiscalYear, asOf).catch(noneOn404),
        this.disbursement.summary(code, when),
        this.disbursement.slowest(code, PROVINCE_VIEW_SLOWEST, when),
        this.forecasts.province(code, fiscalYear, asOf),
        this.forecasts.contributions(code, fiscalYear, asOf),
      ]);
      return { unit, scorecard, agreement, disbursement, slowest, forecasts, contributions };
    });
  }

  /** A cluster's screen; each part comes from its own read model (cached there). */
  async clusterScreen(code: string, fiscalYear?: number, asOf?: string): Promise<ClusterScreenDto> {
    const [unit]: ClusterScreenDto['unit'][] = await this.dataSource.query(
      `SELECT c.code, c.name_th AS "nameTh", c.name_en AS "nameEn", r.code AS "regionCode"
         FROM org_unit c JOIN org_unit r ON r.id = c.parent_id WHERE c.code = $1 AND c.type = 'cluster'`,
      [code],
    );
    if (!unit) throw notFound('notFound.unit');
    const [view, plan, disbursement] = await Promise.all([
      this.scorecards.clusterView(code, fiscalYear, asOf),
      this.scorecards.scorecard(code, fiscalYear, asOf),
      this.disbursement.summary(code, { fiscalYear, asOf }),
    ]);
    const strategy = await this.clusterStrategy(
      code,
      view.fiscalYear,
      view.asOf,
      view.provinces.map((p) => p.code),
    );
    return { unit, view, plan, strategy, disbursement };
  }

  /**
   * The cascade of a cluster's plan: its goals and, for each, the provincial goals linked up to it
   * (`goal.contributes_to_goal_id`), lit from the provinces' own scorecards. A cluster goal's light
   * is the domain roll-up of all its contributing KPIs together.
   */
  private async clusterStrategy(
    code: string,
    fy: number,
    asOf: string,
    provinces: string[],
  ): Promise<ClusterStrategyDto> {
    const rows: {
      plan_id: string;
      plan_name_th: string;
      plan_name_en: string;
      code: string;
      name_th: string;
      name_en: string;
      national_pillar: number | null;
      contributors: { provinceCode: string; goalCode: string; nameTh: string; nameEn: string }[];
    }[] = await this.dataSource.query(
      `SELECT p.id AS plan_id, p.name_th AS plan_name_th, p.name_en AS plan_name_en, g.code, g.name_th, g.name_en, g.national_pillar,
              COALESCE((SELECT json_agg(json_build_object('provinceCode', pu.code, 'goalCode', pg.code, 'nameTh', pg.name_th, 'nameEn', pg.name_en)
                                        ORDER BY pu.code, pg.code)
                          FROM goal pg JOIN strategic_issue pi ON pi.id = pg.issue_id JOIN plan pp ON pp.id = pi.plan_id
                          JOIN org_unit pu ON pu.id = pp.org_unit_id
                         WHERE pg.contributes_to_goal_id = g.id AND pu.type = 'province' AND $2 BETWEEN pp.start_fy AND pp.end_fy), '[]') AS contributors
         FROM plan p JOIN org_unit u ON u.id = p.org_unit_id
         JOIN strategic_issue i ON i.plan_id = p.id JOIN goal g ON g.issue_id = i.id
        WHERE u.code = $1 AND u.type = 'cluster' AND p.status = 'published' AND $2 BETWEEN p.start_fy AND p.end_fy
        ORDER BY g.code`,
      [code, fy],
    );
    const rollUp = await this.scorecards.provincialGoalRollup(provinces, fy, asOf);
    const pairs = (cs: { provinceCode: string; goalCode: string }[]) =>
      cs.map((c) => ({ province: c.provinceCode, goal: c.goalCode }));
    return {
      planId: rows[0]?.plan_id ?? null,
      planNameTh: rows[0]?.plan_name_th ?? null,
      planNameEn: rows[0]?.plan_name_en ?? null,
      goals: rows.map((g) => ({
        code: g.code,
        nameTh: g.name_th,
        nameEn: g.name_en,
        nationalPillar: g.national_pillar,
        summary: rollUp(pairs(g.contributors)),
        contributors: g.contributors.map((c) => ({ ...c, summary: rollUp(pairs([c])) })),
      })),
    };
  }

  async nationalOverview(fiscalYear?: number, asOf?: string): Promise<NationalOverviewDto> {
    const key = `${fiscalYear ?? ''}|${asOf ?? bangkokDateOf(new Date())}`;
    return this.overviews.through(this.dataSource.manager, 'national', key, async () => {
      const when = { fiscalYear, asOf };
      const [clusters, disbursement, agreements] = await Promise.all([
        this.scorecards.clusterStatus(fiscalYear, asOf),
        this.disbursement.ranking('province', 'overall', when),
        this.agreements.ranking(fiscalYear, asOf),
      ]);
      return { clusters, disbursement, agreements };
    });
  }
}

/** The agreement's route answers 404 when the province has no signed agreement that year: here, null. */
function noneOn404(error: unknown): AgreementScorecardDto | null {
  if (error instanceof HttpException && error.getStatus() === HttpStatus.NOT_FOUND) return null;
  throw error;
}
