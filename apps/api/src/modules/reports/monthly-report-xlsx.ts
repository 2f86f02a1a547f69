import { stream as excelStream } from 'exceljs';
import { PassThrough } from 'node:stream';
import { provinceTitle } from '../agreements/exports/export-format';
import type { MonthlyReportData } from './monthly-report-data';
import { STATUS_TH } from './monthly-report-pdf';

const BOLD = { bold: true };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };

/**
 * The same report as a workbook: a summary sheet, the KPIs by issue, the disbursement curve and the
 * red items with their narratives. Numbers are numbers (formatted by the cell), so they can be
 * reused. Small (tens of rows), so it is collected into one buffer for the database.
 */
export async function renderMonthlyReportXlsx(d: MonthlyReportData): Promise<Buffer> {
  return writeWorkbook((wb, header) => monthlyReportSheets(wb, header, d));
}

type Workbook = InstanceType<typeof excelStream.xlsx.WorkbookWriter>;
type Sheet = ReturnType<Workbook['addWorksheet']>;
/** Adds the bold, shaded header row of a sheet. */
export type HeaderRow = (ws: Sheet, cells: string[]) => void;

/**
 * A streamed workbook in the reports' style (bold shaded header rows), collected into one buffer:
 * the monthly report's and the meeting minutes' sheets are small.
 */
export async function writeWorkbook(build: (wb: Workbook, header: HeaderRow) => void): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'provdash';
  const header: HeaderRow = (ws, cells) => {
    const row = ws.addRow(cells);
    row.font = BOLD;
    row.eachCell((c) => (c.fill = HEADER_FILL));
    row.commit();
  };
  build(wb, header);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function monthlyReportSheets(wb: Workbook, header: HeaderRow, d: MonthlyReportData): void {
  const summary = wb.addWorksheet('สรุป');
  summary.columns = [{ width: 34 }, { width: 22 }];
  const title = summary.addRow([`รายงานผลการดำเนินงานประจำเดือน${d.monthTh} ${provinceTitle(d.nameTh)}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const t = d.disbursement.total;
  const lines: [string, string | number | null][] = [
    ['ปีงบประมาณ', d.fiscalYear],
    ['ข้อมูล ณ วันที่', d.asOf],
    ['คะแนนคำรับรองฯ ณ สิ้นเดือน', d.agreement?.liveFormatted ? Number(d.agreement.liveFormatted) : null],
    ['คะแนนรอบที่ประเมินล่าสุด', d.agreement?.lastRound ? Number(d.agreement.lastRound.formatted) : null],
    ['ตัวชี้วัดทั้งหมด', d.scorecard.kpis.length],
    ...(Object.keys(STATUS_TH) as (keyof typeof STATUS_TH)[]).map((s): [string, number] => [
      `ตัวชี้วัด: ${STATUS_TH[s]}`,
      d.scorecard.counts[s],
    ]),
    ['งบประมาณที่ได้รับจัดสรร (บาท)', Number(t.allocated)],
    ['เบิกจ่ายสะสม (บาท)', Number(t.disbursed)],
    ['อัตราการเบิกจ่ายสะสม (%)', t.rate],
    ['เป้าหมายการเบิกจ่าย (%)', t.target],
  ];
  for (const [label, value] of lines) summary.addRow([label, value]).commit();
  summary.commit();

  const kpis = wb.addWorksheet('ตัวชี้วัด');
  kpis.columns = [
    { width: 10 },
    { width: 8 },
    { width: 56 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 16 },
  ];
  header(kpis, ['ประเด็น', 'รหัส', 'ตัวชี้วัด', 'หน่วย', 'เป้าหมาย', 'ผลงาน', 'ร้อยละของเป้า', 'สถานะ']);
  for (const k of d.scorecard.kpis) {
    kpis
      .addRow([k.issueCode, k.code, k.nameTh, k.unitTh, k.target, k.actual, k.achievement, STATUS_TH[k.status]])
      .commit();
  }
  kpis.commit();

  const money = wb.addWorksheet('การเบิกจ่าย');
  money.columns = [{ width: 10 }, { width: 20 }, { width: 14 }, { width: 14 }];
  header(money, ['เดือน', 'เบิกจ่ายสะสม (บาท)', 'อัตราสะสม (%)', 'เป้าหมาย (%)']);
  for (const p of d.disbursement.curve)
    money.addRow([p.month, Number(p.cumulativeDisbursed), p.rate, p.target]).commit();
  money.commit();

  const red = wb.addWorksheet('ต่ำกว่าเป้าหมาย');
  red.columns = [{ width: 8 }, { width: 48 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 70 }];
  header(red, ['รหัส', 'ตัวชี้วัด', 'ผลงาน', 'ควรได้', 'ร้อยละของเป้า', 'คำอธิบายของจังหวัด']);
  for (const r of d.red) red.addRow([r.code, r.nameTh, r.actual, r.expected, r.achievement, r.narrativeTh]).commit();
  red.commit();
}
