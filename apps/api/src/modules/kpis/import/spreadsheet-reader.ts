import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { CellValue, Workbook } from 'exceljs';
import { ApiError } from '../../../common/api-error';
import type { MessageKey } from '../../../common/messages';
import { ColumnKey, COLUMNS } from './results-sheet';

/** A cell as the import reads it: what the person sees, without styles or formulas. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a person sees in Excel (1-based, header rows included). */
  row: number;
  cells: Cell[];
}

export interface DataTable<K extends string = ColumnKey> {
  /** Column positions found in the header row(s). */
  columns: Partial<Record<K, number>>;
  rows: SheetRow[];
}

/** How many data rows a kind of file may have, and the message that refuses a bigger one. */
export interface RowLimit {
  maxRows: number;
  tooManyKey: MessageKey;
}

/** Far above a province's year (≈ 20 KPIs × 12 months); a bigger file is not a results sheet. */
export const MAX_DATA_ROWS = 5000;
/** A 5 MB upload that inflates past this is a zip bomb, not a workbook of a few thousand rows. */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const HEADER_SCAN_ROWS = 10;

const RESULTS_LIMIT: RowLimit = { maxRows: MAX_DATA_ROWS, tooManyKey: 'import.tooManyRows' };

const unreadable = () => new ApiError(HttpStatus.BAD_REQUEST, 'import.unreadable');

/**
 * Reads an upload as a grid of cells, deciding the format by its bytes rather than its name or
 * declared type (both are whatever the sender's computer says): a zip is an .xlsx workbook,
 * the old binary .xls format is refused with its own message, and plain text is CSV.
 */
export async function readSpreadsheet(buffer: Buffer, limit: RowLimit = RESULTS_LIMIT): Promise<SheetRow[][]> {
  if (buffer.length === 0) throw unreadable();
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(buffer, limit);
  if (buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'import.legacyXls');
  }
  return [readCsv(decodeText(buffer), limit)];
}

async function readXlsx(buffer: Buffer, limit: RowLimit): Promise<SheetRow[][]> {
  const declared = zipDeclaredSize(buffer);
  if (declared === null || declared > MAX_UNZIPPED_BYTES) throw unreadable();
  const wb = new Workbook();
  try {
    // exceljs' typings predate Node's generic Buffer; the value is a plain Buffer.
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    // A zip that is not a workbook (a .docx, a renamed archive) or a damaged one.
    throw unreadable();
  }
  return wb.worksheets.map((ws) => {
    if (ws.actualRowCount > limit.maxRows + HEADER_SCAN_ROWS) {
      throw new ApiError(HttpStatus.BAD_REQUEST, limit.tooManyKey);
    }
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      // row.values is 1-based (index 0 is empty): shift so columns are 0-based like the CSV.
      const values = (r.values as CellValue[]).slice(1);
      rows.push({ row: rowNumber, cells: Array.from(values, plainCell) });
    });
    return rows;
  });
}

/** What a person sees in the cell: formulas by their result, rich text and links by their text. */
function plainCell(v: CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return String(v.error);
  if ('result' in v) return plainCell(v.result as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if ('text' in v) return plainCell(v.text as CellValue);
  return null;
}

/**
 * Sum of the uncompressed sizes the zip's central directory declares, or null if it has none
 * (then it is no zip exceljs could read either). Zip64 archives are refused: a results workbook
 * never needs them.
 */
function zipDeclaredSize(buf: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end record is at least 22 bytes, followed by a comment of at most 65535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * CSV text in the encodings offices' computers actually produce: UTF-8 (with or without BOM),
 * UTF-16 ("Unicode text" from Excel) and Windows-874, which Thai Excel uses for plain "CSV".
 * Anything with control characters is binary (an image, a PDF), not a spreadsheet.
 */
function decodeText(buffer: Buffer): string {
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buffer.subarray(2));
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = new TextDecoder('utf-16be').decode(buffer.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      text = new TextDecoder('windows-874').decode(buffer);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw unreadable();
  return text;
}

function readCsv(text: string, limit: RowLimit): SheetRow[] {
  // Excel writes ";" where the decimal mark is a comma and tabs for "Unicode text"; Thai Excel uses ",".
  // Judged on the first lines together: a title line above the table may have no delimiter at all.
  const head = text.split(/\r?\n/, HEADER_SCAN_ROWS);
  const most = (d: string) => Math.max(...head.map((line) => line.split(d).length));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (most(d) > most(best) ? d : best));
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch {
    throw unreadable();
  }
  if (records.length > limit.maxRows + HEADER_SCAN_ROWS) throw new ApiError(HttpStatus.BAD_REQUEST, limit.tooManyKey);
  // A record is one spreadsheet row even when a quoted narrative spans lines, as Excel shows it.
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) }));
}

const normalize = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:*]+/g, '');

/** Header spellings (Thai, English, aliases) of a layout's columns, normalized. */
export function headerNamesOf<K extends string>(
  columns: readonly { key: K; th: string; en: string; aliases?: string[] }[],
): [string, K][] {
  return columns.flatMap((c) =>
    [c.th, c.en, ...(c.aliases ?? [])].map((name) => [normalize(name), c.key] as [string, K]),
  );
}

const HEADER_NAMES = headerNamesOf(COLUMNS);

/** The column a header cell names: "ค่า", "value", or both in one cell ("ค่า (value)", "ค่า / value"). */
function headerKey<K extends string>(cell: Cell, names: [string, K][]): K | null {
  if (typeof cell !== 'string') return null;
  const parts = [cell, ...cell.split(/[()/|\n]/)].map(normalize).filter(Boolean);
  for (const part of parts) {
    const hit = names.find(([name]) => name === part);
    if (hit) return hit[1];
  }
  return null;
}

function headerKeys<K extends string>(row: SheetRow, names: [string, K][]): Map<K, number> {
  const found = new Map<K, number>();
  row.cells.forEach((cell, i) => {
    const key = headerKey(cell, names);
    if (key && !found.has(key)) found.set(key, i);
  });
  return found;
}

/**
 * Finds the header row (Thai or English) among the first rows — offices put titles above their
 * tables — and the rows below it. A second header row right after the first (the template's
 * English one) is a header too, not data.
 */
export function locateColumns<K extends string>(
  sheets: SheetRow[][],
  names: [string, K][],
  isHeader: (keys: Map<K, number>) => boolean,
): DataTable<K> | null {
  for (const rows of sheets) {
    const start = rows.slice(0, HEADER_SCAN_ROWS).findIndex((r) => isHeader(headerKeys(r, names)));
    if (start < 0) continue;
    const columns = Object.fromEntries(headerKeys(rows[start], names)) as Partial<Record<K, number>>;
    let next = start + 1;
    while (next < rows.length && isHeaderLike(rows[next], names)) {
      for (const [key, i] of headerKeys(rows[next], names)) columns[key] ??= i;
      next++;
    }
    return { columns, rows: rows.slice(next) };
  }
  return null;
}

/** The KPI-results layout: KPI code, period and a value (or numerator/denominator). */
export function locateTable(sheets: SheetRow[][]): DataTable | null {
  return locateColumns(
    sheets,
    HEADER_NAMES,
    (keys) =>
      keys.has('kpiCode') &&
      keys.has('period') &&
      (keys.has('value') || keys.has('numerator') || keys.has('denominator')),
  );
}

function isHeaderLike<K extends string>(row: SheetRow, names: [string, K][]): boolean {
  const filled = row.cells.filter((c) => c !== null && String(c).trim() !== '').length;
  return filled > 1 && headerKeys(row, names).size * 2 >= filled;
}
