import type { Lang, MessageKey } from '../messages';

/** A cell as the import reads it: what the person sees, without styles or formulas. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a person sees in Excel (1-based, header rows included). */
  row: number;
  cells: Cell[];
}

export interface DataTable<K extends string> {
  /** Column positions found in the header row(s). */
  columns: Partial<Record<K, number>>;
  rows: SheetRow[];
}

/** One column of an import layout: found by its Thai or English header, or one of the aliases. */
export interface ColumnSpec<K extends string> {
  key: K;
  th: string;
  en: string;
  /** Other spellings seen in offices' own sheets. */
  aliases?: string[];
}

/**
 * How much of a workbook an import reads before it gives up. Every limit is checked while the
 * file is read, so a file over one stops there: the API never holds more than the limits allow.
 */
export interface SpreadsheetLimits {
  /** Data rows below the header; the key is the kind's own message (it names the number). */
  maxRows: number;
  tooManyRowsKey: MessageKey;
  /** Cells read, counted as each row's width (a sparse row reaching column XFD counts 16,384). */
  maxCells: number;
  /** Bytes actually inflated from the .xlsx zip (its declared sizes are not trusted). */
  maxUnpackedBytes: number;
  /** Files inside the .xlsx zip. */
  maxEntries: number;
}

/**
 * What differs between import kinds (KPI results, GFMIS disbursement, the plan import to come):
 * the columns, which of them make a header row, the message for a sheet without one, and the
 * limits. Reading, header location and the limits themselves are shared
 * (spreadsheet-reader.ts).
 */
export interface SheetDefinition<K extends string> {
  columns: readonly ColumnSpec<K>[];
  isHeader: (keys: Map<K, number>) => boolean;
  noHeaderKey: MessageKey;
  limits: SpreadsheetLimits;
}

/** The column's header in the response language, for row errors. */
export function columnLabel<K extends string>(def: Pick<SheetDefinition<K>, 'columns'>, key: K, lang: Lang): string {
  const c = def.columns.find((x) => x.key === key);
  return c ? c[lang] : key;
}

/** Unpacked bytes no workbook of either import needs; each limit of a kind is far above its real files. */
export const DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** An Excel workbook holds a few dozen files (sheets, styles, theme, a few images). */
export const DEFAULT_MAX_ENTRIES = 1000;
