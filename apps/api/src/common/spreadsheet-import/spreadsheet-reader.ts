import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse';
import { CellValue, Row, stream as excelStream } from 'exceljs';
import { Readable } from 'node:stream';
import { ApiError } from '../api-error';
import { Cell, ColumnSpec, DataTable, SheetDefinition, SheetRow, SpreadsheetLimits } from './sheet-definition';
import { InflateBudget, readEntry, ZipEntry, zipEntries } from './zip-entries';

/** The header row may sit below a title, within the first rows. */
export const HEADER_SCAN_ROWS = 10;
/** Excel's own widest row (column XFD); a CSV line wider than that is not a table. */
const MAX_CSV_COLUMNS = 16_384;
/** A narrative is at most 4,000 characters; a field far longer is a wrong quote or an attack (csv-parse's `max_record_size`). */
const MAX_CSV_RECORD_CHARS = 1_000_000;

/** What a read consumed, kept so that tests (and logs) can see where a limit stopped it. */
export interface ReadStats {
  /** Bytes inflated from the .xlsx (0 for CSV). */
  unpackedBytes: number;
  /** Rows read from the file, blank ones included. */
  rowsRead: number;
  /** Cells read (each row's width). */
  cells: number;
}

export const newReadStats = (): ReadStats => ({ unpackedBytes: 0, rowsRead: 0, cells: 0 });

const unreadable = () => new ApiError(HttpStatus.BAD_REQUEST, 'import.unreadable');
const limitError = (key: 'import.limitCells') => new ApiError(HttpStatus.BAD_REQUEST, key);

/**
 * Reads the table of an upload — the header row (Thai or English, below a title if need be) and
 * the rows under it — deciding the format by its bytes rather than its name or declared type
 * (both are whatever the sender's computer says): a zip is an .xlsx workbook, the old binary .xls
 * format is refused with its own message, plain text is CSV.
 *
 * The file is streamed, never unpacked or parsed whole: rows are taken one at a time and each of
 * the definition's limits (unpacked bytes, zip entries, rows, cells) is checked as they come, so
 * the first one exceeded stops the read with its own 400 and the API holds at most what the
 * limits allow.
 */
export async function readTable<K extends string>(
  buffer: Buffer,
  def: SheetDefinition<K>,
  stats: ReadStats = newReadStats(),
): Promise<DataTable<K>> {
  if (buffer.length === 0) throw unreadable();
  let table: DataTable<K> | null;
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) table = await readXlsx(buffer, def, stats);
  else if (buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'import.legacyXls');
  } else table = await readCsv(decodeText(buffer), def, stats);
  if (!table) throw new ApiError(HttpStatus.BAD_REQUEST, def.noHeaderKey);
  return table;
}

/**
 * Takes one sheet's rows in order: looks for the header among the first rows, merges a second
 * header row right under it (the template's English one), then keeps the data rows, counting
 * rows and cells against the limits. `done` tells the reader to stop: a sheet whose first rows
 * hold no header is not the table, and the next sheet is tried.
 */
class TableCollector<K extends string> {
  private readonly names: [string, K][];
  private scanned = 0;
  private columns: Partial<Record<K, number>> | null = null;
  private headerRows = true;
  readonly rows: SheetRow[] = [];
  done = false;

  constructor(
    private readonly def: SheetDefinition<K>,
    private readonly stats: ReadStats,
  ) {
    this.names = headerNamesOf(def.columns);
  }

  /** Counts a row's width before its cells are built, so a row reaching column XFD is refused cheaply. */
  count(width: number): void {
    this.stats.rowsRead++;
    this.stats.cells += width;
    if (this.stats.cells > this.def.limits.maxCells) throw limitError('import.limitCells');
  }

  add(row: SheetRow): void {
    if (!this.columns) {
      if (this.scanned++ >= HEADER_SCAN_ROWS) {
        this.done = true;
        return;
      }
      const keys = headerKeys(row, this.names);
      if (this.def.isHeader(keys)) this.columns = Object.fromEntries(keys) as Partial<Record<K, number>>;
      return;
    }
    if (this.headerRows && isHeaderLike(row, this.names)) {
      for (const [key, i] of headerKeys(row, this.names)) this.columns[key] ??= i;
      return;
    }
    this.headerRows = false;
    // Blank rows are neither kept nor counted: the imports skip them, and a sheet of empty lines
    // is stopped by the cell limit.
    if (row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
    if (this.rows.length >= this.def.limits.maxRows) {
      throw new ApiError(HttpStatus.BAD_REQUEST, this.def.limits.tooManyRowsKey);
    }
    this.rows.push(row);
  }

  table(): DataTable<K> | null {
    return this.columns ? { columns: this.columns, rows: this.rows } : null;
  }
}

/**
 * The parts of exceljs' streaming WorkbookReader this reader drives itself. Its public `parse()`
 * unzips the upload front to back with its own inflater (sizes and bytes unseen by us), and
 * spools every sheet that comes before the shared strings — where Excel puts them — to a temporary
 * file that stays until the process exits when a read stops early. So the zip is opened here
 * (zip-entries.ts: central directory, counted inflation, shared strings first) and each entry
 * is handed to the reader's own parsers; rows still come from exceljs' WorksheetReader.
 */
interface WorkbookParsers {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: SheetParser }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  sharedStrings?: unknown[];
}

interface SheetParser {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }[]>;
}

async function readXlsx<K extends string>(
  buffer: Buffer,
  def: SheetDefinition<K>,
  stats: ReadStats,
): Promise<DataTable<K> | null> {
  const limits: SpreadsheetLimits = def.limits;
  const entries = zipEntries(buffer, limits.maxEntries);
  const budget: InflateBudget = {
    get used() {
      return stats.unpackedBytes;
    },
    set used(n: number) {
      stats.unpackedBytes = n;
    },
    max: limits.maxUnpackedBytes,
  };
  const reader = new excelStream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    // Emitted rather than cached, so that their number is counted against the cell limit.
    sharedStrings: 'emit',
    // Styles tell a date from a number (a GFMIS posting date is a formatted number).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParsers;

  const open = (path: string) => {
    const entry: ZipEntry | undefined = entries.get(path);
    return entry ? readEntry(buffer, entry, budget) : null;
  };
  const rels = open('xl/_rels/workbook.xml.rels');
  const workbook = open('xl/workbook.xml');
  if (!rels || !workbook) throw unreadable();
  await guarded(reader._parseRels(rels));
  await guarded(reader._parseWorkbook(workbook));
  const styles = open('xl/styles.xml');
  if (styles) await guarded(reader._parseStyles(styles));

  const strings: unknown[] = [];
  const shared = open('xl/sharedStrings.xml');
  if (shared) {
    await guarded(
      (async () => {
        for await (const s of reader._parseSharedStrings(shared)) {
          // Each string is at least one cell somewhere; more strings than cells is no table of ours.
          if (strings.length >= limits.maxCells) throw limitError('import.limitCells');
          strings.push(s.text);
        }
      })(),
    );
  }
  reader.sharedStrings = strings;

  // The sheets in the workbook's order (what Excel's tabs show), each found through its relation.
  const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  for (const [n, sheet] of (reader.model?.sheets ?? []).entries()) {
    const target = targets.get(sheet.rId);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const content = open(path);
    if (!content) continue;
    const collector = new TableCollector(def, stats);
    try {
      await guarded(readSheet(reader, content, String(n + 1), collector));
    } finally {
      // Stops the inflater when the sheet was left early (no header, or a limit).
      content.destroy();
    }
    const table = collector.table();
    if (table) return table;
  }
  return null;
}

async function readSheet<K extends string>(
  reader: WorkbookParsers,
  content: Readable,
  sheetNo: string,
  collector: TableCollector<K>,
): Promise<void> {
  const [emitted] = [...reader._parseWorksheet(content, sheetNo)];
  if (!emitted) return;
  for await (const events of emitted.value.parse()) {
    for (const { eventType, value } of events) {
      if (eventType !== 'row') continue;
      const r = value as Row;
      if (!r.hasValues) continue;
      collector.count(r.cellCount);
      // row.values is 1-based (index 0 is empty): shift so columns are 0-based like the CSV.
      const values = (r.values as CellValue[]).slice(1);
      collector.add({ row: r.number, cells: Array.from(values, plainCell) });
      if (collector.done) return;
    }
  }
}

/** A limit's own error goes to the person; anything else from the unzip or the XML is an unreadable file. */
async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw unreadable();
  }
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

/** The text in slices, so the parser works under backpressure instead of turning the whole file into records at once. */
function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** The most delimiters on one physical line, stopping as soon as a line is wider than any sheet. */
function widestLineOver(text: string, delimiter: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') n = 0;
    else if (c === delimiter && ++n >= max) return true;
  }
  return false;
}

async function readCsv<K extends string>(
  text: string,
  def: SheetDefinition<K>,
  stats: ReadStats,
): Promise<DataTable<K> | null> {
  // Excel writes ";" where the decimal mark is a comma and tabs for "Unicode text"; Thai Excel uses ",".
  // Judged on the first lines together: a title line above the table may have no delimiter at all.
  const head = text.slice(0, 64 * 1024).split(/\r?\n/, HEADER_SCAN_ROWS);
  const most = (d: string) => Math.max(...head.map((line) => line.split(d).length));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (most(d) > most(best) ? d : best));
  // One line of a million delimiters would become a million-cell record before it could be counted.
  if (widestLineOver(text, delimiter, MAX_CSV_COLUMNS)) throw limitError('import.limitCells');

  const parser = Readable.from(slices(text)).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }),
  );
  const collector = new TableCollector(def, stats);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      // A record is one spreadsheet row even when a quoted narrative spans lines, as Excel shows it.
      row++;
      collector.count(cells.length);
      collector.add({ row, cells: cells.map((c) => (c === '' ? null : c)) });
      if (collector.done) break;
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    // The same limit as a workbook's cell text (zip-entries.ts), named the same.
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'import.limitCellText');
    }
    throw unreadable();
  } finally {
    parser.destroy();
  }
  return collector.table();
}

const normalize = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:*]+/g, '');

/** Header spellings (Thai, English, aliases) of a layout's columns, normalized. */
export function headerNamesOf<K extends string>(columns: readonly ColumnSpec<K>[]): [string, K][] {
  return columns.flatMap((c) =>
    [c.th, c.en, ...(c.aliases ?? [])].map((name) => [normalize(name), c.key] as [string, K]),
  );
}

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

function isHeaderLike<K extends string>(row: SheetRow, names: [string, K][]): boolean {
  const filled = row.cells.filter((c) => c !== null && String(c).trim() !== '').length;
  return filled > 1 && headerKeys(row, names).size * 2 >= filled;
}
