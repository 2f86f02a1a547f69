import type { Lang, MessageKey } from '../../../common/messages';
import {
  Cell,
  columnLabel,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_UNPACKED_BYTES,
  SheetDefinition,
} from '../../../common/spreadsheet-import/sheet-definition';

/**
 * The GFMIS disbursement layouts (docs/gfmis-import.md). Columns are found by header text, Thai
 * as GFMIS reports print them or English, in any order; columns the import does not know (project
 * names, agencies, budget codes) are ignored.
 */
export type GfmisColumn = 'projectCode' | 'month' | 'date' | 'document' | 'line' | 'committed' | 'disbursed';

export const GFMIS_COLUMNS: readonly { key: GfmisColumn; th: string; en: string; aliases?: string[] }[] = [
  { key: 'projectCode', th: 'รหัสโครงการ', en: 'project code', aliases: ['project', 'รหัสโครงการ GFMIS'] },
  { key: 'month', th: 'เดือน', en: 'month', aliases: ['งวด', 'period', 'เดือน/ปี', 'เดือนที่เบิกจ่าย'] },
  {
    key: 'date',
    th: 'วันที่',
    en: 'date',
    aliases: ['วันที่เอกสาร', 'วันที่ผ่านรายการ', 'วันที่บันทึก', 'posting date', 'document date'],
  },
  {
    key: 'document',
    th: 'เลขที่เอกสาร',
    en: 'document number',
    aliases: ['เอกสาร', 'document', 'เลขที่เอกสาร GFMIS', 'document no'],
  },
  { key: 'line', th: 'ลำดับรายการ', en: 'line', aliases: ['รายการที่', 'ลำดับ', 'บรรทัด', 'line item', 'line no'] },
  {
    key: 'committed',
    th: 'ก่อหนี้ผูกพัน (PO)',
    en: 'committed',
    aliases: ['ก่อหนี้ผูกพัน', 'PO', 'ใบสั่งซื้อ/สัญญา', 'commitment', 'committed (PO)'],
  },
  { key: 'disbursed', th: 'เบิกจ่าย', en: 'disbursed', aliases: ['เบิกจ่ายแล้ว', 'disbursement', 'paid'] },
];

/** A year of a province's GFMIS transactions fits many times over. */
export const MAX_GFMIS_ROWS = 200_000;

/**
 * The GFMIS import's sheet. GFMIS reports carry some 20 columns besides ours (names, agencies,
 * budget codes): 40 cells a row on average is the cell limit.
 */
export const GFMIS_SHEET: SheetDefinition<GfmisColumn> = {
  columns: GFMIS_COLUMNS,
  isHeader: (keys) =>
    keys.has('projectCode') &&
    keys.has('document') &&
    (keys.has('month') || keys.has('date')) &&
    (keys.has('committed') || keys.has('disbursed')),
  noHeaderKey: 'gfmis.noHeader',
  limits: {
    maxRows: MAX_GFMIS_ROWS,
    tooManyRowsKey: 'gfmis.tooManyRows',
    maxCells: (MAX_GFMIS_ROWS + 20) * 40,
    maxUnpackedBytes: DEFAULT_MAX_UNPACKED_BYTES,
    maxEntries: DEFAULT_MAX_ENTRIES,
  },
};

export const gfmisColumnLabel = (key: GfmisColumn, lang: Lang) => columnLabel(GFMIS_SHEET, key, lang);

/** numeric(18,2): sixteen digits before the point. */
const MAX_SATANG = 10n ** 18n - 1n;

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: MessageKey };

export function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

/**
 * Money as satang (bigint): an empty cell is 0; text may carry thousands separators; at most two
 * decimals; never negative (also not the accounting "(1,000.00)" form). Excel numbers are taken
 * when their two-decimal form is exactly the number stored.
 */
export function parseMoney(c: Cell): Parsed<bigint> {
  let s: string;
  if (c === null) return { ok: true, value: 0n };
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return { ok: false, key: 'gfmis.amountInvalid' };
    if (c < 0) return { ok: false, key: 'gfmis.amountNegative' };
    if (c >= 1e16) return { ok: false, key: 'gfmis.amountTooLarge' };
    const fixed = c.toFixed(2);
    if (Number(fixed) !== c) return { ok: false, key: 'gfmis.amountInvalid' };
    s = fixed;
  } else {
    s = text(c).replace(/[\s\u00a0]/g, '');
    if (s === '' || s === '-') return { ok: true, value: 0n };
    if (/^(-\d|\(\d)/.test(s) && /^[-(]?[\d,]+(\.\d+)?\)?$/.test(s)) return { ok: false, key: 'gfmis.amountNegative' };
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    s = s.replace(/^\+/, '');
    if (!/^\d+(\.\d{1,2})?$/.test(s)) return { ok: false, key: 'gfmis.amountInvalid' };
  }
  const [int, frac = ''] = s.split('.');
  const satang = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  if (satang > MAX_SATANG) return { ok: false, key: 'gfmis.amountTooLarge' };
  return { ok: true, value: satang };
}

export function formatSatang(v: bigint): string {
  const s = v.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Gregorian year of a written year: Thai offices write Buddhist-Era years (2568), GFMIS exports either. */
const gregorian = (y: number) => (y > 2400 ? y - 543 : y);

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A transaction date → the first day of its month (YYYY-MM-01). */
export function parseDateMonth(c: Cell): Parsed<string> {
  if (c === null || text(c) === '') return { ok: false, key: 'gfmis.dateRequired' };
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return { ok: false, key: 'gfmis.dateInvalid' };
    return { ok: true, value: monthKey(c.getUTCFullYear(), c.getUTCMonth() + 1) };
  }
  const s = text(c);
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return { ok: false, key: 'gfmis.dateInvalid' };
  y = gregorian(y);
  if (!validDay(y, m, d)) return { ok: false, key: 'gfmis.dateInvalid' };
  return { ok: true, value: monthKey(y, m) };
}

/** A month: "2569-M03" (fiscal month), "12/2568", "2025-12", or a date in it. */
export function parseMonth(c: Cell): Parsed<string> {
  if (c === null || text(c) === '') return { ok: false, key: 'gfmis.monthRequired' };
  if (c instanceof Date) return parseDateMonth(c);
  const s = text(c).toUpperCase();
  let match = /^(\d{4})-M(\d{2})$/.exec(s);
  if (match) {
    const fy = Number(match[1]);
    const fm = Number(match[2]);
    if (fm < 1 || fm > 12) return { ok: false, key: 'gfmis.monthInvalid' };
    const month = ((fm + 8) % 12) + 1;
    return { ok: true, value: monthKey(gregorian(fy) - (fm <= 3 ? 1 : 0), month) };
  }
  let y: number, m: number;
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(s))) [y, m] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) [m, y] = [Number(match[1]), Number(match[2])];
  else {
    const date = parseDateMonth(c);
    return date.ok ? date : { ok: false, key: 'gfmis.monthInvalid' };
  }
  if (m < 1 || m > 12) return { ok: false, key: 'gfmis.monthInvalid' };
  return { ok: true, value: monthKey(gregorian(y), m) };
}

/** The months (YYYY-MM-01) of a Buddhist-Era fiscal year: October of the year before to September. */
export function monthsOfFiscalYear(fiscalYear: number): Set<string> {
  const end = fiscalYear - 543;
  const out = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const month = ((i + 9) % 12) + 1;
    out.add(monthKey(month >= 10 ? end - 1 : end, month));
  }
  return out;
}

/** Line number: optional (1 when the column is absent or empty), else a positive whole number. */
export function parseLine(c: Cell): Parsed<number> {
  const s = text(c);
  if (s === '') return { ok: true, value: 1 };
  if (!/^\d{1,9}(\.0+)?$/.test(s)) return { ok: false, key: 'gfmis.lineInvalid' };
  const n = Number(s);
  return n >= 1 ? { ok: true, value: n } : { ok: false, key: 'gfmis.lineInvalid' };
}
