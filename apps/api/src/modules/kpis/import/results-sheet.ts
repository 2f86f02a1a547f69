import { periodRange, periodsOfYear } from '@provdash/shared/domain';
import { EntityManager, In } from 'typeorm';
import { notFound } from '../../../common/api-error';
import type { Lang } from '../../../common/messages';
import {
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_UNPACKED_BYTES,
  SheetDefinition,
} from '../../../common/spreadsheet-import/sheet-definition';
import { OrgUnit } from '../../org-units/org-unit.entity';
import { KpiResult } from '../kpi-result.entity';
import { Kpi } from '../kpi.entity';

/**
 * The layout shared by the template and the import: one definition, so a template downloaded
 * today is always a file the import accepts. Offices retype or reorder columns in their own
 * sheets, so the import finds columns by header text (Thai or English), never by position.
 */
export type ColumnKey =
  | 'kpiCode'
  | 'kpiName'
  | 'period'
  | 'periodLabel'
  | 'unit'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'narrative'
  | 'confirmOutlier'
  | 'status'
  | 'province';

export interface ColumnDef {
  key: ColumnKey;
  th: string;
  en: string;
  /** Other spellings seen in offices' own sheets. */
  aliases?: string[];
  width: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'kpiCode', th: 'รหัสตัวชี้วัด', en: 'KPI code', aliases: ['รหัส', 'code', 'kpi'], width: 14 },
  { key: 'kpiName', th: 'ชื่อตัวชี้วัด', en: 'KPI name', aliases: ['ตัวชี้วัด'], width: 50 },
  { key: 'period', th: 'งวด', en: 'period', aliases: ['รหัสงวด', 'period key'], width: 11 },
  { key: 'periodLabel', th: 'ชื่องวด', en: 'period label', aliases: ['period name'], width: 16 },
  { key: 'unit', th: 'หน่วย', en: 'unit', aliases: ['หน่วยนับ'], width: 16 },
  { key: 'value', th: 'ค่า', en: 'value', aliases: ['ผล', 'ผลการดำเนินงาน', 'result'], width: 14 },
  { key: 'numerator', th: 'ตัวตั้ง', en: 'numerator', width: 12 },
  { key: 'denominator', th: 'ตัวหาร', en: 'denominator', width: 12 },
  { key: 'narrative', th: 'คำอธิบาย', en: 'narrative', aliases: ['คำอธิบายผล', 'หมายเหตุ', 'note'], width: 50 },
  {
    key: 'confirmOutlier',
    th: 'ยืนยันค่าผิดปกติ',
    en: 'confirm outlier',
    aliases: ['ยืนยัน', 'confirm'],
    width: 16,
  },
  // Information only: the import ignores the status and checks the province code when filled.
  { key: 'status', th: 'สถานะ', en: 'status', width: 18 },
  { key: 'province', th: 'รหัสจังหวัด', en: 'province code', aliases: ['จังหวัด', 'province'], width: 12 },
];

export const COLUMN: Record<ColumnKey, ColumnDef> = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<
  ColumnKey,
  ColumnDef
>;

export const columnLabel = (key: ColumnKey, lang: Lang) => COLUMN[key][lang];

/** Far above a province's year (≈ 20 KPIs × 12 months); a bigger file is not a results sheet. */
export const MAX_DATA_ROWS = 5000;

/**
 * The KPI-results import's sheet: its columns, a header naming the KPI code, the period and a
 * value (or numerator/denominator), and its limits. The template has 12 columns; 40 leaves room
 * for an office's own.
 */
export const RESULTS_SHEET: SheetDefinition<ColumnKey> = {
  columns: COLUMNS,
  isHeader: (keys) =>
    keys.has('kpiCode') &&
    keys.has('period') &&
    (keys.has('value') || keys.has('numerator') || keys.has('denominator')),
  noHeaderKey: 'import.noHeader',
  limits: {
    maxRows: MAX_DATA_ROWS,
    tooManyRowsKey: 'import.tooManyRows',
    maxCells: (MAX_DATA_ROWS + 20) * 40,
    maxUnpackedBytes: DEFAULT_MAX_UNPACKED_BYTES,
    maxEntries: DEFAULT_MAX_ENTRIES,
  },
};

export const STATUS_LABEL: Record<KpiResult['status'], string> = {
  draft: 'ร่าง (draft)',
  returned: 'ส่งกลับแก้ไข (returned)',
  submitted: 'รอการอนุมัติ (submitted)',
  approved: 'อนุมัติแล้ว (approved)',
};

/** Approved periods are locked; submitted ones are with the approver. Neither may change by file. */
export const isLockedStatus = (status: KpiResult['status']) => status === 'approved' || status === 'submitted';

export interface SheetContext {
  unit: OrgUnit;
  fiscalYear: number;
  /** KPIs of the province's plans that cover the fiscal year, in strategy-map order. */
  kpis: Kpi[];
  /** Existing results of the year, by `${kpiId}|${period}`. */
  results: Map<string, KpiResult>;
}

export const resultKey = (kpiId: string, period: string) => `${kpiId}|${period}`;

/**
 * A province's KPIs for one fiscal year and the results already entered. Only plans whose span
 * covers the year count, and retired KPIs are left out: results are no longer entered for them.
 */
export async function loadSheetContext(m: EntityManager, code: string, fiscalYear: number): Promise<SheetContext> {
  const unit = await m.findOne(OrgUnit, { where: { code } });
  // The import is a province office's tool; clusters and the country enter no results here.
  if (!unit || unit.type !== 'province') throw notFound('notFound.unit');
  const rows: { id: string }[] = await m.query(
    `SELECT k.id
       FROM kpi k
       JOIN goal g ON g.id = k.goal_id
       JOIN strategic_issue i ON i.id = g.issue_id
       JOIN plan p ON p.id = i.plan_id
      WHERE p.org_unit_id = $1 AND p.start_fy <= $2 AND p.end_fy >= $2 AND k.retired_at IS NULL
      ORDER BY i.seq, g.seq, k.code`,
    [unit.id, fiscalYear],
  );
  const ids = rows.map((r) => r.id);
  const byId = new Map((ids.length ? await m.find(Kpi, { where: { id: In(ids) } }) : []).map((k) => [k.id, k]));
  const kpis = ids.map((id) => byId.get(id)).filter((k): k is Kpi => k !== undefined);
  const existing = ids.length
    ? await m
        .createQueryBuilder(KpiResult, 'r')
        .where('r.kpi_id IN (:...ids)', { ids })
        .andWhere('r.fiscal_year = :fiscalYear', { fiscalYear })
        .getMany()
    : [];
  return { unit, fiscalYear, kpis, results: new Map(existing.map((r) => [resultKey(r.kpiId, r.period), r])) };
}

/**
 * The periods of the year a result can be entered for today: those already due and the one
 * running now (checkEntry refuses only periods that have not started).
 */
export function openPeriods(kpi: Kpi, fiscalYear: number, today: string): string[] {
  return periodsOfYear(fiscalYear, kpi.frequency).filter((p) => periodRange(p).start <= today);
}
