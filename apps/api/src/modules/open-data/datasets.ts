import type {
  OpenDataColumnDto,
  OpenDataColumnType,
  OpenDataFilterName,
  OpenDatasetId,
} from '@provdash/shared/contracts';
import { inPublishedPlan } from '../strategy/strategy-map.queries';

/**
 * The open datasets: for each, its columns (the data dictionary) and the one SQL statement that
 * selects its rows. The paged API (`/api/public/<id>`) and the downloads (CSV, JSON, XLSX) run the
 * same statement, so a row reads the same everywhere.
 *
 * What is public here, and only this: approved KPI results (drafts, submissions and returned
 * results never; results carry no "internal" flag, so every narrative of a result that is not
 * approved counts as internal and none is selected), the rounds of agreements that were evaluated
 * (frozen scores), definitions, targets, budgets and GFMIS figures. No column names a person: the
 * submitter, approver and evaluator ids stay in the database, and so do return reasons.
 *
 * Every value is selected as text (numerics exactly as PostgreSQL holds them); the column's type
 * tells the JSON and XLSX writers how to present it.
 */

export interface DatasetFilter {
  fiscalYear?: number;
  /** The path of the scope unit: rows of that unit and every unit below it. */
  scopePath?: string;
  type?: string;
  kpiCode?: string;
  period?: string;
  round?: number;
  budgetType?: string;
  month?: string;
}

export interface DatasetColumn extends OpenDataColumnDto {
  /** The SQL expression, selected as text. */
  sql: string;
}

export interface DatasetDefinition {
  id: OpenDatasetId;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  byFiscalYear: boolean;
  filters: OpenDataFilterName[];
  columns: DatasetColumn[];
  /** FROM and joins; the unit whose scope a row belongs to is `u`. */
  from: string;
  /** Conditions that make a row public at all. */
  publicOnly?: string;
  groupBy?: string;
  orderBy: string;
  /** Per filter that applies, the condition with `$n` for its value. */
  conditions: Partial<Record<keyof DatasetFilter, (p: string) => string>>;
  /** When the dataset last changed; `$1` is unused. */
  lastUpdatedSql: string;
}

function col(
  name: string,
  sql: string,
  type: OpenDataColumnType,
  descriptionTh: string,
  descriptionEn: string,
  unit: [string, string] | null = null,
): DatasetColumn {
  return { name, sql, type, unitTh: unit?.[0] ?? null, unitEn: unit?.[1] ?? null, descriptionTh, descriptionEn };
}

const BAHT: [string, string] = ['บาท', 'baht'];
const PERCENT: [string, string] = ['ร้อยละ', 'percent'];
const bangkokDate = (sql: string) => `to_char((${sql}) AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD')`;
const inScope = (p: string) => `(u.path = ${p} OR u.path LIKE ${p} || '/%')`;

const unitColumns = [
  col(
    'org_unit_code',
    'u.code',
    'string',
    'รหัสหน่วยงาน (รหัสจังหวัดของกระทรวงมหาดไทย = ISO 3166-2:TH)',
    'Unit code (Interior Ministry province code = ISO 3166-2:TH)',
  ),
  col('org_unit_name_th', 'u.name_th', 'string', 'ชื่อหน่วยงาน (ไทย)', 'Unit name (Thai)'),
  col('org_unit_name_en', 'u.name_en', 'string', 'ชื่อหน่วยงาน (อังกฤษ)', 'Unit name (English)'),
];

const DATASETS: DatasetDefinition[] = [
  {
    id: 'org-units',
    titleTh: 'หน่วยงาน: ประเทศ ภาค กลุ่มจังหวัด จังหวัด',
    titleEn: 'Org units: country, regions, province clusters, provinces',
    descriptionTh:
      'โครงสร้างพื้นที่ตามมติคณะรัฐมนตรี: 5 ภาค 18 กลุ่มจังหวัด 77 จังหวัด (กรุงเทพมหานครไม่อยู่ในกลุ่มจังหวัด)',
    descriptionEn:
      'The tree of places by Cabinet resolution: 5 regions, 18 clusters, 77 provinces (Bangkok is in no cluster).',
    byFiscalYear: false,
    filters: ['scope', 'type'],
    columns: [
      col('code', 'u.code', 'string', 'รหัสหน่วยงาน', 'Unit code'),
      col(
        'type',
        'u.type',
        'string',
        'ระดับ: country, region, cluster, province',
        'Level: country, region, cluster, province',
      ),
      col('name_th', 'u.name_th', 'string', 'ชื่อ (ไทย)', 'Name (Thai)'),
      col('name_en', 'u.name_en', 'string', 'ชื่อ (อังกฤษ)', 'Name (English)'),
      col('parent_code', 'parent.code', 'string', 'รหัสหน่วยงานแม่', 'Code of the parent unit'),
      col('region_code', `NULLIF(split_part(u.path, '/', 2), '')`, 'string', 'รหัสภาค', 'Region code'),
      col(
        'cluster_code',
        `CASE WHEN u.type = 'cluster' THEN u.code WHEN parent.type = 'cluster' THEN parent.code END`,
        'string',
        'รหัสกลุ่มจังหวัด (ว่างถ้าไม่อยู่ในกลุ่ม)',
        'Cluster code (empty outside any cluster)',
      ),
      col('iso_code', 'u.iso', 'string', 'รหัส ISO 3166-2', 'ISO 3166-2 code'),
      col('latitude', 'u.lat::text', 'number', 'ละติจูดของศาลากลาง', 'Latitude of the provincial hall', [
        'องศา',
        'degrees',
      ]),
      col('longitude', 'u.lon::text', 'number', 'ลองจิจูดของศาลากลาง', 'Longitude of the provincial hall', [
        'องศา',
        'degrees',
      ]),
    ],
    from: 'FROM org_unit u LEFT JOIN org_unit parent ON parent.id = u.parent_id',
    orderBy: 'u.path',
    conditions: { scopePath: inScope, type: (p) => `u.type = ${p}` },
    lastUpdatedSql: 'SELECT max(updated_at) AS at FROM org_unit',
  },
  {
    id: 'plans',
    titleTh: 'แผนพัฒนาจังหวัดและกลุ่มจังหวัด: ประเด็นยุทธศาสตร์และเป้าประสงค์',
    titleEn: 'Development plans: strategic issues and goals',
    descriptionTh:
      'หนึ่งแถวต่อเป้าประสงค์ พร้อมแผนและประเด็นยุทธศาสตร์ที่เป้าประสงค์นั้นอยู่ (ไม่รวมรายการที่ยกเลิกแล้ว)',
    descriptionEn: 'One row per goal, with its plan and strategic issue (retired items left out).',
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope'],
    columns: [
      col('plan_id', 'pl.id::text', 'string', 'รหัสแผน (UUID)', 'Plan id (UUID)'),
      ...unitColumns,
      col('plan_name_th', 'pl.name_th', 'string', 'ชื่อแผน (ไทย)', 'Plan name (Thai)'),
      col('plan_name_en', 'pl.name_en', 'string', 'ชื่อแผน (อังกฤษ)', 'Plan name (English)'),
      col(
        'start_fiscal_year',
        'pl.start_fy::text',
        'integer',
        'ปีงบประมาณแรกของแผน (พ.ศ.)',
        'First fiscal year of the plan (B.E.)',
      ),
      col(
        'end_fiscal_year',
        'pl.end_fy::text',
        'integer',
        'ปีงบประมาณสุดท้ายของแผน (พ.ศ.)',
        'Last fiscal year of the plan (B.E.)',
      ),
      col('vision_th', 'pl.vision_th', 'string', 'วิสัยทัศน์ (ไทย)', 'Vision (Thai)'),
      col('vision_en', 'pl.vision_en', 'string', 'วิสัยทัศน์ (อังกฤษ)', 'Vision (English)'),
      col('issue_code', 'i.code', 'string', 'รหัสประเด็นยุทธศาสตร์', 'Strategic issue code'),
      col('issue_name_th', 'i.name_th', 'string', 'ประเด็นยุทธศาสตร์ (ไทย)', 'Strategic issue (Thai)'),
      col('issue_name_en', 'i.name_en', 'string', 'ประเด็นยุทธศาสตร์ (อังกฤษ)', 'Strategic issue (English)'),
      col('goal_code', 'g.code', 'string', 'รหัสเป้าประสงค์', 'Goal code'),
      col('goal_name_th', 'g.name_th', 'string', 'เป้าประสงค์ (ไทย)', 'Goal (Thai)'),
      col('goal_name_en', 'g.name_en', 'string', 'เป้าประสงค์ (อังกฤษ)', 'Goal (English)'),
      col(
        'national_pillar',
        'g.national_pillar::text',
        'integer',
        'ยุทธศาสตร์ชาติด้านที่ (1–6)',
        'National strategy pillar (1–6)',
      ),
    ],
    from: `FROM plan pl JOIN org_unit u ON u.id = pl.org_unit_id
      LEFT JOIN strategic_issue i ON i.plan_id = pl.id AND i.retired_at IS NULL
      LEFT JOIN goal g ON g.issue_id = i.id AND g.retired_at IS NULL`,
    publicOnly: `pl.status = 'published'`,
    orderBy: 'u.path, pl.start_fy, pl.id, i.seq, i.code, g.seq, g.code',
    conditions: { scopePath: inScope, fiscalYear: (p) => `${p}::int BETWEEN pl.start_fy AND pl.end_fy` },
    lastUpdatedSql: `SELECT greatest((SELECT max(updated_at) FROM plan), (SELECT max(updated_at) FROM strategic_issue),
      (SELECT max(updated_at) FROM goal)) AS at`,
  },
  {
    id: 'kpis',
    titleTh: 'ตัวชี้วัดและนิยาม',
    titleEn: 'KPIs and their definitions',
    descriptionTh:
      'ตัวชี้วัดของแผนพัฒนา พร้อมหน่วยนับ ทิศทาง ความถี่ วิธีรวมผล ค่าฐาน หน่วยงานเจ้าของ แหล่งข้อมูล และนิยาม',
    descriptionEn:
      'KPIs of the plans with unit, direction, frequency, roll-up, baseline, owner agency, data source and definition.',
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'kpiCode'],
    columns: [
      col('kpi_id', 'k.id::text', 'string', 'รหัสตัวชี้วัดในระบบ (UUID)', 'KPI id (UUID)'),
      ...unitColumns,
      col('plan_id', 'pl.id::text', 'string', 'รหัสแผน (UUID)', 'Plan id (UUID)'),
      col('issue_code', 'i.code', 'string', 'รหัสประเด็นยุทธศาสตร์', 'Strategic issue code'),
      col('goal_code', 'g.code', 'string', 'รหัสเป้าประสงค์', 'Goal code'),
      col('kpi_code', 'k.code', 'string', 'รหัสตัวชี้วัด', 'KPI code'),
      col('name_th', 'k.name_th', 'string', 'ชื่อตัวชี้วัด (ไทย)', 'KPI name (Thai)'),
      col('name_en', 'k.name_en', 'string', 'ชื่อตัวชี้วัด (อังกฤษ)', 'KPI name (English)'),
      col('unit_th', 'k.unit_th', 'string', 'หน่วยนับ (ไทย)', 'Unit of measure (Thai)'),
      col('unit_en', 'k.unit_en', 'string', 'หน่วยนับ (อังกฤษ)', 'Unit of measure (English)'),
      col(
        'direction',
        'k.direction',
        'string',
        'ทิศทาง: higher_better, lower_better, band',
        'Direction: higher_better, lower_better, band',
      ),
      col(
        'frequency',
        'k.frequency',
        'string',
        'ความถี่การรายงาน: monthly, quarterly, half_yearly, yearly',
        'Reporting frequency: monthly, quarterly, half_yearly, yearly',
      ),
      col(
        'rollup',
        'k.rollup',
        'string',
        'วิธีรวมผลทั้งปี: sum, average, last, ratio',
        'How periods roll up: sum, average, last, ratio',
      ),
      col(
        'ratio_multiplier',
        'k.ratio_multiplier::text',
        'number',
        'ตัวคูณของอัตราส่วน (100 = ร้อยละ)',
        'Multiplier of a ratio (100 = percent)',
      ),
      col(
        'band_min',
        'k.band_min::text',
        'number',
        'ขอบล่างของช่วงที่ดี (ตัวชี้วัดแบบช่วง)',
        'Lower edge of the good band (band KPIs)',
        ['หน่วยนับของตัวชี้วัด', 'KPI unit'],
      ),
      col(
        'band_max',
        'k.band_max::text',
        'number',
        'ขอบบนของช่วงที่ดี (ตัวชี้วัดแบบช่วง)',
        'Upper edge of the good band (band KPIs)',
        ['หน่วยนับของตัวชี้วัด', 'KPI unit'],
      ),
      col('baseline_value', 'k.baseline_value::text', 'number', 'ค่าฐาน', 'Baseline value', [
        'หน่วยนับของตัวชี้วัด',
        'KPI unit',
      ]),
      col(
        'baseline_fiscal_year',
        'k.baseline_fy::text',
        'integer',
        'ปีงบประมาณของค่าฐาน (พ.ศ.)',
        'Fiscal year of the baseline (B.E.)',
      ),
      col('owner_agency_th', 'k.owner_agency_th', 'string', 'หน่วยงานเจ้าของตัวชี้วัด', 'Owner agency (Thai)'),
      col(
        'owner_agency_en',
        'k.owner_agency_en',
        'string',
        'หน่วยงานเจ้าของตัวชี้วัด (อังกฤษ)',
        'Owner agency (English)',
      ),
      col('data_source', 'k.data_source', 'string', 'แหล่งข้อมูล', 'Data source'),
      col(
        'definition_th',
        'k.definition_th',
        'string',
        'นิยามและวิธีคำนวณ',
        'Definition and how it is computed (Thai)',
      ),
    ],
    from: `FROM kpi k JOIN goal g ON g.id = k.goal_id JOIN strategic_issue i ON i.id = g.issue_id
      JOIN plan pl ON pl.id = i.plan_id JOIN org_unit u ON u.id = k.org_unit_id`,
    publicOnly: `k.retired_at IS NULL AND g.retired_at IS NULL AND i.retired_at IS NULL AND pl.status = 'published'`,
    orderBy: 'u.path, i.seq, g.seq, k.code, k.id',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `${p}::int BETWEEN pl.start_fy AND pl.end_fy`,
      kpiCode: (p) => `k.code = ${p}`,
    },
    lastUpdatedSql: 'SELECT max(updated_at) AS at FROM kpi',
  },
  {
    id: 'results',
    titleTh: 'ผลการดำเนินงานตามตัวชี้วัด (อนุมัติแล้ว)',
    titleEn: 'KPI results (approved)',
    descriptionTh:
      'ผลรายงวดที่จังหวัดอนุมัติแล้วเท่านั้น พร้อมคำอธิบายผลและลิงก์หลักฐาน ไม่รวมร่าง ผลที่รออนุมัติ หรือผลที่ถูกส่งกลับ',
    descriptionEn:
      'Results per period that the province approved, with the narrative and evidence links. Drafts, submissions and returned results are never included.',
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'kpiCode', 'period'],
    columns: [
      ...unitColumns,
      col('kpi_code', 'k.code', 'string', 'รหัสตัวชี้วัด', 'KPI code'),
      col('kpi_name_th', 'k.name_th', 'string', 'ชื่อตัวชี้วัด (ไทย)', 'KPI name (Thai)'),
      col('kpi_name_en', 'k.name_en', 'string', 'ชื่อตัวชี้วัด (อังกฤษ)', 'KPI name (English)'),
      col('unit_th', 'k.unit_th', 'string', 'หน่วยนับ', 'Unit of measure (Thai)'),
      col('fiscal_year', 'r.fiscal_year::text', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'),
      col(
        'period',
        'r.period',
        'string',
        'งวด: 2569 (ทั้งปี), 2569-M01 (เดือนที่ 1 = ต.ค.), 2569-Q1, 2569-H1',
        'Period: 2569 (year), 2569-M01 (month 1 = October), 2569-Q1, 2569-H1',
      ),
      col(
        'value',
        'r.value::text',
        'number',
        'ค่าผลการดำเนินงาน (ว่างสำหรับตัวชี้วัดแบบอัตราส่วน)',
        'Result value (empty for ratio KPIs)',
        ['หน่วยนับของตัวชี้วัด', 'KPI unit'],
      ),
      col('numerator', 'r.numerator::text', 'number', 'ตัวตั้ง (ตัวชี้วัดแบบอัตราส่วน)', 'Numerator (ratio KPIs)'),
      col('denominator', 'r.denominator::text', 'number', 'ตัวหาร (ตัวชี้วัดแบบอัตราส่วน)', 'Denominator (ratio KPIs)'),
      col('narrative_th', 'r.narrative_th', 'string', 'คำอธิบายผลการดำเนินงาน', 'Narrative (Thai)'),
      col(
        'evidence_urls',
        `(SELECT string_agg(e->>'url', ' ' ORDER BY n) FROM jsonb_array_elements(r.evidence) WITH ORDINALITY AS x(e, n))`,
        'string',
        'ลิงก์หลักฐาน คั่นด้วยช่องว่าง',
        'Evidence links, separated by spaces',
      ),
      col(
        'approved_on',
        bangkokDate('r.approved_at'),
        'date',
        'วันที่อนุมัติ (เวลาประเทศไทย)',
        'Day of approval (Bangkok time)',
      ),
    ],
    from: 'FROM kpi_result r JOIN kpi k ON k.id = r.kpi_id JOIN org_unit u ON u.id = k.org_unit_id',
    publicOnly: `r.status = 'approved' AND ${inPublishedPlan('k')}`,
    orderBy: 'u.path, k.code, r.period, r.id',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `r.fiscal_year = ${p}::int`,
      kpiCode: (p) => `k.code = ${p}`,
      period: (p) => `r.period = ${p}`,
    },
    // The approved set changes only by approving (a newer approved_at) or reopening (one fewer row).
    lastUpdatedSql: `SELECT max(approved_at) AS at, count(*)::text AS n FROM kpi_result WHERE status = 'approved'`,
  },
  {
    id: 'targets',
    titleTh: 'ค่าเป้าหมายของตัวชี้วัด',
    titleEn: 'KPI targets',
    descriptionTh: 'ค่าเป้าหมายรายปี และค่าเป้าหมายรายงวด (ถ้ามี) ของตัวชี้วัด',
    descriptionEn: 'Yearly targets of the KPIs and, where set, targets per period (the trajectory).',
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'kpiCode'],
    columns: [
      ...unitColumns,
      col('kpi_code', 'k.code', 'string', 'รหัสตัวชี้วัด', 'KPI code'),
      col('kpi_name_th', 'k.name_th', 'string', 'ชื่อตัวชี้วัด (ไทย)', 'KPI name (Thai)'),
      col('unit_th', 'k.unit_th', 'string', 'หน่วยนับ', 'Unit of measure (Thai)'),
      col('fiscal_year', 't.fiscal_year::text', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'),
      col(
        'period',
        't.period',
        'string',
        'งวดของค่าเป้าหมาย (ปี หรือ เดือน/ไตรมาส/ครึ่งปี)',
        'Period of the target (the year, or a month/quarter/half)',
      ),
      col(
        'period_type',
        `CASE WHEN t.period ~ '^[0-9]{4}$' THEN 'year' WHEN t.period LIKE '%-M%' THEN 'month'
              WHEN t.period LIKE '%-Q%' THEN 'quarter' ELSE 'half' END`,
        'string',
        'ชนิดงวด: year, month, quarter, half',
        'Period type: year, month, quarter, half',
      ),
      col('target', 't.target::text', 'number', 'ค่าเป้าหมาย', 'Target value', ['หน่วยนับของตัวชี้วัด', 'KPI unit']),
    ],
    // Published targets only: the new year's drafts are the province's own until approved.
    from: "FROM kpi_target t JOIN kpi k ON k.id = t.kpi_id AND t.state = 'published' JOIN org_unit u ON u.id = k.org_unit_id",
    orderBy: 'u.path, k.code, t.period, t.id',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `t.fiscal_year = ${p}::int`,
      kpiCode: (p) => `k.code = ${p}`,
    },
    lastUpdatedSql: "SELECT max(updated_at) AS at, count(*)::text AS n FROM kpi_target WHERE state = 'published'",
  },
  {
    id: 'agreement-scores',
    titleTh: 'คะแนนคำรับรองการปฏิบัติราชการ (รอบที่ประเมินแล้ว)',
    titleEn: 'Performance agreement scores (evaluated rounds)',
    descriptionTh:
      'คะแนนรวมถ่วงน้ำหนักของจังหวัด ณ รอบ 6 และ 12 เดือนที่ประเมินแล้ว (บันทึกไว้ไม่เปลี่ยนแปลง) และลำดับในประเทศ',
    descriptionEn:
      "Each province's weighted score at the evaluated 6- and 12-month rounds (frozen), with its national rank.",
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'round'],
    columns: [
      ...unitColumns,
      col('cluster_code', 'c.code', 'string', 'รหัสกลุ่มจังหวัด', 'Cluster code'),
      col('fiscal_year', 'ar.fiscal_year::text', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'),
      col('round', 'ar.round::text', 'integer', 'รอบการประเมิน (6 หรือ 12 เดือน)', 'Round (6 or 12 months)'),
      col(
        'counted_until',
        `to_char(ar.as_of, 'YYYY-MM-DD')`,
        'date',
        'นับผลที่ครบกำหนดก่อนวันนี้',
        'Results due before this day counted',
      ),
      col('evaluated_on', bangkokDate('ar.evaluated_at'), 'date', 'วันที่ประเมิน', 'Day of evaluation'),
      col(
        'score',
        'ar.score::text',
        'number',
        'คะแนนรวมถ่วงน้ำหนัก (0–5, ทศนิยม 4 ตำแหน่ง)',
        'Weighted score (0–5, four decimals)',
        ['คะแนน', 'points'],
      ),
      col(
        'counted_weight',
        `ar.snapshot->>'countedWeight'`,
        'number',
        'น้ำหนักรวมที่นำมาคิด',
        'Total weight counted',
        PERCENT,
      ),
      col(
        'national_rank',
        'ar.national_rank::text',
        'integer',
        'ลำดับในประเทศของรอบนี้ (คะแนนเท่ากันได้ลำดับเดียวกัน)',
        'National rank in this round (ties share a rank)',
      ),
    ],
    from: `FROM (SELECT ar.*, a.fiscal_year, a.org_unit_id,
                   rank() OVER (PARTITION BY a.fiscal_year, ar.round ORDER BY ar.score DESC) AS national_rank
            FROM agreement_round ar JOIN agreement a ON a.id = ar.agreement_id AND a.status <> 'draft') ar
      JOIN org_unit u ON u.id = ar.org_unit_id LEFT JOIN org_unit c ON c.id = u.parent_id AND c.type = 'cluster'`,
    orderBy: 'ar.fiscal_year, ar.round, u.code',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `ar.fiscal_year = ${p}::int`,
      round: (p) => `ar.round = ${p}::int`,
    },
    lastUpdatedSql: 'SELECT max(evaluated_at) AS at, count(*)::text AS n FROM agreement_round',
  },
  {
    id: 'agreement-indicator-scores',
    titleTh: 'คะแนนรายตัวชี้วัดตามคำรับรองฯ (รอบที่ประเมินแล้ว)',
    titleEn: 'Performance agreement scores by indicator (evaluated rounds)',
    descriptionTh: 'ผล คะแนน และคะแนนถ่วงน้ำหนักของแต่ละตัวชี้วัด ณ รอบที่ประเมินแล้ว',
    descriptionEn: "Each indicator's actual, score and weighted contribution at the evaluated rounds.",
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'round'],
    columns: [
      ...unitColumns,
      col('fiscal_year', 'ar.fiscal_year::text', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'),
      col('round', 'ar.round::text', 'integer', 'รอบการประเมิน (6 หรือ 12 เดือน)', 'Round (6 or 12 months)'),
      col('indicator_code', `x.line->>'code'`, 'string', 'รหัสตัวชี้วัดตามคำรับรอง', 'Indicator code'),
      col('indicator_name_th', `x.line->>'nameTh'`, 'string', 'ชื่อตัวชี้วัด (ไทย)', 'Indicator name (Thai)'),
      col('indicator_name_en', `x.line->>'nameEn'`, 'string', 'ชื่อตัวชี้วัด (อังกฤษ)', 'Indicator name (English)'),
      col('unit_th', `x.line->>'unitTh'`, 'string', 'หน่วยวัด', 'Unit of measure (Thai)'),
      col('kpi_code', `x.line->>'kpiCode'`, 'string', 'ตัวชี้วัดในแผนที่เชื่อมโยง', 'Linked plan KPI code'),
      col('weight', `x.line->>'weight'`, 'number', 'น้ำหนัก', 'Weight', PERCENT),
      col('actual', `x.line->>'actual'`, 'number', 'ผลการดำเนินงานที่นำมาคิด', 'Actual counted', [
        'หน่วยวัดของตัวชี้วัด',
        'indicator unit',
      ]),
      col('score', `x.line->>'score'`, 'number', 'คะแนน (0–5)', 'Score (0–5)', ['คะแนน', 'points']),
      col('contribution', `x.line->>'contribution'`, 'number', 'คะแนนถ่วงน้ำหนัก', 'Weighted contribution', [
        'คะแนน',
        'points',
      ]),
      col('counted', `x.line->>'counted'`, 'boolean', 'นำมาคิดในคะแนนรวมหรือไม่', 'Whether it counted in the total'),
    ],
    from: `FROM (SELECT ar.*, a.fiscal_year, a.org_unit_id FROM agreement_round ar
                 JOIN agreement a ON a.id = ar.agreement_id AND a.status <> 'draft') ar
      JOIN org_unit u ON u.id = ar.org_unit_id
      CROSS JOIN LATERAL jsonb_array_elements(ar.snapshot->'indicators') WITH ORDINALITY AS x(line, n)`,
    orderBy: 'ar.fiscal_year, ar.round, u.code, x.n',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `ar.fiscal_year = ${p}::int`,
      round: (p) => `ar.round = ${p}::int`,
    },
    lastUpdatedSql: 'SELECT max(evaluated_at) AS at, count(*)::text AS n FROM agreement_round',
  },
  {
    id: 'projects',
    titleTh: 'โครงการ งบประมาณ และการเบิกจ่าย',
    titleEn: 'Projects, budgets and disbursement',
    descriptionTh:
      'โครงการของจังหวัด งบประมาณที่ได้รับจัดสรรตามแหล่งและประเภท ยอดก่อหนี้ผูกพันและเบิกจ่ายสะสมจาก GFMIS และความก้าวหน้าล่าสุดที่อนุมัติแล้ว',
    descriptionEn:
      "Provinces' projects: allocation by source and type, committed and disbursed to date from GFMIS, and the latest approved progress.",
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'budgetType'],
    columns: [
      ...unitColumns,
      col('fiscal_year', 'p.fiscal_year::text', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'),
      col('project_code', 'p.code', 'string', 'รหัสโครงการ', 'Project code'),
      col('name_th', 'p.name_th', 'string', 'ชื่อโครงการ (ไทย)', 'Project name (Thai)'),
      col('name_en', 'p.name_en', 'string', 'ชื่อโครงการ (อังกฤษ)', 'Project name (English)'),
      col('owner_agency_th', 'p.owner_agency_th', 'string', 'หน่วยงานรับผิดชอบ', 'Responsible agency (Thai)'),
      col('strategy_code', 's.code', 'string', 'รหัสกลยุทธ์ในแผน', 'Strategy code in the plan'),
      col(
        'budget_source',
        'p.budget_source',
        'string',
        'แหล่งงบประมาณ: province, cluster, ministry, local, other',
        'Budget source: province, cluster, ministry, local, other',
      ),
      col(
        'budget_type',
        'p.budget_type',
        'string',
        'ประเภทงบ: capital (ลงทุน), current (ประจำ)',
        'Budget type: capital, current',
      ),
      col(
        'status',
        'p.status',
        'string',
        'สถานะ: not_started, on_schedule, delayed, completed, cancelled',
        'Status: not_started, on_schedule, delayed, completed, cancelled',
      ),
      col('start_date', `to_char(p.start_date, 'YYYY-MM-DD')`, 'date', 'วันเริ่มโครงการ', 'Start date'),
      col('end_date', `to_char(p.end_date, 'YYYY-MM-DD')`, 'date', 'วันสิ้นสุดโครงการ', 'End date'),
      col('allocated', 'p.allocated::text', 'number', 'งบประมาณที่ได้รับจัดสรร', 'Budget allocated', BAHT),
      col(
        'committed',
        'COALESCE(d.committed, 0)::text',
        'number',
        'ก่อหนี้ผูกพันสะสม (PO)',
        'Committed to date (PO)',
        BAHT,
      ),
      col('disbursed', 'COALESCE(d.disbursed, 0)::text', 'number', 'เบิกจ่ายสะสม', 'Disbursed to date', BAHT),
      col(
        'disbursement_rate',
        'CASE WHEN p.allocated > 0 THEN round(COALESCE(d.disbursed, 0) * 100 / p.allocated, 2)::text END',
        'number',
        'อัตราการเบิกจ่าย = เบิกจ่ายสะสม / งบที่ได้รับจัดสรร × 100',
        'Disbursement rate = disbursed / allocated × 100',
        PERCENT,
      ),
      col(
        'last_gfmis_month',
        `to_char(d.last_month, 'YYYY-MM')`,
        'string',
        'เดือนล่าสุดที่มีข้อมูล GFMIS',
        'Last month with GFMIS figures',
      ),
      col(
        'progress_percent',
        'pr.percent::text',
        'number',
        'ความก้าวหน้าล่าสุดที่อนุมัติแล้ว',
        'Latest approved progress',
        PERCENT,
      ),
      col(
        'progress_period',
        'pr.period',
        'string',
        'งวดของความก้าวหน้าล่าสุด',
        'Period of the latest approved progress',
      ),
    ],
    from: `FROM project p JOIN org_unit u ON u.id = p.org_unit_id LEFT JOIN strategy s ON s.id = p.strategy_id
      LEFT JOIN LATERAL (SELECT sum(x.committed) AS committed, sum(x.disbursed) AS disbursed, max(x.month) AS last_month
                         FROM disbursement x WHERE x.project_id = p.id) d ON true
      LEFT JOIN LATERAL (SELECT g.percent, g.period FROM project_progress g
                         WHERE g.project_id = p.id AND g.status = 'approved' ORDER BY g.period DESC LIMIT 1) pr ON true`,
    orderBy: 'u.path, p.fiscal_year, p.code, p.id',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `p.fiscal_year = ${p}::int`,
      budgetType: (p) => `p.budget_type = ${p}`,
    },
    lastUpdatedSql: `SELECT greatest((SELECT max(updated_at) FROM project), (SELECT max(updated_at) FROM disbursement),
      (SELECT max(approved_at) FROM project_progress WHERE status = 'approved')) AS at,
      (SELECT count(*) FROM disbursement)::text || '/' || (SELECT count(*) FROM project_progress WHERE status = 'approved') AS n`,
  },
  {
    id: 'disbursement',
    titleTh: 'การเบิกจ่ายรายเดือนตามโครงการ (GFMIS)',
    titleEn: 'Monthly disbursement by project (GFMIS)',
    descriptionTh: 'ยอดก่อหนี้ผูกพันและเบิกจ่ายในแต่ละเดือน (ไม่สะสม) ของแต่ละโครงการ จากระบบ GFMIS',
    descriptionEn: 'Committed and disbursed amounts in each month (not cumulative) per project, from GFMIS.',
    byFiscalYear: true,
    filters: ['fiscalYear', 'scope', 'budgetType', 'month'],
    columns: [
      ...unitColumns,
      col(
        'fiscal_year',
        'p.fiscal_year::text',
        'integer',
        'ปีงบประมาณของโครงการ (พ.ศ.)',
        "Project's fiscal year (B.E.)",
      ),
      col('project_code', 'p.code', 'string', 'รหัสโครงการ', 'Project code'),
      col('budget_type', 'p.budget_type', 'string', 'ประเภทงบ: capital, current', 'Budget type: capital, current'),
      col('month', `to_char(x.month, 'YYYY-MM')`, 'string', 'เดือน (ค.ศ. YYYY-MM)', 'Month (Gregorian YYYY-MM)'),
      col('committed', 'sum(x.committed)::text', 'number', 'ก่อหนี้ผูกพันในเดือน', 'Committed in the month', BAHT),
      col('disbursed', 'sum(x.disbursed)::text', 'number', 'เบิกจ่ายในเดือน', 'Disbursed in the month', BAHT),
    ],
    from: 'FROM disbursement x JOIN project p ON p.id = x.project_id JOIN org_unit u ON u.id = p.org_unit_id',
    groupBy: 'u.id, p.id, x.month',
    orderBy: 'u.path, p.code, x.month',
    conditions: {
      scopePath: inScope,
      fiscalYear: (p) => `p.fiscal_year = ${p}::int`,
      budgetType: (p) => `p.budget_type = ${p}`,
      month: (p) => `x.month = (${p} || '-01')::date`,
    },
    lastUpdatedSql: 'SELECT max(updated_at) AS at, count(*)::text AS n FROM disbursement',
  },
];

export const DATASET_IDS = DATASETS.map((d) => d.id);

export function datasetOf(id: string): DatasetDefinition | undefined {
  return DATASETS.find((d) => d.id === id);
}

export function allDatasets(): readonly DatasetDefinition[] {
  return DATASETS;
}

export interface BuiltQuery {
  sql: string;
  params: unknown[];
}

/** The dataset's rows under the filter, in a stable order; optionally one page with the total. */
export function buildQuery(
  d: DatasetDefinition,
  f: DatasetFilter,
  page?: { limit: number; offset: number },
): BuiltQuery {
  const params: unknown[] = [];
  const where = d.publicOnly ? [d.publicOnly] : [];
  for (const [key, condition] of Object.entries(d.conditions) as [keyof DatasetFilter, (p: string) => string][]) {
    const value = f[key];
    if (value === undefined || value === null || value === '') continue;
    params.push(value);
    where.push(condition(`$${params.length}`));
  }
  const select = d.columns.map((c) => `${c.sql} AS "${c.name}"`).join(', ');
  const total = page ? ', count(*) OVER () AS "__total"' : '';
  let sql = `SELECT ${select}${total} ${d.from} WHERE ${where.length ? where.join(' AND ') : 'true'}`;
  if (d.groupBy) sql += ` GROUP BY ${d.groupBy}`;
  sql += ` ORDER BY ${d.orderBy}`;
  if (page) {
    params.push(page.limit, page.offset);
    sql += ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  return { sql, params };
}
