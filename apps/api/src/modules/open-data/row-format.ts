import type { OpenDataColumnType, OpenDataRow, OpenDataValue } from '@provdash/shared/contracts';

/** Byte order mark: Excel reads a CSV as UTF-8 (and shows Thai) only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

interface Column {
  name: string;
  type: OpenDataColumnType;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A value as the JSON API and the JSON file give it: numbers as numbers, the rest as strings. */
export function typedValue(raw: unknown, type: OpenDataColumnType): OpenDataValue {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  if (type === 'integer' || type === 'number') return NUMBER.test(text) ? Number(text) : null;
  if (type === 'boolean') return text === 'true' || text === 't';
  return text;
}

export function typedRow(row: Record<string, unknown>, columns: readonly Column[]): OpenDataRow {
  const out: OpenDataRow = {};
  for (const c of columns) out[c.name] = typedValue(row[c.name], c.type);
  return out;
}

/**
 * One JSON object for the download. Numbers are written as PostgreSQL gave them (exact decimal
 * text, a valid JSON number), not through a double, so baht amounts keep every satang.
 */
export function jsonRow(row: Record<string, unknown>, columns: readonly Column[]): string {
  const parts = columns.map((c) => {
    const raw = row[c.name];
    let value: string;
    if (raw === null || raw === undefined) value = 'null';
    else if (c.type === 'integer' || c.type === 'number') value = NUMBER.test(String(raw)) ? String(raw) : 'null';
    else if (c.type === 'boolean') value = String(raw) === 'true' || String(raw) === 't' ? 'true' : 'false';
    else value = JSON.stringify(String(raw));
    return `${JSON.stringify(c.name)}:${value}`;
  });
  return `{${parts.join(',')}}`;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; an empty field is a null. */
function csvField(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const text = String(raw);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Text that starts like a formula (=, +, -, @) is prefixed with an apostrophe, as OWASP advises for
 * CSV files opened in a spreadsheet: a narrative typed by an officer must not run in a reader's Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvRow(row: Record<string, unknown>, columns: readonly Column[]): string {
  return csvLine(
    columns.map((c) => {
      const raw = row[c.name];
      return c.type === 'string' && typeof raw === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
    }),
  );
}

/** A cell for the workbook: numbers as numbers, so they can be summed; empty for nulls. */
export function xlsxValue(raw: unknown, type: OpenDataColumnType): string | number | boolean | null {
  return typedValue(raw, type);
}
