import type { Lang } from '../../../common/messages';
import {
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_UNPACKED_BYTES,
  SheetDefinition,
} from '../../../common/spreadsheet-import/sheet-definition';

/**
 * The plan import's layout (docs/plan-import.md): one row per KPI, as strategy offices keep their
 * plan sheet, the issue and goal written on the KPI's row or left blank under the first KPI of a
 * group (a merged cell reads as blank: the row takes the issue and goal of the row above). Columns
 * are found by their Thai or English header, in any order.
 */
export type PlanColumn =
  | 'issueCode'
  | 'issueName'
  | 'goalCode'
  | 'goalName'
  | 'nationalPillar'
  | 'kpiCode'
  | 'kpiNameTh'
  | 'kpiNameEn'
  | 'unitTh'
  | 'unitEn'
  | 'direction'
  | 'bandMin'
  | 'bandMax'
  | 'frequency'
  | 'rollup'
  | 'numeratorTh'
  | 'denominatorTh'
  | 'baselineValue'
  | 'baselineFy'
  | 'hardMin'
  | 'hardMax'
  | 'ownerAgencyTh'
  | 'dataSource'
  | 'target'
  | 'trajectory'
  | 'issueNameEn'
  | 'goalNameEn'
  | 'clusterGoal'
  | 'leadsTo'
  | 'strategyCode'
  | 'strategyName'
  | 'strategyNameEn';

export interface PlanColumnDef {
  key: PlanColumn;
  th: string;
  en: string;
  aliases?: string[];
  width: number;
  /** One line for the template's notes and docs/plan-import.md. */
  noteTh: string;
  noteEn: string;
}

export const PLAN_COLUMNS: readonly PlanColumnDef[] = [
  { key: 'issueCode', th: 'รหัสประเด็นยุทธศาสตร์', en: 'issue code', aliases: ['รหัสประเด็น'], width: 12, noteTh: 'เช่น 1 (ว่างได้: ใช้ของแถวบน)', noteEn: 'e.g. 1 (blank: the row above’s)' },
  { key: 'issueName', th: 'ประเด็นยุทธศาสตร์', en: 'strategic issue', aliases: ['ประเด็นการพัฒนา'], width: 40, noteTh: 'ชื่อประเด็น (ภาษาไทย)', noteEn: 'issue name (Thai)' },
  { key: 'goalCode', th: 'รหัสเป้าประสงค์', en: 'goal code', width: 12, noteTh: 'เช่น 1.1', noteEn: 'e.g. 1.1' },
  { key: 'goalName', th: 'เป้าประสงค์', en: 'goal', width: 40, noteTh: 'ชื่อเป้าประสงค์ (ภาษาไทย)', noteEn: 'goal name (Thai)' },
  { key: 'nationalPillar', th: 'ยุทธศาสตร์ชาติด้านที่', en: 'national strategy pillar', aliases: ['ยุทธศาสตร์ชาติ'], width: 12, noteTh: '1–6 (ว่างได้)', noteEn: '1–6 (optional)' },
  { key: 'kpiCode', th: 'รหัสตัวชี้วัด', en: 'KPI code', width: 12, noteTh: 'ไม่ซ้ำในจังหวัด เช่น K5.1.1', noteEn: 'unique in the province, e.g. K5.1.1' },
  { key: 'kpiNameTh', th: 'ชื่อตัวชี้วัด', en: 'KPI name (Thai)', aliases: ['ตัวชี้วัด'], width: 45, noteTh: 'ภาษาไทย', noteEn: 'Thai' },
  { key: 'kpiNameEn', th: 'ชื่อตัวชี้วัด (อังกฤษ)', en: 'KPI name', width: 35, noteTh: 'ภาษาอังกฤษ', noteEn: 'English' },
  { key: 'unitTh', th: 'หน่วยนับ', en: 'unit (Thai)', aliases: ['หน่วย'], width: 12, noteTh: 'เช่น ร้อยละ, คน, ล้านบาท', noteEn: 'e.g. ร้อยละ' },
  { key: 'unitEn', th: 'หน่วยนับ (อังกฤษ)', en: 'unit', width: 12, noteTh: 'เช่น percent', noteEn: 'e.g. percent' },
  { key: 'direction', th: 'ทิศทาง', en: 'direction', width: 14, noteTh: 'มาก / น้อย / ช่วง', noteEn: 'higher / lower / band' },
  { key: 'bandMin', th: 'ขอบล่างของช่วง', en: 'band min', width: 10, noteTh: 'เฉพาะแบบช่วง', noteEn: 'band KPIs only' },
  { key: 'bandMax', th: 'ขอบบนของช่วง', en: 'band max', width: 10, noteTh: 'เฉพาะแบบช่วง', noteEn: 'band KPIs only' },
  { key: 'frequency', th: 'ความถี่', en: 'frequency', width: 12, noteTh: 'รายเดือน / รายไตรมาส / รายครึ่งปี / รายปี', noteEn: 'monthly / quarterly / half-yearly / yearly' },
  { key: 'rollup', th: 'การรวมผล', en: 'roll-up', width: 12, noteTh: 'ผลรวม / ค่าเฉลี่ย / ค่าล่าสุด / อัตราส่วน', noteEn: 'sum / average / last / ratio' },
  { key: 'numeratorTh', th: 'ตัวตั้ง', en: 'numerator', width: 25, noteTh: 'แบบอัตราส่วน: ตัวตั้งนับอะไร', noteEn: 'ratio: what the numerator counts' },
  { key: 'denominatorTh', th: 'ตัวหาร', en: 'denominator', width: 25, noteTh: 'แบบอัตราส่วน: ตัวหารนับอะไร', noteEn: 'ratio: what the denominator counts' },
  { key: 'baselineValue', th: 'ค่าฐาน', en: 'baseline', width: 10, noteTh: 'ตัวเลข (ว่างได้)', noteEn: 'a number (optional)' },
  { key: 'baselineFy', th: 'ปีค่าฐาน', en: 'baseline year', width: 10, noteTh: 'พ.ศ. เช่น 2568', noteEn: 'B.E., e.g. 2568' },
  { key: 'hardMin', th: 'ขีดจำกัดล่าง', en: 'hard min', width: 10, noteTh: 'ว่าง = ค่าเริ่มต้นตามหน่วย', noteEn: 'blank = the unit’s default' },
  { key: 'hardMax', th: 'ขีดจำกัดบน', en: 'hard max', width: 10, noteTh: 'ว่าง = ค่าเริ่มต้นตามหน่วย', noteEn: 'blank = the unit’s default' },
  { key: 'ownerAgencyTh', th: 'หน่วยงานรับผิดชอบ', en: 'owner agency', width: 30, noteTh: 'ชื่อหน่วยงาน', noteEn: 'agency name' },
  { key: 'dataSource', th: 'แหล่งข้อมูล', en: 'data source', width: 20, noteTh: 'ระบบหรือเอกสาร', noteEn: 'system or document' },
  { key: 'target', th: 'ค่าเป้าหมาย', en: 'target', aliases: ['เป้าหมาย'], width: 12, noteTh: 'ค่าเป้าหมายทั้งปี (ว่าง = ไม่กำหนด)', noteEn: 'the year’s target (blank = none)' },
  { key: 'trajectory', th: 'เป้าหมายรายงวด', en: 'trajectory', width: 24, noteTh: 'ค่าแต่ละงวดคั่นด้วย ; เช่น 10;20;30;40', noteEn: 'one value per period, separated by ;' },
  // Added after the first layout, at the end so that offices' existing sheets keep their columns.
  { key: 'issueNameEn', th: 'ประเด็นยุทธศาสตร์ (อังกฤษ)', en: 'strategic issue (English)', width: 35, noteTh: 'ชื่อประเด็นภาษาอังกฤษ (ต้องมีเมื่อเป็นประเด็นใหม่)', noteEn: 'issue name in English (required for a new issue)' },
  { key: 'goalNameEn', th: 'เป้าประสงค์ (อังกฤษ)', en: 'goal (English)', width: 35, noteTh: 'ชื่อเป้าประสงค์ภาษาอังกฤษ (ต้องมีเมื่อเป็นเป้าประสงค์ใหม่)', noteEn: 'goal name in English (required for a new goal)' },
  { key: 'clusterGoal', th: 'เป้าประสงค์กลุ่มจังหวัด', en: 'cluster goal', width: 14, noteTh: 'รหัสเป้าประสงค์ในแผนของกลุ่มจังหวัด เช่น CG2.1 (ว่างได้)', noteEn: 'code of a goal of the cluster’s plan, e.g. CG2.1 (optional)' },
  { key: 'leadsTo', th: 'ส่งผลต่อเป้าประสงค์', en: 'leads to goals', width: 16, noteTh: 'รหัสเป้าประสงค์ที่เป้าประสงค์นี้ส่งผลถึง คั่นด้วย ; เช่น 5.2;1.1', noteEn: 'codes of the goals this goal leads to (cause → effect), separated by ;' },
  { key: 'strategyCode', th: 'รหัสกลยุทธ์', en: 'strategy code', width: 12, noteTh: 'กลยุทธ์ของเป้าประสงค์ในแถว เช่น S5.1.1 (ว่างได้)', noteEn: 'a strategy of the row’s goal, e.g. S5.1.1 (optional)' },
  { key: 'strategyName', th: 'กลยุทธ์', en: 'strategy', aliases: ['แนวทาง'], width: 40, noteTh: 'ชื่อกลยุทธ์ (ภาษาไทย)', noteEn: 'strategy name (Thai)' },
  { key: 'strategyNameEn', th: 'กลยุทธ์ (อังกฤษ)', en: 'strategy (English)', width: 35, noteTh: 'ชื่อกลยุทธ์ภาษาอังกฤษ', noteEn: 'strategy name in English' },
];

export const planColumnLabel = (key: PlanColumn, lang: Lang) => PLAN_COLUMNS.find((c) => c.key === key)?.[lang] ?? key;

/** A province plan has tens of KPIs; a thousand rows is not a plan sheet. */
export const MAX_PLAN_ROWS = 1000;

export const PLAN_SHEET: SheetDefinition<PlanColumn> = {
  columns: PLAN_COLUMNS,
  isHeader: (keys) => keys.has('kpiCode') && keys.has('goalCode') && keys.has('issueCode'),
  noHeaderKey: 'planImport.noHeader',
  limits: {
    maxRows: MAX_PLAN_ROWS,
    tooManyRowsKey: 'planImport.tooManyRows',
    maxCells: (MAX_PLAN_ROWS + 20) * 50,
    maxUnpackedBytes: DEFAULT_MAX_UNPACKED_BYTES,
    maxEntries: DEFAULT_MAX_ENTRIES,
  },
};

/** The words a person writes for each closed list, in Thai or English. */
export const DIRECTION_WORDS: Record<string, 'higher_better' | 'lower_better' | 'band'> = {
  มาก: 'higher_better',
  ยิ่งมากยิ่งดี: 'higher_better',
  higher: 'higher_better',
  higher_better: 'higher_better',
  น้อย: 'lower_better',
  ยิ่งน้อยยิ่งดี: 'lower_better',
  lower: 'lower_better',
  lower_better: 'lower_better',
  ช่วง: 'band',
  band: 'band',
};

export const FREQUENCY_WORDS: Record<string, 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'> = {
  รายเดือน: 'monthly',
  monthly: 'monthly',
  รายไตรมาส: 'quarterly',
  quarterly: 'quarterly',
  รายครึ่งปี: 'half_yearly',
  'half-yearly': 'half_yearly',
  half_yearly: 'half_yearly',
  รายปี: 'yearly',
  yearly: 'yearly',
};

export const ROLLUP_WORDS: Record<string, 'sum' | 'average' | 'last' | 'ratio'> = {
  ผลรวม: 'sum',
  sum: 'sum',
  ค่าเฉลี่ย: 'average',
  average: 'average',
  ค่าล่าสุด: 'last',
  last: 'last',
  อัตราส่วน: 'ratio',
  ratio: 'ratio',
};
