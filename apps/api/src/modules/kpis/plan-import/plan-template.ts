import { Workbook } from 'exceljs';
import { PLAN_COLUMNS } from './plan-sheet';

/**
 * The sample plan (docs/samples/plan-import-template.xlsx, made by `tools/plan-import-template.ts`
 * and served at GET /api/plan-import/template): a new strategic issue of province 50 with two
 * goals (an arrow from the first to the second, both linked up to the cluster goal CG2.1), three
 * strategies and four KPIs of different kinds and their FY 2570 targets. It imports into the demo as
 * it is; the header has the Thai row and the English row under it, as the results template does.
 */
export const SAMPLE_ROWS: (string | number | null)[][] = [
  // issueCode, issueName, goalCode, goalName, pillar, kpiCode, nameTh, nameEn, unitTh, unitEn, direction, bandMin, bandMax,
  // frequency, rollup, numerator, denominator, baseline, baselineFy, hardMin, hardMax, agency, source, target, trajectory,
  // issueNameEn, goalNameEn, clusterGoal, leadsTo, strategyCode, strategyName, strategyNameEn
  ['5', 'การพัฒนาคุณภาพชีวิตผู้สูงอายุ', '5.1', 'ผู้สูงอายุมีสุขภาพดี', 3, 'K5.1.1', 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ', 'Elderly health screening rate', 'ร้อยละ', 'percent', 'มาก', null, null, 'รายไตรมาส', 'อัตราส่วน', 'ผู้สูงอายุที่ได้รับการคัดกรอง', 'ผู้สูงอายุทั้งหมด', 78.5, 2568, null, null, 'สำนักงานสาธารณสุขจังหวัด', 'HDC', 90, '20;45;70;90', 'Quality of life of the elderly', 'The elderly are healthy', 'CG2.1', '5.2', 'S5.1.1', 'คัดกรองสุขภาพผู้สูงอายุเชิงรุกในชุมชน', 'Proactive health screening in communities'],
  [null, null, null, null, null, 'K5.1.2', 'จำนวนผู้สูงอายุที่ล้มจนต้องเข้าโรงพยาบาล', 'Elderly hospitalised after a fall', 'คน', 'people', 'น้อย', null, null, 'รายไตรมาส', 'ผลรวม', null, null, 420, 2568, null, null, 'สำนักงานสาธารณสุขจังหวัด', 'HDC', 380, '100;200;290;380', null, null, null, null, 'S5.1.2', 'ป้องกันการหกล้มในบ้านผู้สูงอายุ', 'Fall prevention in elderly homes'],
  [null, null, '5.2', 'ผู้สูงอายุมีรายได้มั่นคง', 4, 'K5.2.1', 'ดัชนีมวลกายเฉลี่ยของผู้สูงอายุ', 'Average BMI of the elderly', 'กก./ตร.ม.', 'kg/m²', 'ช่วง', 18.5, 22.9, 'รายปี', 'ค่าเฉลี่ย', null, null, 23.4, 2568, 10, 60, 'สำนักงานสาธารณสุขจังหวัด', 'การสำรวจสุขภาพ', 22, null, null, 'The elderly have a secure income', 'CG2.1', null, 'S5.2.1', 'ส่งเสริมกลุ่มอาชีพผู้สูงอายุ', 'Support elderly occupation groups'],
  [null, null, null, null, null, 'K5.2.2', 'รายได้เฉลี่ยของกลุ่มอาชีพผู้สูงอายุ', 'Average income of elderly occupation groups', 'บาท/เดือน', 'THB/month', 'มาก', null, null, 'รายครึ่งปี', 'ค่าล่าสุด', null, null, 3200, 2568, null, null, 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด', 'ทะเบียนกลุ่มอาชีพ', 4000, '3500;4000', null, null, null, null, null, null, null],
];

/** The template workbook: the plan sheet (Thai header, English header, sample rows) and a notes sheet. */
export function planTemplateWorkbook(rows: (string | number | null)[][] = SAMPLE_ROWS): Workbook {
  const wb = new Workbook();
  wb.creator = 'provdash';
  // A fixed date: the sample file in docs/ stays byte-stable between runs of the script.
  wb.created = wb.modified = new Date('2026-12-01T00:00:00Z');
  const ws = wb.addWorksheet('แผน (plan)');
  ws.columns = PLAN_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(PLAN_COLUMNS.map((c) => c.th)).font = { bold: true };
  ws.addRow(PLAN_COLUMNS.map((c) => c.en)).font = { italic: true, color: { argb: 'FF555555' } };
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  const notes = wb.addWorksheet('คำอธิบาย (notes)');
  notes.columns = [{ width: 26 }, { width: 22 }, { width: 48 }, { width: 48 }];
  notes.addRow(['คอลัมน์', 'column', 'คำอธิบาย', 'notes']).font = { bold: true };
  for (const c of PLAN_COLUMNS) notes.addRow([c.th, c.en, c.noteTh, c.noteEn]);
  return wb;
}
