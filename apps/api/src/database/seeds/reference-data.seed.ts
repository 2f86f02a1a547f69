import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';

/** The Interior Ministry's reference lists, copied from shared/data; the webpack build ships them as assets. */
const DATA_DIR = join(__dirname, 'data');

const COUNTRY = { code: 'TH', nameTh: 'ประเทศไทย', nameEn: 'Thailand' };

export const REGIONS: Record<string, { nameTh: string; nameEn: string }> = {
  central: { nameTh: 'ภาคกลาง', nameEn: 'Central' },
  east: { nameTh: 'ภาคตะวันออก', nameEn: 'East' },
  north: { nameTh: 'ภาคเหนือ', nameEn: 'North' },
  northeast: { nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  south: { nameTh: 'ภาคใต้', nameEn: 'South' },
};

/** Bangkok is in no cluster; it sits directly under its macro-region. */
const UNCLUSTERED_REGION: Record<string, string> = { '10': 'central' };

interface ClusterRow {
  code: string;
  name_th: string;
  name_en: string;
  macro_region: string;
}

interface ProvinceRow {
  code: string;
  iso: string;
  name_th: string;
  name_en: string;
  cluster: string;
  lat: string;
  lon: string;
}

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(join(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

interface UnitRow {
  code: string;
  type: string;
  nameTh: string;
  nameEn: string;
  parentCode: string | null;
  iso?: string | null;
  lat?: string | null;
  lon?: string | null;
  sortOrder: number;
}

async function upsertUnit(m: EntityManager, u: UnitRow): Promise<void> {
  // The path is derived from the parent's path in the same statement, so parents must come first.
  await m.query(
    `INSERT INTO org_unit (code, type, name_th, name_en, parent_id, path, iso, lat, lon, sort_order)
     SELECT $1::varchar, $2::varchar, $3::varchar, $4::varchar, p.id, COALESCE(p.path || '/', '') || $1::varchar,
            $6::varchar, $7::numeric, $8::numeric, $9::integer
     FROM (SELECT 1) one LEFT JOIN org_unit p ON p.code = $5::varchar
     ON CONFLICT (code) DO UPDATE SET
       type = EXCLUDED.type, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
       parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, iso = EXCLUDED.iso,
       lat = EXCLUDED.lat, lon = EXCLUDED.lon, sort_order = EXCLUDED.sort_order,
       version = org_unit.version + 1, updated_at = now()
     WHERE (org_unit.type, org_unit.name_th, org_unit.name_en, org_unit.parent_id, org_unit.path,
            org_unit.iso, org_unit.lat, org_unit.lon, org_unit.sort_order)
       IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.name_th, EXCLUDED.name_en, EXCLUDED.parent_id, EXCLUDED.path,
            EXCLUDED.iso, EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.sort_order)`,
    [u.code, u.type, u.nameTh, u.nameEn, u.parentCode, u.iso ?? null, u.lat ?? null, u.lon ?? null, u.sortOrder],
  );
}

/** Country, macro-regions, 18 clusters and 77 provinces. Idempotent: unchanged rows are left alone. */
export async function seedReferenceData(dataSource: DataSource): Promise<void> {
  const clusters = readCsv<ClusterRow>('clusters.csv');
  const provinces = readCsv<ProvinceRow>('provinces.csv');
  await dataSource.transaction(async (m) => {
    await upsertUnit(m, {
      ...COUNTRY,
      type: 'country',
      parentCode: null,
      sortOrder: 0,
    });
    for (const [i, [code, r]] of Object.entries(REGIONS).entries()) {
      await upsertUnit(m, {
        code,
        type: 'region',
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        parentCode: COUNTRY.code,
        sortOrder: i,
      });
    }
    for (const [i, c] of clusters.entries()) {
      if (!REGIONS[c.macro_region])
        throw new Error(`clusters.csv: unknown macro_region "${c.macro_region}" for ${c.code}`);
      await upsertUnit(m, {
        code: c.code,
        type: 'cluster',
        nameTh: c.name_th,
        nameEn: c.name_en,
        parentCode: c.macro_region,
        sortOrder: i,
      });
    }
    for (const [i, p] of provinces.entries()) {
      const parentCode = p.cluster || UNCLUSTERED_REGION[p.code];
      if (!parentCode) throw new Error(`provinces.csv: province ${p.code} has neither a cluster nor a known region`);
      await upsertUnit(m, {
        code: p.code,
        type: 'province',
        nameTh: p.name_th,
        nameEn: p.name_en,
        parentCode,
        iso: p.iso,
        lat: p.lat,
        lon: p.lon,
        sortOrder: i,
      });
    }
  });
}
