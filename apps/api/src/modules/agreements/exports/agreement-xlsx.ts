import type { AgreementScorecardDto, AgreementScoreLineDto } from '@provdash/shared/contracts';
import { bangkokDateOf, formatDateLabel } from '@provdash/shared/domain';
import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { DIRECTION_TH, KIND_TH, provinceTitle } from './export-format';

/**
 * The public agreement scorecard as a workbook: one row per indicator with its weight, five
 * criterion values, actual, score and weighted contribution — all numbers, formatted by the cell
 * (weights 0.00, scores 0.0000), so they can be summed and charted — then the weighted total and
 * the frozen rounds. Thai headers. The figures are the scorecard API's, written as they are.
 */

export const SCORECARD_SHEET = 'คะแนนคำรับรอง';
/** The header row of the indicator table (rows above it are the title). */
export const HEADER_ROW = 4;

type Cell = string | number | null;

interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
  value: (line: AgreementScoreLineDto) => Cell;
}

const WEIGHT = '#,##0.00';
const SCORE = '0.0000';
const VALUE = '#,##0.######';

export const SCORECARD_COLUMNS: SheetColumn[] = [
  { header: 'รหัส', width: 9, value: (l) => l.code },
  { header: 'ตัวชี้วัด', width: 58, value: (l) => l.nameTh },
  { header: 'หน่วยวัด', width: 10, value: (l) => l.unitTh },
  { header: 'ทิศทาง', width: 14, value: (l) => DIRECTION_TH[l.direction] },
  { header: 'ประเภท', width: 16, value: (l) => KIND_TH[l.kind] },
  { header: 'น้ำหนัก (ร้อยละ)', width: 11, numFmt: WEIGHT, value: (l) => l.weight },
  ...[1, 2, 3, 4, 5].map(
    (level): SheetColumn => ({
      header: `เกณฑ์ระดับ ${level}`,
      width: 11,
      numFmt: VALUE,
      value: (l) => l.levels[level - 1] ?? null,
    }),
  ),
  { header: 'ผลการดำเนินงาน', width: 14, numFmt: VALUE, value: (l) => l.actual },
  { header: 'คะแนน (0–5)', width: 11, numFmt: SCORE, value: (l) => l.score },
  { header: 'คะแนนถ่วงน้ำหนัก', width: 14, numFmt: SCORE, value: (l) => l.contribution },
  { header: 'นำมาคิดคะแนน', width: 12, value: (l) => (l.counted ? 'ใช่' : 'ไม่ (ยังไม่มีผล)') },
  { header: 'ระดับถัดไป', width: 10, value: (l) => l.nextLevel?.level ?? null },
  { header: 'ค่าที่ต้องได้เพื่อถึงระดับถัดไป', width: 16, numFmt: VALUE, value: (l) => l.nextLevel?.value ?? null },
  { header: 'ตัวชี้วัดในแผน (KPI)', width: 12, value: (l) => l.kpiCode },
];

const column = (header: string) => SCORECARD_COLUMNS.findIndex((c) => c.header === header) + 1;

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

/** Writes the workbook to `out` as it is built (exceljs streaming writer: rows are flushed as committed). */
export async function writeScorecardXlsx(s: AgreementScorecardDto, out: Writable): Promise<void> {
  const wb = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'provdash';
  const ws = wb.addWorksheet(SCORECARD_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  ws.columns = SCORECARD_COLUMNS.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));

  const title = ws.addRow([
    `คะแนนตามคำรับรองการปฏิบัติราชการ ${provinceTitle(s.nameTh)} ประจำปีงบประมาณ พ.ศ. ${s.fiscalYear}`,
  ]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([
    `ข้อมูล ณ วันที่ ${formatDateLabel(s.live.asOf, 'th')} · นับเฉพาะผลที่อนุมัติแล้ว ` +
      'ตัวชี้วัดที่ยังไม่มีผลไม่นำมาคิดในคะแนนรวม · คะแนนรวม = Σ(น้ำหนัก × คะแนน) / Σน้ำหนักที่นำมาคิด',
  ]).commit();
  ws.addRow([]).commit();

  const header = ws.addRow(SCORECARD_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  header.commit();

  for (const line of s.live.indicators) {
    const row = ws.addRow(SCORECARD_COLUMNS.map((c) => c.value(line)));
    row.getCell(column('ตัวชี้วัด')).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }

  const total: Cell[] = SCORECARD_COLUMNS.map(() => null);
  total[column('ตัวชี้วัด') - 1] = 'คะแนนรวมถ่วงน้ำหนัก (น้ำหนักที่นำมาคิด)';
  total[column('น้ำหนัก (ร้อยละ)') - 1] = s.live.countedWeight;
  total[column('คะแนนถ่วงน้ำหนัก') - 1] = s.live.score;
  const totalRow = ws.addRow(total);
  totalRow.font = { bold: true };
  totalRow.eachCell({ includeEmpty: true }, (cell) => (cell.fill = TOTAL_FILL));
  totalRow.commit();

  ws.addRow([]).commit();
  const roundsHeader = ws.addRow(['รอบการประเมิน', 'ประเมินเมื่อ', null, null, null, 'คะแนนรวมถ่วงน้ำหนัก']);
  roundsHeader.font = { bold: true };
  roundsHeader.commit();
  if (s.rounds.length === 0) ws.addRow(['ยังไม่มีการประเมินรอบ 6 หรือ 12 เดือน']).commit();
  for (const r of s.rounds) {
    const row = ws.addRow([
      `รอบ ${r.round} เดือน`,
      formatDateLabel(bangkokDateOf(new Date(r.evaluatedAt)), 'th'),
      null,
      null,
      null,
      r.score,
    ]);
    row.getCell(6).numFmt = SCORE;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
