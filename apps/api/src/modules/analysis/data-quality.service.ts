import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataQualityDto, DataQualityFindingDto, ProvinceDataQualityDto } from '@provdash/shared/contracts';
import { bangkokDateOf, countFindings, fiscalYearOf, NEAR_LIMIT_SHARE, NO_FINDINGS } from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { notFound } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { QUALITY_COUNTRY_SQL, QUALITY_PROVINCE_SQL, qualityParams } from './data-quality-queries';

type ProvinceRow = DataQualityDto['provinces'][number];

/**
 * The data-quality follow-up (issue 22): confirmed outliers, values near the hard limits, results
 * changed after approval and late first submissions, per province, for the ministry to question.
 * One statement per screen (data-quality-queries.ts).
 */
@Injectable()
export class DataQualityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private frame(fiscalYear?: number, asOfDate?: string) {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    return { fiscalYear: fiscalYear ?? fiscalYearOf(asOf), asOf, deadlineDays: this.config.RESULT_DEADLINE_DAYS };
  }

  async country(fiscalYear?: number, asOfDate?: string): Promise<DataQualityDto> {
    const f = this.frame(fiscalYear, asOfDate);
    const provinces: ProvinceRow[] = await this.dataSource.query(
      QUALITY_COUNTRY_SQL,
      qualityParams(f.fiscalYear, f.asOf, f.deadlineDays, null),
    );
    const counts = { ...NO_FINDINGS };
    for (const p of provinces) for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += p.counts[k];
    return { ...f, nearLimitShare: NEAR_LIMIT_SHARE, counts, provinces };
  }

  async province(code: string, fiscalYear?: number, asOfDate?: string): Promise<ProvinceDataQualityDto> {
    const f = this.frame(fiscalYear, asOfDate);
    const [unit]: { id: string; code: string; name_th: string; name_en: string }[] = await this.dataSource.query(
      `SELECT id, code, name_th, name_en FROM org_unit WHERE code = $1 AND type = 'province'`,
      [code],
    );
    if (!unit) throw notFound('notFound.unit');
    const rows: { finding: DataQualityFindingDto }[] = await this.dataSource.query(
      QUALITY_PROVINCE_SQL,
      qualityParams(f.fiscalYear, f.asOf, f.deadlineDays, unit.id),
    );
    const findings = rows.map((r) => r.finding);
    return {
      ...f,
      nearLimitShare: NEAR_LIMIT_SHARE,
      province: { code: unit.code, nameTh: unit.name_th, nameEn: unit.name_en },
      counts: countFindings(findings.map((x) => x.kind)),
      findings,
    };
  }
}
