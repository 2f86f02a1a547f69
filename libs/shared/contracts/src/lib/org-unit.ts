/** Levels of the administrative tree; districts may be added later without a schema change. */
export type OrgUnitType = 'country' | 'region' | 'cluster' | 'province';

export const ORG_UNIT_TYPES: readonly OrgUnitType[] = ['country', 'region', 'cluster', 'province'];

export interface OrgUnitDto {
  code: string;
  type: OrgUnitType;
  nameTh: string;
  nameEn: string;
  parentCode: string | null;
  /** ISO 3166-2:TH code; provinces only. */
  iso: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ClusterWithProvincesDto {
  code: string;
  nameTh: string;
  nameEn: string;
  regionCode: string;
  provinces: OrgUnitDto[];
}

/** The first screen: every cluster with its provinces, and the provinces outside any cluster (Bangkok). */
export interface ClusterDirectoryDto {
  clusters: ClusterWithProvincesDto[];
  unclustered: OrgUnitDto[];
}
