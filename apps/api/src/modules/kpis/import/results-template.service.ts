import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bangkokDateOf, periodLabelTh } from '@provdash/shared/domain';
import { stream as excelStream } from 'exceljs';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { KpiResult } from '../kpi-result.entity';
import {
  ColumnKey,
  COLUMNS,
  isLockedStatus,
  loadSheetContext,
  openPeriods,
  resultKey,
  STATUS_LABEL,
} from './results-sheet';

export type TemplateFormat = 'xlsx' | 'csv';

type TemplateCell = string | number | null;

interface TemplateRow {
  cells: Record<ColumnKey, TemplateCell>;
  /** Approved or submitted: shown for reference, refused by the import if changed. */
  locked: boolean;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GREY: { type: 'pattern'; pattern: 'solid'; fgColor: { argb: string } } = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};
const HEADER_FILL: typeof GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const INSTRUCTIONS = [
  'วิธีกรอก (How to fill in)',
  '1. กรอกผลในคอลัมน์ ค่า หรือ ตัวตั้ง และ ตัวหาร สำหรับตัวชี้วัดแบบสัดส่วน — Enter the value, or numerator and denominator for ratio KPIs.',
  '2. แถวที่ไม่กรอกค่าจะถูกข้าม — Rows whose value cells are empty are skipped.',
  '3. แถวสีเทาอนุมัติแล้วหรือรอการอนุมัติ แก้ไขไม่ได้ — Grey rows are approved or with the approver; they cannot be changed.',
  '4. ค่านอกช่วงที่เป็นไปได้ ให้ใส่ "ใช่" ในคอลัมน์ ยืนยันค่าผิดปกติ — For a value outside the plausible range, put "yes" in confirm outlier.',
  '5. หากมีข้อผิดพลาดแม้แถวเดียว จะไม่บันทึกข้อมูลใดเลย — If any row has an error, nothing is saved.',
  '6. อย่าแก้ไข รหัสตัวชี้วัด และ งวด — Do not change the KPI code and period columns.',
];

/**
 * The results template: one row per KPI of the province's plans × each period of the year that
 * is due or running, with what is already entered. Offices fill it in the spreadsheet they work
 * in and send it back through the import, which reads the same columns.
 */
@Injectable()
export class ResultsTemplateService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async download(code: string, fiscalYear: number, format: TemplateFormat): Promise<StreamableFile> {
    const rows = await this.rows(code, fiscalYear, bangkokDateOf(new Date()));
    const name = `kpi-results-${code}-${fiscalYear}.${format}`;
    if (format === 'csv') {
      return new StreamableFile(csvOf(rows), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${name}"`,
      });
    }
    const out = new PassThrough();
    // Written while it is sent: the workbook is never held whole in memory.
    writeXlsx(rows, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
    return new StreamableFile(out, { type: XLSX_TYPE, disposition: `attachment; filename="${name}"` });
  }

  async rows(code: string, fiscalYear: number, today: string): Promise<TemplateRow[]> {
    const ctx = await loadSheetContext(this.dataSource.manager, code, fiscalYear);
    return ctx.kpis.flatMap((kpi) =>
      openPeriods(kpi, fiscalYear, today).map((period) => {
        const r: KpiResult | undefined = ctx.results.get(resultKey(kpi.id, period));
        return {
          locked: r !== undefined && isLockedStatus(r.status),
          cells: {
            kpiCode: kpi.code,
            kpiName: kpi.nameTh,
            period,
            periodLabel: periodLabelTh(period),
            unit: kpi.unitTh,
            value: r?.value ?? null,
            numerator: r?.numerator ?? null,
            denominator: r?.denominator ?? null,
            narrative: r?.narrativeTh || null,
            confirmOutlier: null,
            status: r ? STATUS_LABEL[r.status] : null,
            province: ctx.unit.code,
          },
        };
      }),
    );
  }
}

const NUMERIC: ReadonlySet<ColumnKey> = new Set(['value', 'numerator', 'denominator']);

/** A decimal as an Excel number when the number shows it exactly; otherwise as text, so nothing is rounded. */
function excelValue(key: ColumnKey, v: TemplateCell): TemplateCell {
  if (v === null || !NUMERIC.has(key) || typeof v !== 'string') return v;
  const n = Number(v);
  return Number.isFinite(n) && Number(n.toString()) === n && n.toString() === trimDecimal(v) ? n : v;
}

const trimDecimal = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

async function writeXlsx(rows: TemplateRow[], out: PassThrough): Promise<void> {
  const wb = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'provdash';
  const ws = wb.addWorksheet('ผลการดำเนินงาน', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const th = ws.addRow(COLUMNS.map((c) => c.th));
  th.font = { bold: true };
  th.eachCell((cell) => (cell.fill = HEADER_FILL));
  th.commit();
  const en = ws.addRow(COLUMNS.map((c) => c.en));
  en.font = { italic: true, color: { argb: 'FF595959' } };
  en.eachCell((cell) => (cell.fill = HEADER_FILL));
  en.commit();

  const confirmCol = COLUMNS.findIndex((c) => c.key === 'confirmOutlier') + 1;
  for (const r of rows) {
    const row = ws.addRow(COLUMNS.map((c) => excelValue(c.key, r.cells[c.key])));
    if (r.locked) {
      for (let i = 1; i <= COLUMNS.length; i++) {
        const cell = row.getCell(i);
        cell.fill = GREY;
        cell.font = { color: { argb: 'FF7F7F7F' } };
      }
    } else {
      row.getCell(confirmCol).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"ใช่,yes"'],
      };
    }
    row.commit();
  }
  ws.commit();

  const help = wb.addWorksheet('คำอธิบาย');
  help.columns = [{ width: 120 }];
  for (const line of INSTRUCTIONS) help.addRow([line]).commit();
  help.commit();
  await wb.commit();
}

/**
 * UTF-8 with a BOM and CRLF, which is what Excel needs to open Thai text correctly. Text that
 * starts like a formula gets a leading apostrophe, so opening the file never runs a formula
 * someone typed into a narrative; the import takes the apostrophe off again.
 */
function csvOf(rows: TemplateRow[]): Buffer {
  const lines = [
    COLUMNS.map((c) => c.th),
    COLUMNS.map((c) => c.en),
    ...rows.map((r) => COLUMNS.map((c) => r.cells[c.key])),
  ].map((cells) => cells.map((v, i) => csvField(COLUMNS[i].key, v)).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function csvField(key: ColumnKey, v: TemplateCell): string {
  if (v === null) return '';
  let text = String(v);
  if (!NUMERIC.has(key) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
