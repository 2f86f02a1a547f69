/** A table as the export writes it: a header row, then cells that are text, numbers or blank. */
export type ExportCell = string | number | null;

export interface ExportTable {
  /** Sheet name in the workbook (Excel allows 31 characters and no []:*?/\). */
  sheet: string;
  header: readonly string[];
  rows: readonly (readonly ExportCell[])[];
}

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark: Thai turns to mojibake. */
export const UTF8_BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab/return first). Province names
 * never start so, but names and narratives reach this table from users: neutralised with a quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a BOM. Numbers are written plain (no grouping, a dot for
 * decimals) so the spreadsheet reads them as numbers, not text.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}

/**
 * The table as an .xlsx workbook. exceljs is about a megabyte: it is imported only here, when
 * someone asks for a workbook, so it is a chunk of its own and never part of the initial bundle.
 */
export async function xlsxBuffer(table: ExportTable): Promise<ArrayBuffer> {
  const exceljs = await import('exceljs');
  // A CommonJS module: bundlers put its exports on the namespace or under `default`.
  const Workbook = exceljs.Workbook ?? (exceljs as unknown as { default: typeof exceljs }).default.Workbook;
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(table.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[table.header[i], ...table.rows.map((r) => r[i])].map((c) => String(c ?? '').length));
    column.width = Math.min(48, Math.max(8, widest + 2));
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function xlsxBlob(table: ExportTable): Promise<Blob> {
  return new Blob([await xlsxBuffer(table)], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** Hands a file to the browser's downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Presentation attributes a serialised SVG loses with its stylesheets; copied inline from the computed style. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** The SVG with its computed look written into each element, standalone and ready to rasterise. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement;
    const inline = INLINED.map((p) => [p, style.getPropertyValue(p)] as const).filter(([, v]) => v !== '');
    if (inline.length) target.setAttribute('style', inline.map(([p, v]) => `${p}:${v}`).join(';'));
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  return new XMLSerializer().serializeToString(clone);
}

/** An SVG chart drawn onto a white canvas at twice its size and encoded as PNG. */
export async function svgPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
