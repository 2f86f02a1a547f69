import type { ExportTable } from '@provdash/dashboard/scorecards/ui';
import type { DataQualityDto, DataQualityFindingDto, DataQualityKind } from '@provdash/shared/contracts';
import { DATA_QUALITY_KINDS } from '@provdash/shared/domain';

type ProvinceRow = DataQualityDto['provinces'][number];
/** A translation of an `analysis.quality.*` key (Transloco's, scoped), so the export speaks the screen's language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A kind from the address, or null (all kinds) for anything else. */
export function parseKind(value: string | null | undefined): DataQualityKind | null {
  return (DATA_QUALITY_KINDS as readonly string[]).includes(value ?? '') ? (value as DataQualityKind) : null;
}

/**
 * The national table: worst first by the chosen kind (or by all findings), then by code so the
 * order is stable; with a kind chosen, only the provinces that have one.
 */
export function provinceRows(provinces: readonly ProvinceRow[], kind: DataQualityKind | null): ProvinceRow[] {
  const n = (p: ProvinceRow) => (kind ? p.counts[kind] : p.total);
  return provinces.filter((p) => !kind || n(p) > 0).sort((a, b) => n(b) - n(a) || a.code.localeCompare(b.code));
}

/** The translation key of what a finding is judged against (`analysis.quality.references.*`). */
export function referenceKey(f: Pick<DataQualityFindingDto, 'kind' | 'side'>): string {
  return f.kind === 'outlier' || f.kind === 'near_limit' ? `${f.kind}_${f.side ?? 'max'}` : f.kind;
}

/** The national table as a workbook sheet: one row per province, a column per kind. */
export function provincesTable(
  rows: readonly ProvinceRow[],
  t: Translate,
  name: (p: ProvinceRow) => string,
  fiscalYear: number,
): ExportTable {
  return {
    sheet: `${t('title').slice(0, 20)} ${fiscalYear}`,
    header: [t('province'), ...DATA_QUALITY_KINDS.map((k) => t(`kinds.${k}`)), t('total')],
    rows: rows.map((p) => [name(p), ...DATA_QUALITY_KINDS.map((k) => p.counts[k]), p.total]),
  };
}

/**
 * A province's findings as a workbook sheet: figures as numbers (so Excel can sort and sum them),
 * dates as ISO days (Excel's own date format is the reader's), names in the screen's language.
 */
export function findingsTable(
  findings: readonly DataQualityFindingDto[],
  t: Translate,
  lang: string,
  sheet: string,
): ExportTable {
  const num = (s: string | null) => (s === null ? null : Number(s));
  return {
    sheet,
    header: [
      t('province'),
      t('kind'),
      t('kpiCode'),
      t('kpi'),
      t('period'),
      t('status'),
      t('value'),
      t('reference'),
      t('who'),
      t('when'),
      t('note'),
    ],
    rows: findings.map((f) => [
      lang === 'en' ? f.provinceEn : f.provinceTh,
      t(`kinds.${f.kind}`),
      f.kpiCode,
      lang === 'en' ? f.kpiEn : f.kpiTh,
      f.period,
      t(`statuses.${f.status}`),
      num(f.value),
      f.kind === 'late' ? f.note : num(f.reference),
      f.by,
      f.on,
      f.kind === 'late' ? null : f.note,
    ]),
  };
}
