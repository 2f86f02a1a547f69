import type {
  AgreementDto,
  AgreementRoundDto,
  AgreementScoreLineDto,
  AgreementStatusName,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearRange, formatAgreementScore, formatDateLabel } from '@provdash/shared/domain';
import pdfmake from 'pdfmake';
import type { Column, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Readable } from 'node:stream';
import { DIRECTION_TH, provinceTitle, thaiNumber } from './export-format';
import { sarabunFiles } from './sarabun';
import { textWidth, wrapText } from './thai-text';

/**
 * The province's performance agreement as an official printable document (คำรับรองการปฏิบัติ
 * ราชการ): title, the parties, the agreement period, the indicators with their weights and five
 * criterion values, the score as of a date with the frozen rounds, and the signature block. Every
 * figure comes from the AgreementDto the API serves (the live score and the rounds' snapshots);
 * nothing is scored here. Set in Sarabun, embedded (subset) in the file.
 */

const FONT = 'Sarabun';
const BODY = 11;
const TABLE = 9;
/** A4 portrait in points; the left margin leaves room for binding, as Thai official paper does. */
const PAGE = { width: 595.28, margins: [62, 48, 48, 56] as [number, number, number, number] };
const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];
const PAD = 3;
const RULE = 0.5;
const HEADER_FILL = '#e8eef5';
const TOTAL_FILL = '#f4f4f4';
const DASH = '–';
/** Room a section heading needs below it (its lead paragraph, a table header and a row), in points. */
const KEEP_WITH_HEADING = 150;

let configured = false;

/**
 * pdfmake keeps its fonts and access policies on one shared instance: set once, Sarabun only, no
 * URL downloads, and no local file but the two font files.
 */
function configurePdfmake(): void {
  if (configured) return;
  const files = sarabunFiles();
  pdfmake.setFonts({
    [FONT]: { normal: files.normal, bold: files.bold, italics: files.normal, bolditalics: files.bold },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === files.normal || path === files.bold);
  configured = true;
}

const ROUND_TH = (round: number) => `รอบ ${round} เดือน`;

const STATUS_TH: Record<AgreementStatusName, string> = {
  draft: 'ร่าง ยังไม่ได้ลงนาม',
  proposed: 'เสนอกระทรวงแล้ว ยังไม่ได้ลงนาม',
  returned: 'กระทรวงส่งกลับให้แก้ไข ยังไม่ได้ลงนาม',
  accepted: 'กระทรวงรับแล้ว รอผู้ว่าราชการจังหวัดลงนาม',
  agreed: 'ลงนามแล้ว',
  evaluated_6: 'ลงนามแล้ว ประเมินรอบ 6 เดือนแล้ว',
  evaluated_12: 'ลงนามแล้ว ประเมินรอบ 12 เดือนแล้ว',
};

const dateTh = (isoDate: string) => formatDateLabel(isoDate, 'th');
const instantTh = (iso: string) => dateTh(bangkokDateOf(new Date(iso)));
const score4 = (value: number | string | null | undefined) =>
  value === null || value === undefined ? DASH : formatAgreementScore(value);

/** A table column: its header lines and cells; fixed columns take the width their text needs. */
interface TableColumn {
  header: string;
  /** `flex` takes the width the others leave. */
  flex?: boolean;
  align?: 'left' | 'center' | 'right';
}

function columnWidths(columns: TableColumn[], rows: string[][], size: number): number[] {
  const widths = columns.map((c, i) => {
    if (c.flex) return 0;
    const texts = [c.header, ...rows.map((r) => r[i])].flatMap((t) => t.split('\n'));
    // Bold is the wider cut, and wrapText keeps clear of the edge: size for both.
    return Math.ceil(Math.max(...texts.map((t) => textWidth(t, size, 'bold'))) + 1.5);
  });
  const chrome = columns.length * 2 * PAD + (columns.length + 1) * RULE + 1;
  const rest = CONTENT_WIDTH - chrome - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (columns[i].flex ? Math.max(60, Math.floor(rest)) : w));
}

const layout = (headerRows: number, totalRow: boolean): CustomTableLayout => ({
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => '#606060',
  vLineColor: () => '#606060',
  paddingLeft: () => PAD,
  paddingRight: () => PAD,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
  fillColor: (row, node) =>
    row < headerRows ? HEADER_FILL : totalRow && row === node.table.body.length - 1 ? TOTAL_FILL : null,
});

function headerCell(text: string, width: number, extra: Partial<Record<'colSpan' | 'rowSpan', number>> = {}) {
  return { text: wrapText(text, width, TABLE, 'bold'), bold: true, alignment: 'center' as const, ...extra };
}

function bodyCell(text: string, width: number, align: TableColumn['align'] = 'left') {
  return { text: wrapText(text, width, TABLE), alignment: align };
}

/** Section 3: what was agreed — each indicator's unit, weight, five criterion values and direction. */
function indicatorTable(a: AgreementDto): Content {
  const levels = [1, 2, 3, 4, 5];
  const columns: TableColumn[] = [
    { header: 'รหัส' },
    { header: 'ตัวชี้วัด', flex: true },
    { header: 'หน่วยวัด', align: 'center' },
    { header: 'น้ำหนัก\n(ร้อยละ)', align: 'right' },
    ...levels.map((l): TableColumn => ({ header: `ระดับ ${l}`, align: 'right' })),
    { header: 'ทิศทาง', align: 'center' },
  ];
  const rows = a.indicators.map((i) => [
    i.code,
    i.nameTh,
    i.unitTh,
    thaiNumber(i.weight, 0, 2),
    ...i.levels.map((l) => thaiNumber(l, 0, 6)),
    DIRECTION_TH[i.direction] + (i.kind === 'milestone' ? '\n(ขั้นตอน)' : ''),
  ]);
  const widths = columnWidths(columns, rows, TABLE);
  const levelsWidth = widths.slice(4, 9).reduce((s, w) => s + w, 0) + 4 * (2 * PAD + RULE);
  // Weights are numeric(5,2): summed in hundredths, exactly.
  const totalWeight = a.indicators.reduce((sum, i) => sum + Math.round(Number(i.weight) * 100), 0) / 100;
  const spanned = (n: number): TableCell[] => Array.from({ length: n }, () => ({}));
  const body: TableCell[][] = [
    [
      headerCell(columns[0].header, widths[0], { rowSpan: 2 }),
      headerCell(columns[1].header, widths[1], { rowSpan: 2 }),
      headerCell(columns[2].header, widths[2], { rowSpan: 2 }),
      headerCell(columns[3].header, widths[3], { rowSpan: 2 }),
      headerCell('เกณฑ์การให้คะแนน (ค่าที่ได้คะแนน 1–5)', levelsWidth, { colSpan: 5 }),
      ...spanned(4),
      headerCell(columns[9].header, widths[9], { rowSpan: 2 }),
    ],
    [...spanned(4), ...levels.map((_, k) => headerCell(columns[4 + k].header, widths[4 + k])), {}],
    ...rows.map((r) => r.map((text, k) => bodyCell(text, widths[k], columns[k].align))),
    [
      { text: 'รวม', bold: true, colSpan: 3, alignment: 'right' },
      ...spanned(2),
      { text: thaiNumber(totalWeight, 0, 2), bold: true, alignment: 'right' },
      { text: '', colSpan: 6 },
      ...spanned(5),
    ],
  ];
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: layout(2, true),
    fontSize: TABLE,
  };
}

/** The frozen score of an indicator in a round's snapshot. */
function roundLine(round: AgreementRoundDto, line: AgreementScoreLineDto): AgreementScoreLineDto | undefined {
  return (
    round.snapshot.indicators.find((s) => s.indicatorId === line.indicatorId) ??
    round.snapshot.indicators.find((s) => s.code === line.code)
  );
}

/** Section 4: the score as of the date, indicator by indicator, with the frozen rounds beside it. */
function scoreTable(a: AgreementDto): Content {
  const live = a.live;
  const columns: TableColumn[] = [
    { header: 'รหัส' },
    { header: 'ตัวชี้วัด', flex: true },
    { header: 'น้ำหนัก\n(ร้อยละ)', align: 'right' },
    { header: 'ผลการ\nดำเนินงาน', align: 'right' },
    { header: 'คะแนน\n(0–5)', align: 'right' },
    { header: 'คะแนน\nถ่วงน้ำหนัก', align: 'right' },
    ...a.rounds.map((r): TableColumn => ({ header: `คะแนน\n${ROUND_TH(r.round)}`, align: 'right' })),
  ];
  const rows = live.indicators.map((line) => [
    line.code,
    line.nameTh,
    thaiNumber(line.weight, 0, 2),
    line.actual === null ? 'ยังไม่มีผล' : thaiNumber(line.actual, 0, 2),
    score4(line.score),
    line.counted ? score4(line.contribution) : 'ไม่นำมาคิด',
    ...a.rounds.map((r) => score4(roundLine(r, line)?.score)),
  ]);
  const total = ['', 'คะแนนรวมถ่วงน้ำหนัก', thaiNumber(live.countedWeight, 0, 2), '', '', score4(live.formatted)];
  const totalCells = [...total, ...a.rounds.map((r) => score4(r.score))];
  const widths = columnWidths(columns, [...rows, totalCells], TABLE);
  const body: TableCell[][] = [
    columns.map((c, k) => headerCell(c.header, widths[k])),
    ...rows.map((r) => r.map((text, k) => bodyCell(text, widths[k], columns[k].align))),
    totalCells.map((text, k) => ({ ...bodyCell(text, widths[k], columns[k].align), bold: true })),
  ];
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: layout(1, true),
    fontSize: TABLE,
  };
}

function roundsTable(a: AgreementDto): Content {
  const rows = a.rounds.map((r) => [
    ROUND_TH(r.round),
    dateTh(r.snapshot.asOf),
    instantTh(r.evaluatedAt),
    thaiNumber(r.snapshot.countedWeight, 0, 2),
    score4(r.score),
  ]);
  const columns: TableColumn[] = [
    { header: 'รอบการประเมิน' },
    { header: 'นับผลถึงวันที่', align: 'center' },
    { header: 'ประเมินเมื่อ', align: 'center' },
    { header: 'น้ำหนักที่นำมาคิด', align: 'right' },
    { header: 'คะแนนรวมถ่วงน้ำหนัก', align: 'right' },
  ];
  const widths = columnWidths(columns, rows, TABLE);
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        columns.map((c, k) => headerCell(c.header, widths[k])),
        ...rows.map((r) => r.map((text, k) => bodyCell(text, widths[k], columns[k].align))),
      ],
    },
    layout: layout(1, false),
    fontSize: TABLE,
    margin: [INDENT, 0, 0, 0],
  };
}

/** Body text under a section heading, indented, broken at Thai word boundaries. */
const INDENT = 14;
const para = (text: string): Content => ({
  text: wrapText(text, CONTENT_WIDTH - INDENT, BODY),
  margin: [INDENT, 0, 0, 4],
});

const heading = (text: string): Content => ({
  text,
  bold: true,
  fontSize: BODY + 1,
  margin: [0, 10, 0, 4],
  headlineLevel: 1,
});

const BLANK = '..................................................';

/** The two parties: who signed for the ministry and for the province, and in what capacity. */
function parties(a: AgreementDto) {
  return [
    { name: a.signedByMinistry, role: 'ผู้แทนกระทรวงมหาดไทย', party: 'ผู้รับคำรับรอง' },
    { name: a.signedByGovernor, role: `ผู้ว่าราชการ${provinceTitle(a.orgUnitNameTh)}`, party: 'ผู้ทำคำรับรอง' },
  ];
}

/** "ปลัดกระทรวงมหาดไทย ในฐานะผู้แทนกระทรวงมหาดไทย"; a name that already is the office stands alone. */
const inCapacity = (name: string | null, role: string) =>
  name === null ? `${BLANK} ${role}` : name.includes(role) ? name : `${name} ในฐานะ${role}`;

function signatureBlock(a: AgreementDto): Content {
  const half = (CONTENT_WIDTH - 20) / 2;
  const signed = a.signedAt ? `วันที่ ${dateTh(a.signedAt)}` : `วันที่ ${BLANK}`;
  return {
    unbreakable: true,
    margin: [0, 28, 0, 0],
    columnGap: 20,
    columns: parties(a).map(
      ({ name, role, party }): Column => ({
        width: half,
        alignment: 'center',
        stack: [
          { text: `(ลงชื่อ) ${BLANK}`, margin: [0, 0, 0, 6] },
          { text: wrapText(`( ${name ?? BLANK} )`, half, BODY) },
          // A name that is the office itself keeps an empty line, so both blocks stay level.
          { text: name?.includes(role) ? ' ' : wrapText(role, half, BODY) },
          { text: party, bold: true },
          { text: signed, margin: [0, 2, 0, 0] },
        ],
      }),
    ),
  };
}

/** The document definition (pdfmake's), from the agreement as the API serves it. */
export function agreementDocument(a: AgreementDto, printedOn: string): TDocumentDefinitions {
  const province = provinceTitle(a.orgUnitNameTh);
  const title = 'คำรับรองการปฏิบัติราชการ';
  const year = `ประจำปีงบประมาณ พ.ศ. ${a.fiscalYear}`;
  const period = fiscalYearRange(a.fiscalYear);
  // Not yet signed by the governor: printed as a draft.
  const draft = a.signedAt === null || ['draft', 'proposed', 'returned', 'accepted'].includes(a.status);
  const signedVersion = a.versions?.at(-1);
  const live = a.live;
  const excluded = live.indicators.filter((l) => !l.counted).length;

  const content: Content[] = [
    { text: title, style: 'title' },
    { text: province, style: 'subtitle' },
    { text: year, style: 'subtitle', margin: [0, 0, 0, draft || signedVersion ? 2 : 12] },
    ...(!draft && signedVersion
      ? [
          {
            text:
              signedVersion.number === 1
                ? 'ฉบับที่ 1 ตามที่ลงนาม'
                : `ฉบับที่ ${signedVersion.number} แก้ไขเมื่อ ${instantTh(signedVersion.madeAt)}`,
            alignment: 'center' as const,
            margin: [0, 0, 0, 12] as [number, number, number, number],
          },
        ]
      : []),
    ...(draft
      ? [
          {
            text: 'ร่าง ยังไม่ได้ลงนาม ใช้ตรวจทานภายในจังหวัดเท่านั้น',
            color: '#b00020',
            bold: true,
            alignment: 'center' as const,
            margin: [0, 0, 0, 12] as [number, number, number, number],
          },
        ]
      : []),

    heading('1. คู่คำรับรอง'),
    {
      margin: [INDENT, 0, 0, 4],
      table: {
        widths: ['auto', '*'],
        body: parties(a).map(({ name, role, party }) => [
          { text: party, bold: true },
          wrapText(inCapacity(name, role), 360, BODY),
        ]),
      },
      layout: 'noBorders',
    },

    heading('2. ระยะเวลาของคำรับรอง'),
    para(`ตั้งแต่วันที่ ${dateTh(period.start)} ถึงวันที่ ${dateTh(period.end)} (ปีงบประมาณ พ.ศ. ${a.fiscalYear})`),

    heading('3. ตัวชี้วัด น้ำหนัก และเกณฑ์การให้คะแนน'),
    para(
      'ผู้ทำคำรับรองตกลงจะมุ่งมั่นปฏิบัติราชการให้เกิดผลตามตัวชี้วัดต่อไปนี้ ' +
        'ผลที่ถึงค่าเกณฑ์ระดับใดได้คะแนนเท่าระดับนั้น ระหว่างระดับคิดคะแนนตามสัดส่วน ' +
        'ต่ำกว่าระดับ 1 ได้ 0 คะแนน ตัวชี้วัดแบบขั้นตอนนับเฉพาะขั้นที่สำเร็จครบ',
    ),
    indicatorTable(a),

    heading(`4. ผลการดำเนินงาน ณ วันที่ ${dateTh(live.asOf)}`),
    para(
      'คะแนนของแต่ละตัวชี้วัดอยู่ระหว่าง 0–5 คะแนนรวมเป็นค่าเฉลี่ยถ่วงน้ำหนัก ทศนิยม 4 ตำแหน่ง ' +
        'นับเฉพาะผลที่อนุมัติแล้ว' +
        (excluded > 0 ? ` ตัวชี้วัดที่ยังไม่มีผล (${excluded} ตัว) ไม่นำมาคิดในคะแนนรวม` : ''),
    ),
    scoreTable(a),
    {
      text: [
        { text: 'คะแนนรวมถ่วงน้ำหนัก ณ วันที่ ' + dateTh(live.asOf) + ' ' },
        { text: score4(live.formatted), bold: true },
        { text: ' คะแนน จาก 5 คะแนน' },
      ],
      margin: [INDENT, 6, 0, 0],
    },
    ...(a.rounds.length
      ? [
          heading('5. ผลการประเมินที่บันทึกไว้'),
          para(
            'คะแนนของรอบการประเมินถูกบันทึกไว้ ณ วันที่ประเมิน และไม่เปลี่ยนตามผลที่แก้ไขภายหลัง ' +
              'ตัวชี้วัดที่ไม่มีผลได้ 0 คะแนน',
          ),
          roundsTable(a),
        ]
      : []),
    ...(a.amendments.length
      ? [
          heading(`${a.rounds.length ? 6 : 5}. การแก้ไขคำรับรอง`),
          ...a.amendments.map((m, k) => para(`${k + 1}) ${instantTh(m.madeAt)} ${m.reason}`)),
        ]
      : []),
    signatureBlock(a),
  ];

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE.margins,
    language: 'th-TH',
    info: {
      title: `${title} ${province} ${year}`,
      subject: `สถานะ: ${STATUS_TH[a.status]}`,
      creator: 'provdash',
      producer: 'provdash (pdfmake)',
    },
    ...(draft && { watermark: { text: 'ร่าง', color: '#b00020', opacity: 0.08, bold: true } }),
    defaultStyle: { font: FONT, fontSize: BODY, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center' },
      subtitle: { fontSize: 14, bold: true, alignment: 'center' },
    },
    // A section heading never ends a page: it moves to the next one with what it introduces.
    pageBreakBefore: (node) =>
      node.headlineLevel === 1 &&
      node.startPosition.pageInnerHeight * (1 - node.startPosition.verticalRatio) < KEEP_WITH_HEADING,
    footer: (page, pages) =>
      forShaping({
        margin: [PAGE.margins[0], 16, PAGE.margins[2], 0],
        fontSize: 8,
        color: '#606060',
        columns: [
          { text: `${title} ${province} ${year} · พิมพ์เมื่อ ${dateTh(printedOn)}`, width: '*' },
          { text: `หน้า ${page}/${pages}`, width: 'auto' },
        ],
      }) as Content,
    content: forShaping(content),
  };
}

/**
 * SARA AM (ำ, U+0E33) handed to the font as its compatibility decomposition NIKHAHIT + SARA AA
 * (U+0E4D U+0E32). Sarabun decomposes it that way itself (so a tone mark can sit above the
 * nikhahit), which gives exactly the same glyphs — but pdfkit maps each glyph to one text value in
 * the PDF's ToUnicode table, and the decomposed SARA AA would then copy out as an extra "า"
 * ("คำา"). Decomposed in the text, every glyph copies out as what it is: "คํา", which is NFKC-equal
 * to "คำ" and looks the same.
 */
export function forShaping<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\u0E33/g, '\u0E4D\u0E32') as T;
  if (Array.isArray(value)) return value.map((v) => forShaping(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forShaping(v)])) as T;
  }
  return value;
}

/**
 * Renders the document to a PDF stream. pdfmake lays out and draws the pages in memory (the
 * document is a few pages), and the response pipes the file from pdfkit's stream in chunks.
 */
export async function renderAgreementPdf(a: AgreementDto, printedOn: string): Promise<Readable> {
  configurePdfmake();
  const doc = await pdfmake.createPdf(agreementDocument(a, printedOn)).getStream();
  doc.end();
  return doc as unknown as Readable;
}
