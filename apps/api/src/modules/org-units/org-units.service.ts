import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClusterDirectoryDto, ClusterWithProvincesDto, OrgUnitDto } from '@provdash/shared/contracts';
import { DataSource } from 'typeorm';

interface UnitRow {
  code: string;
  type: OrgUnitDto['type'];
  name_th: string;
  name_en: string;
  parent_code: string | null;
  region_code: string | null;
  iso: string | null;
  lat: string | null;
  lon: string | null;
}

function toDto(r: UnitRow): OrgUnitDto {
  return {
    code: r.code,
    type: r.type,
    nameTh: r.name_th,
    nameEn: r.name_en,
    parentCode: r.parent_code,
    iso: r.iso,
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
  };
}

@Injectable()
export class OrgUnitsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Clusters with their provinces in one query, ordered as the Cabinet lists them. */
  async clusterDirectory(): Promise<ClusterDirectoryDto> {
    const rows: UnitRow[] = await this.dataSource.query(`
      SELECT u.code, u.type, u.name_th, u.name_en, p.code AS parent_code, split_part(u.path, '/', 2) AS region_code,
             u.iso, u.lat, u.lon
      FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
      WHERE u.type IN ('cluster', 'province')
      ORDER BY u.type, u.sort_order, u.code`);
    const clusters = new Map<string, ClusterWithProvincesDto>();
    for (const r of rows.filter((x) => x.type === 'cluster')) {
      clusters.set(r.code, {
        code: r.code,
        nameTh: r.name_th,
        nameEn: r.name_en,
        regionCode: r.region_code ?? '',
        provinces: [],
      });
    }
    const unclustered: OrgUnitDto[] = [];
    for (const r of rows.filter((x) => x.type === 'province')) {
      const cluster = r.parent_code ? clusters.get(r.parent_code) : undefined;
      (cluster ? cluster.provinces : unclustered).push(toDto(r));
    }
    return { clusters: [...clusters.values()], unclustered };
  }
}
