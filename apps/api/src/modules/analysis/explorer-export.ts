import { StreamableFile } from '@nestjs/common';
import type { ExplorerCellDto, ExplorerDto, ExplorerHeaderDto } from '@provdash/shared/contracts';
import { formatDecimal, periodLabelTh, type ExplorerDimension, type ExplorerMeasure } from '@provdash/shared/domain';
import { Workbook } from 'exceljs';
import { contentDisposition } from '../agreements/exports/export-format';
import { csvLine } from '../open-data/row-format';

/**
 * The explorer's table as a file: the same rows, columns and totals the screen shows, in Thai,
 * figures rounded to two decimals (money's rate already is). CSV (UTF-8 with BOM, for Excel) or a
 * workbook. The table is small (at most the provinces by the months of ten years), so it is
 * built whole rather than streamed.
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MEASURE_TH: Record<ExplorerMeasure, string> = {
  value: 'ค่าผลการดำเนินงาน',
  achievement: 'ร้อยละผลสัมฤทธิ์เทียบเป้าหมาย (เฉลี่ย เพดาน 120)',
  status: 'ร้อยละของผลที่บรรลุเป้าหมาย',
  disbursementRate: 'ร้อยละการเบิกจ่าย',
  agreementScore: 'คะแนนคำรับรองการปฏิบัติราชการ',
};

const DIMENSION_TH: Record<ExplorerDimension, string> = {
  kpi: 'ตัวชี้วัด',
  goal: 'เป้าประสงค์',
  pillar: 'ยุทธศาสตร์ชาติ',
  province: 'จังหวัด',
  cluster: 'กลุ่มจังหวัด',
  region: 'ภาค',
  period: 'งวด',
  fiscalYear: 'ปีงบประมาณ',
};

function headerName(dim: ExplorerDimension | null, h: ExplorerHeaderDto): string {
  if (!dim) return MEASURE_TH.value;
  if (h.key === null) return dim === 'cluster' ? 'ไม่สังกัดกลุ่มจังหวัด' : '-';
  if (dim === 'pillar') return `ยุทธศาสตร์ชาติด้านที่ ${h.key}`;
  if (dim === 'period') return periodLabelTh(h.key);
  if (dim === 'fiscalYear') return `ปีงบประมาณ ${h.key}`;
  return h.nameTh ? `${h.key} ${h.nameTh}` : h.key;
}

const figure = (c: ExplorerCellDto): string | number | null =>
  c.value === null ? null : Number(formatDecimal(c.value, 2));

/** The table as lines of values: a title line, the header, the rows with their totals, the totals row. */
export function explorerTable(view: ExplorerDto): (string | number | null)[][] {
  const q = view.query;
  const title = `${MEASURE_TH[q.measure]} · ${DIMENSION_TH[q.rows]}${q.cols ? ` × ${DIMENSION_TH[q.cols]}` : ''} · ปีงบประมาณ ${q.fiscalYears.join(', ')}`;
  const header = [DIMENSION_TH[q.rows], ...(q.cols ? view.cols.map((c) => headerName(q.cols, c)) : []), 'รวม'];
  const body = view.rows.map((r, i) => [
    headerName(q.rows, r),
    ...(q.cols ? view.cells[i].map(figure) : []),
    figure(view.rowTotals[i]),
  ]);
  const totals = ['รวม', ...(q.cols ? view.colTotals.map(figure) : []), figure(view.total)];
  return [[title], header, ...body, totals];
}

export async function explorerFile(view: ExplorerDto, format: 'csv' | 'xlsx'): Promise<StreamableFile> {
  const lines = explorerTable(view);
  const stamp = new Date().toISOString().slice(0, 10);
  const ascii = `explorer-${view.query.measure}-${stamp}.${format}`;
  const thai = `ตารางวิเคราะห์-${stamp}.${format}`;
  if (format === 'csv') {
    // Names come from the database (KPI and goal names typed by offices): a leading = + - @ must not run as a formula.
    const safe = lines.map((l) => l.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
    const bytes = Buffer.from(`\uFEFF${safe.map(csvLine).join('')}`, 'utf8');
    return new StreamableFile(bytes, {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition('attachment', ascii, thai),
      length: bytes.length,
    });
  }
  const book = new Workbook();
  const sheet = book.addWorksheet('ตารางวิเคราะห์', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  for (const l of lines) sheet.addRow(l);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(lines.length).font = { bold: true };
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= lines[1].length; c++) {
    sheet.getColumn(c).width = 16;
    sheet.getColumn(c).numFmt = '#,##0.00';
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return new StreamableFile(bytes, {
    type: XLSX_TYPE,
    disposition: contentDisposition('attachment', ascii, thai),
    length: bytes.length,
  });
}
