import type { KpiStatusName } from '@provdash/shared/contracts';
import { formatDateLabel, kpiDisplayState, THAI_MONTHS_SHORT } from '@provdash/shared/domain';
import pdfmake from 'pdfmake';
import type {
  CanvasElement,
  Column,
  Content,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { forShaping } from '../agreements/exports/agreement-pdf';
import { provinceTitle, thaiNumber } from '../agreements/exports/export-format';
import { sarabunFiles } from '../agreements/exports/sarabun';
import { textWidth, wrapText } from '../agreements/exports/thai-text';
import type { MonthlyReportData } from './monthly-report-data';

/**
 * The governor's monthly briefing as a PDF (A4 portrait, Sarabun embedded): the headline (agreement
 * score, KPI lights, disbursement against target), a chart of the cumulative disbursement against
 * the Cabinet's target, the KPI table by strategic issue, disbursement by budget type, and the red
 * KPIs with what the province wrote about them. Every figure comes from MonthlyReportData; nothing
 * is computed here but layout.
 */

export const FONT = 'Sarabun';
export const PAGE_MARGINS: [number, number, number, number] = [48, 44, 48, 52];
export const WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
export const TABLE = 9;
const DASH = '–';

export const STATUS_TH: Record<KpiStatusName, string> = {
  green: 'บรรลุเป้าหมาย',
  amber: 'ใกล้เป้าหมาย',
  red: 'ต่ำกว่าเป้าหมาย',
  grey: 'ไม่มีผลรายงาน',
  none: 'ยังไม่ประเมิน',
};
const STATUS_FILL: Record<KpiStatusName, string> = {
  green: '#d7f0d8',
  amber: '#ffe8b3',
  red: '#ffd6d6',
  grey: '#eceff1',
  none: '#ffffff',
};
const BAR = '#1565c0';
const TARGET = '#c62828';

let configured = false;

/** The same font set-up as the agreement PDF: Sarabun only, no URL and no other local file. */
export function configurePdfmake(): void {
  if (configured) return;
  const files = sarabunFiles();
  pdfmake.setFonts({
    [FONT]: { normal: files.normal, bold: files.bold, italics: files.normal, bolditalics: files.bold },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === files.normal || path === files.bold);
  configured = true;
}

const num = (v: number | string | null | undefined, max = 2) =>
  v === null || v === undefined ? DASH : thaiNumber(v, 0, max);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? DASH : `${thaiNumber(v, 1, 1)}%`);
export const dateTh = (iso: string) => formatDateLabel(iso, 'th');

const CELL_PAD = 3;
const RULE = 0.5;

/**
 * Column widths that add up to the full text width: the fixed ones as given, `'*'` the rest. Every
 * table of the report spans the page exactly, so tables line up one under the other, and text is
 * wrapped to the width its column really has (pdfmake widens a column to the longest unbreakable
 * line, which is what made each issue's table a different width).
 */
export function fullWidths(widths: (number | '*')[]): number[] {
  const chrome = widths.length * 2 * CELL_PAD + (widths.length + 1) * RULE;
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars ? Math.floor(((WIDTH - chrome - fixed) / stars) * 100) / 100 : 0;
  return widths.map((w) => (w === '*' ? star : w));
}

/** A header cell, bold and centred, broken at word boundaries to its column's width. */
export const headerCell = (text: string, width: number): TableCell => ({
  text: wrapText(text, width, TABLE, 'bold'),
  bold: true,
  alignment: 'center' as const,
});

export const layout: CustomTableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => '#90a4ae',
  vLineColor: () => '#90a4ae',
  paddingLeft: () => CELL_PAD,
  paddingRight: () => CELL_PAD,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
  fillColor: (row) => (row === 0 ? '#e8eef5' : null),
};

export const heading = (text: string): Content => ({
  text,
  bold: true,
  fontSize: 13,
  margin: [0, 12, 0, 4],
  headlineLevel: 1,
});

function headline(d: MonthlyReportData): Content {
  const counts = d.scorecard.counts;
  const widths = fullWidths(['*', '*', '*']);
  const box = (title: string, big: string, small: string): Content => ({
    stack: [
      { text: wrapText(title, widths[0], 10, 'bold'), bold: true, fontSize: 10 },
      { text: big, fontSize: 20, bold: true, margin: [0, 2, 0, 2] },
      { text: wrapText(small, widths[0], 9), fontSize: 9, color: '#455a64' },
    ],
  });
  const agreement = d.agreement;
  const total = d.disbursement.total;
  return {
    table: {
      widths,
      body: [
        [
          box(
            'คะแนนคำรับรองการปฏิบัติราชการ',
            agreement?.liveFormatted ?? DASH,
            agreement?.lastRound
              ? `คะแนน ณ สิ้นเดือน (ผลที่อนุมัติแล้ว) · รอบ ${agreement.lastRound.round} เดือน: ${agreement.lastRound.formatted}`
              : 'คะแนน ณ สิ้นเดือน จากผลที่อนุมัติแล้ว',
          ),
          box(
            'สถานะตัวชี้วัด',
            `${counts.green}/${d.scorecard.kpis.length}`,
            `บรรลุ ${counts.green} · ใกล้ ${counts.amber} · ต่ำกว่า ${counts.red} · ไม่มีผล ${counts.grey} · ยังไม่ประเมิน ${counts.none}`,
          ),
          box(
            'อัตราการเบิกจ่ายสะสม',
            pct(total.rate),
            `เป้าหมาย ${pct(total.target)} · เบิกจ่าย ${num(total.disbursed)} จาก ${num(total.allocated)} บาท`,
          ),
        ],
      ],
    },
    layout: { ...layout, fillColor: () => '#f5f7f8' },
  };
}

/** October to September: the months of a fiscal year, in order. */
const FY_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Cumulative disbursement rate per month as bars, the Cabinet's target as a red line: pdfmake
 * vectors. The axis always spans the whole fiscal year (October to September), so October's report
 * shows one bar of twelve rather than one bar stretched across the page, and each bar carries its
 * figure. A year without any allocated budget has nothing to draw: it says so instead.
 */
function disbursementChart(d: MonthlyReportData): Content {
  const points = d.disbursement.curve;
  if (!points.some((p) => p.rate !== null)) {
    return {
      text: wrapText(
        `ยังไม่มีโครงการที่ได้รับจัดสรรงบประมาณในปีงบประมาณ พ.ศ. ${d.fiscalYear} จึงยังไม่มีกราฟการเบิกจ่าย`,
        WIDTH,
        10,
      ),
      fontSize: 10,
      color: '#455a64',
      margin: [0, 2, 0, 6],
    };
  }
  const axis = 36;
  const chartW = WIDTH - axis;
  const chartH = 140;
  const step = chartW / FY_MONTHS.length;
  const slot = (month: string) => FY_MONTHS.indexOf(Number(month.slice(5, 7)));
  const y = (rate: number) => chartH - (Math.max(0, Math.min(100, rate)) / 100) * chartH;
  const canvas: CanvasElement[] = [];
  for (const g of [0, 25, 50, 75, 100]) {
    canvas.push({ type: 'line', x1: 0, y1: y(g), x2: chartW, y2: y(g), lineWidth: 0.4, lineColor: '#cfd8dc' });
  }
  const labels: Content[] = [];
  for (const p of points) {
    if (p.rate === null) continue;
    const x = slot(p.month) * step;
    canvas.push({ type: 'rect', x: x + step * 0.18, y: y(p.rate), w: step * 0.64, h: chartH - y(p.rate), color: BAR });
    // Detached from the flow (pdfmake's relativePosition), above its bar, centred on it.
    const label = `${thaiNumber(p.rate, 1, 1)}%`;
    labels.push({
      text: label,
      fontSize: 7,
      color: '#0d47a1',
      relativePosition: { x: x + step / 2 - textWidth(label, 7) / 2, y: y(p.rate) - 10 },
    });
  }
  const targets = points
    .map((p) => (p.target === null ? null : { x: slot(p.month) * step + step / 2, y: y(p.target) }))
    .filter((p): p is { x: number; y: number } => p !== null);
  if (targets.length > 1) canvas.push({ type: 'polyline', lineWidth: 1.5, lineColor: TARGET, points: targets });
  for (const t of targets) canvas.push({ type: 'ellipse', x: t.x, y: t.y, r1: 2, r2: 2, color: TARGET });
  const swatch = (draw: CanvasElement): Column => ({ canvas: [draw], width: 14, margin: [0, 3, 0, 0] });
  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          {
            width: axis,
            stack: ['100%', '75%', '50%', '25%', '0%'].map((label, i) => ({
              text: label,
              fontSize: 7,
              alignment: 'right' as const,
              margin: [0, i === 0 ? 0 : chartH / 4 - 8.3, 4, 0] as [number, number, number, number],
            })),
          },
          { width: chartW, stack: [...labels, { canvas }] },
        ],
        columnGap: 0,
      },
      {
        columns: [
          { width: axis, text: '' },
          ...FY_MONTHS.map((m) => ({
            width: step,
            text: THAI_MONTHS_SHORT[m - 1],
            fontSize: 7,
            alignment: 'center' as const,
          })),
        ],
        columnGap: 0,
        margin: [0, 2, 0, 0],
      },
      {
        columns: [
          swatch({ type: 'rect', x: 0, y: 0, w: 9, h: 7, color: BAR }),
          { text: 'อัตราการเบิกจ่ายสะสม (ร้อยละของงบที่ได้รับจัดสรร)', width: 'auto' },
          swatch({ type: 'line', x1: 0, y1: 3.5, x2: 11, y2: 3.5, lineWidth: 1.5, lineColor: TARGET }),
          { text: 'เป้าหมายการเบิกจ่ายสะสมตามมติคณะรัฐมนตรี', width: 'auto' },
        ],
        columnGap: 4,
        fontSize: 8,
        margin: [axis, 4, 0, 0],
      },
    ],
  };
}

/** Code, name, unit, target, actual, % of target, status: the same in every issue's table. */
const KPI_WIDTHS = fullWidths([36, '*', 50, 52, 52, 50, 58]);

/** The KPI table by strategic issue; each row from the KPI's one display state (`kpiDisplayState`). */
export function kpiTable(d: MonthlyReportData): Content[] {
  const issues = [...new Set(d.scorecard.kpis.map((k) => k.issueCode))];
  return issues.flatMap((issue) => {
    const kpis = d.scorecard.kpis.filter((k) => k.issueCode === issue);
    const body: TableCell[][] = [
      ['รหัส', 'ตัวชี้วัด', 'หน่วย', 'เป้าหมาย', 'ผลงาน', 'ร้อยละของเป้า', 'สถานะ'].map((h, i) =>
        headerCell(h, KPI_WIDTHS[i]),
      ),
      ...kpis.map((k) => {
        // One state per KPI, as the screens show it: no value beside "no report".
        const s = kpiDisplayState(k);
        return [
          k.code,
          wrapText(k.nameTh, KPI_WIDTHS[1], TABLE),
          wrapText(k.unitTh, KPI_WIDTHS[2], TABLE),
          { text: num(k.target), alignment: 'right' as const },
          { text: s.earlyPeriod ? `${num(s.actual)}\n(ก่อนกำหนด)` : num(s.actual), alignment: 'right' as const },
          { text: pct(s.achievement), alignment: 'right' as const },
          { text: wrapText(STATUS_TH[s.status], KPI_WIDTHS[6], TABLE), fillColor: STATUS_FILL[s.status] },
        ];
      }),
    ];
    // An issue's heading and its few KPIs stay on one page.
    return [
      {
        unbreakable: kpis.length <= 12,
        stack: [
          { text: `ประเด็นยุทธศาสตร์ ${issue}`, bold: true, margin: [0, 6, 0, 2] },
          {
            table: { headerRows: 1, dontBreakRows: true, widths: KPI_WIDTHS, body },
            layout,
            fontSize: TABLE,
          },
        ],
      } as Content,
    ];
  });
}

const DISBURSEMENT_WIDTHS = fullWidths(['*', 96, 96, 56, 56, 56]);

function disbursementTable(d: MonthlyReportData): Content {
  const type = { capital: 'งบลงทุน', current: 'งบประจำ' } as const;
  const t = d.disbursement.total;
  const rows = [
    ...d.disbursement.byType.map((b) => [type[b.budgetType], b.allocated, b.disbursed, b.rate, b.target, b.gap]),
    ['รวม', t.allocated, t.disbursed, t.rate, t.target, t.gap],
  ];
  return {
    table: {
      headerRows: 1,
      widths: DISBURSEMENT_WIDTHS,
      body: [
        ['ประเภทงบ', 'งบที่ได้รับจัดสรร (บาท)', 'เบิกจ่ายสะสม (บาท)', 'อัตรา', 'เป้าหมาย', 'ส่วนต่าง (จุด)'].map(
          (h, i) => headerCell(h, DISBURSEMENT_WIDTHS[i]),
        ),
        ...rows.map(([label, allocated, disbursed, rate, target, gap], i) => [
          { text: String(label), bold: i === rows.length - 1 },
          { text: num(allocated as string), alignment: 'right' as const },
          { text: num(disbursed as string), alignment: 'right' as const },
          { text: pct(rate as number | null), alignment: 'right' as const },
          { text: pct(target as number | null), alignment: 'right' as const },
          { text: gap === null ? DASH : thaiNumber(gap as number, 1, 1), alignment: 'right' as const },
        ]),
      ],
    },
    layout,
    fontSize: TABLE,
  };
}

function redItems(d: MonthlyReportData): Content[] {
  if (!d.red.length) return [{ text: 'ไม่มีตัวชี้วัดที่ต่ำกว่าเป้าหมาย', margin: [0, 0, 0, 4] }];
  return d.red.map((r) => ({
    unbreakable: true,
    margin: [0, 0, 0, 6] as [number, number, number, number],
    stack: [
      { text: wrapText(`${r.code} ${r.nameTh}`, WIDTH, 10, 'bold'), bold: true, fontSize: 10 },
      {
        text: wrapText(
          `ผลงาน ${num(r.actual)} ${r.unitTh} · ควรได้ ณ สิ้นเดือน ${num(r.expected)} · ร้อยละ ${pct(r.achievement)} ของเป้า`,
          WIDTH,
          9,
        ),
        fontSize: 9,
        color: '#455a64',
      },
      {
        text: wrapText(
          r.narrativeTh ? `คำอธิบายของจังหวัด: ${r.narrativeTh}` : 'ยังไม่มีคำอธิบายผลที่อนุมัติ',
          WIDTH - 12,
          10,
        ),
        fontSize: 10,
        margin: [12, 2, 0, 0] as [number, number, number, number],
      },
    ],
  }));
}

export function monthlyReportDocument(d: MonthlyReportData): TDocumentDefinitions {
  const province = provinceTitle(d.nameTh);
  const title = `รายงานผลการดำเนินงานประจำเดือน${d.monthTh}`;
  const content: Content[] = [
    { text: title, fontSize: 17, bold: true, alignment: 'center' },
    { text: province, fontSize: 14, bold: true, alignment: 'center' },
    {
      text: `ปีงบประมาณ พ.ศ. ${d.fiscalYear} · ข้อมูล ณ วันที่ ${dateTh(d.asOf)} · นับเฉพาะข้อมูลที่อนุมัติแล้ว`,
      alignment: 'center',
      fontSize: 10,
      color: '#455a64',
      margin: [0, 2, 0, 10],
    },
    heading('1. ภาพรวม'),
    headline(d),
    heading('2. การเบิกจ่ายสะสมเทียบเป้าหมาย'),
    disbursementChart(d),
    { text: '', margin: [0, 6, 0, 0] },
    disbursementTable(d),
    heading('3. ตัวชี้วัดตามประเด็นยุทธศาสตร์'),
    ...kpiTable(d),
    heading('4. ตัวชี้วัดที่ต่ำกว่าเป้าหมาย และคำอธิบายของจังหวัด'),
    ...redItems(d),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'th-TH',
    info: { title: `${title} ${province}`, creator: 'provdash', producer: 'provdash (pdfmake)' },
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1.15 },
    pageBreakBefore: (node) =>
      node.headlineLevel === 1 && node.startPosition.pageInnerHeight * (1 - node.startPosition.verticalRatio) < 120,
    footer: (page, pages) =>
      forShaping({
        margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
        fontSize: 8,
        color: '#607d8b',
        columns: [
          { text: `${title} ${province} · จัดทำเมื่อ ${dateTh(d.generatedOn)}`, width: '*' },
          { text: `หน้า ${page}/${pages}`, width: 'auto' },
        ],
      }) as Content,
    content: forShaping(content),
  };
}

/** The report as PDF bytes: a few pages, laid out in memory by pdfmake, then kept in the database. */
export async function renderMonthlyReportPdf(d: MonthlyReportData): Promise<Buffer> {
  configurePdfmake();
  return Buffer.from(await pdfmake.createPdf(monthlyReportDocument(d)).getBuffer());
}
