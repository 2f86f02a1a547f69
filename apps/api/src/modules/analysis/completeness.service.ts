import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CompletenessDto,
  CompletenessProvinceDto,
  CompletenessUnitDto,
  ProvinceCompletenessDto,
  ReportingCountsDto,
} from '@provdash/shared/contracts';
import {
  bangkokDateOf,
  countReporting,
  fiscalYearOf,
  isPeriodDue,
  NO_REPORTING,
  periodsOfYear,
} from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { ApiError, notFound } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { COMPLETENESS_SQL, completenessParams, PROVINCE_OWED_SQL } from './completeness-queries';

interface GroupRow extends ReportingCountsDto {
  level: number;
  region_code: string | null;
  cluster_code: string | null;
  code: string | null;
  nameTh: string | null;
  nameEn: string | null;
}

const countsOf = (r: ReportingCountsDto): ReportingCountsDto => ({
  due: r.due,
  reported: r.reported,
  onTime: r.onTime,
  late: r.late,
  approved: r.approved,
  returned: r.returned,
});

/** Reporting completeness and timeliness (DHIS2's reporting-rate summary) for the ministry's analysis desk. */
@Injectable()
export class CompletenessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private owed(fiscalYear: number, asOf: string, month: string | null): unknown[] {
    if (month && Number(month.slice(0, 4)) !== fiscalYear)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'analysis.monthOutsideYear');
    return completenessParams(fiscalYear, asOf, month, this.config.RESULT_DEADLINE_DAYS);
  }

  private frame(fiscalYear?: number, asOfDate?: string, month?: string) {
    const asOf = asOfDate ?? bangkokDateOf(new Date());
    const fy = fiscalYear ?? (month ? Number(month.slice(0, 4)) : fiscalYearOf(asOf));
    return { fy, asOf, month: month ?? null, deadlineDays: this.config.RESULT_DEADLINE_DAYS };
  }

  async country(fiscalYear?: number, asOfDate?: string, month?: string): Promise<CompletenessDto> {
    const { fy, asOf, month: m, deadlineDays } = this.frame(fiscalYear, asOfDate, month);
    const rows: GroupRow[] = await this.dataSource.query(COMPLETENESS_SQL, this.owed(fy, asOf, m));
    const unit = (r: GroupRow, code: string): CompletenessUnitDto => ({
      code,
      nameTh: r.nameTh ?? code,
      nameEn: r.nameEn ?? code,
      counts: countsOf(r),
    });
    const country = rows.find((r) => r.level === 7);
    return {
      fiscalYear: fy,
      month: m,
      asOf,
      deadlineDays,
      months: periodsOfYear(fy, 'monthly').filter((p) => isPeriodDue(p, asOf)),
      country: country ? countsOf(country) : { ...NO_REPORTING },
      regions: rows.filter((r) => r.level === 3).map((r) => unit(r, r.region_code as string)),
      // Bangkok belongs to no cluster: its (region, no cluster) sum is not a cluster.
      clusters: rows
        .filter((r) => r.level === 1 && r.cluster_code)
        .map((r) => ({ ...unit(r, r.cluster_code as string), regionCode: r.region_code as string })),
      provinces: rows
        .filter((r) => r.level === 0)
        .map(
          (r): CompletenessProvinceDto => ({
            ...unit(r, r.code as string),
            clusterCode: r.cluster_code,
            regionCode: r.region_code as string,
          }),
        ),
    };
  }

  /** One province's owed results KPI by KPI; its counts are the domain lib's, over the same rows. */
  async province(
    code: string,
    fiscalYear?: number,
    asOfDate?: string,
    month?: string,
  ): Promise<ProvinceCompletenessDto> {
    const { fy, asOf, month: m, deadlineDays } = this.frame(fiscalYear, asOfDate, month);
    const [unit]: { id: string; code: string; name_th: string; name_en: string }[] = await this.dataSource.query(
      `SELECT id, code, name_th, name_en FROM org_unit WHERE code = $1 AND type = 'province'`,
      [code],
    );
    if (!unit) throw notFound('notFound.unit');
    const kpis: ProvinceCompletenessDto['kpis'] = await this.dataSource.query(PROVINCE_OWED_SQL, [
      ...this.owed(fy, asOf, m),
      unit.id,
    ]);
    return {
      fiscalYear: fy,
      month: m,
      asOf,
      deadlineDays,
      province: { code: unit.code, nameTh: unit.name_th, nameEn: unit.name_en },
      counts: countReporting(
        kpis.flatMap((k) => k.owed),
        asOf,
        deadlineDays,
      ),
      kpis,
    };
  }
}
