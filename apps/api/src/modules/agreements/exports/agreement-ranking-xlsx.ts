import type { AgreementMinistryViewDto, AgreementRankingEntryDto } from '@provdash/shared/contracts';
import { formatDateLabel } from '@provdash/shared/domain';
import { Workbook, type Worksheet } from 'exceljs';

/**
 * The ministry's ranking as a workbook: the provinces and the clusters in the screen's order with
 * the same figures (numbers, formatted by the cell: scores 0.0000), then the distribution and the
 * evaluation's progress. Thai headers.
 */

export const RANKING_PROVINCES_SHEET = 'อันดับจังหวัด';
export const RANKING_CLUSTERS_SHEET = 'อันดับกลุ่มจังหวัด';
export const RANKING_DISTRIBUTION_SHEET = 'การกระจายคะแนน';
export const RANKING_PROGRESS_SHEET = 'ความก้าวหน้าการประเมิน';
/** The header row of each ranking table (rows above it are the title). */
export const RANKING_HEADER_ROW = 4;

const SCORE = '0.0000';
const SIGNED_SCORE = '+0.0000;-0.0000;0.0000';
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };

export function roundLabelTh(round: 6 | 12 | 'live'): string {
  return round === 'live' ? 'คะแนนปัจจุบัน (ไม่เป็นทางการ)' : `รอบ ${round} เดือน`;
}

function title(ws: Worksheet, text: string, note: string) {
  ws.addRow([text]).font = { bold: true, size: 14 };
  ws.addRow([note]);
  ws.addRow([]);
}

function header(ws: Worksheet, cells: string[]) {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

function rankingSheet(
  wb: Workbook,
  name: string,
  heading: string,
  view: AgreementMinistryViewDto,
  rows: AgreementRankingEntryDto[],
  cluster: boolean,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: RANKING_HEADER_ROW }] });
  const prev = `${roundLabelTh(view.previous.round)} ปี ${view.previous.fiscalYear}`;
  title(
    ws,
    `${heading} ${roundLabelTh(view.round)} ปีงบประมาณ พ.ศ. ${view.fiscalYear}`,
    `ข้อมูล ณ วันที่ ${formatDateLabel(view.asOf, 'th')} · เทียบกับ${prev} · คะแนน 0–5 ทศนิยม 4 ตำแหน่ง`,
  );
  header(ws, [
    'อันดับ',
    'รหัส',
    cluster ? 'กลุ่มจังหวัด' : 'จังหวัด',
    cluster ? 'จังหวัดที่มีคะแนน / สมาชิก' : 'กลุ่มจังหวัด',
    'คะแนน',
    `คะแนน${prev}`,
    'คะแนนเปลี่ยนแปลง',
    `อันดับ${prev}`,
    'อันดับเปลี่ยนแปลง (+ ขึ้น)',
  ]);
  ws.columns = [8, 7, 34, 16, 11, 14, 13, 13, 13].map((width) => ({ width }));
  for (const r of rows) {
    const row = ws.addRow([
      r.rank,
      r.code,
      r.nameTh,
      cluster ? `${r.scoredProvinces ?? 0} / ${r.memberProvinces ?? 0}` : r.clusterCode,
      r.score,
      r.previousScore,
      r.scoreChange,
      r.previousRank,
      r.rankChange,
    ]);
    row.getCell(5).numFmt = SCORE;
    row.getCell(6).numFmt = SCORE;
    row.getCell(7).numFmt = SIGNED_SCORE;
    row.getCell(9).numFmt = '+0;-0;0';
  }
}

/** The ministry's view, as the screen shows it, in a workbook (built in memory: 77 + 18 rows). */
export async function ministryRankingXlsx(view: AgreementMinistryViewDto): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'provdash';
  rankingSheet(
    wb,
    RANKING_PROVINCES_SHEET,
    'อันดับคะแนนคำรับรองการปฏิบัติราชการ 77 จังหวัด',
    view,
    view.provinces,
    false,
  );
  rankingSheet(
    wb,
    RANKING_CLUSTERS_SHEET,
    'อันดับคะแนนคำรับรองฯ 18 กลุ่มจังหวัด (ค่าเฉลี่ยของจังหวัดสมาชิก)',
    view,
    view.clusters,
    true,
  );

  const dist = wb.addWorksheet(RANKING_DISTRIBUTION_SHEET);
  title(
    dist,
    `การกระจายคะแนน ${roundLabelTh(view.round)} ปีงบประมาณ พ.ศ. ${view.fiscalYear}`,
    'จำนวนจังหวัดตามช่วงคะแนน',
  );
  header(dist, ['ช่วงคะแนน', 'จำนวนจังหวัด']);
  dist.columns = [{ width: 18 }, { width: 14 }];
  for (const b of view.distribution.bands) {
    dist.addRow([b.band === 5 ? '5 (เต็ม)' : `${b.from} – ต่ำกว่า ${b.to}`, b.provinces]);
  }
  dist.addRow([]);
  const s = view.distribution.statistics;
  const stats: [string, number | null][] = [
    ['จำนวนจังหวัดที่มีคะแนน', s.count],
    ['ค่าเฉลี่ย', s.mean],
    ['ส่วนเบี่ยงเบนมาตรฐาน', s.stdDev],
    ['ต่ำสุด', s.min],
    ['ควอร์ไทล์ที่ 1', s.q1],
    ['มัธยฐาน', s.median],
    ['ควอร์ไทล์ที่ 3', s.q3],
    ['สูงสุด', s.max],
  ];
  for (const [label, value] of stats) {
    const row = dist.addRow([label, value]);
    if (label !== 'จำนวนจังหวัดที่มีคะแนน') row.getCell(2).numFmt = SCORE;
  }

  const prog = wb.addWorksheet(RANKING_PROGRESS_SHEET);
  title(prog, `ความก้าวหน้าการประเมินผลคำรับรองฯ ปีงบประมาณ พ.ศ. ${view.fiscalYear}`, 'จำนวนจังหวัด');
  header(prog, [
    'รอบ',
    'จังหวัดทั้งหมด',
    'ลงนามคำรับรองแล้ว',
    'ส่งรายงานประเมินตนเอง',
    'ประเมินครบทุกตัวชี้วัด',
    'ยืนยันผล (ปิดรอบ)',
  ]);
  prog.columns = [18, 14, 16, 18, 18, 16].map((width) => ({ width }));
  for (const p of view.progress) {
    prog.addRow([roundLabelTh(p.round), p.provinces, p.agreed, p.submitted, p.evaluated, p.frozen]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
