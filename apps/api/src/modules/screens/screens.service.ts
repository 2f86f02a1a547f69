import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PROVINCE_VIEW_SLOWEST,
  type AgreementScorecardDto,
  type NationalOverviewDto,
  type ProvinceViewDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
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
      const [scorecard, [unit], agreement, disbursement, slowest] = await Promise.all([
        this.scorecards.scorecard(code, fiscalYear, asOf),
        m.query(`SELECT code, name_th AS "nameTh", name_en AS "nameEn" FROM org_unit WHERE code = $1`, [code]),
        this.agreements.scorecard(code, fiscalYear, asOf).catch(noneOn404),
        this.disbursement.summary(code, when),
        this.disbursement.slowest(code, PROVINCE_VIEW_SLOWEST, when),
      ]);
      return { unit, scorecard, agreement, disbursement, slowest };
    });
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
