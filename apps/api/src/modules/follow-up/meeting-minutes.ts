import type { MeetingDetailDto } from '@provdash/shared/contracts';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { forShaping } from '../agreements/exports/agreement-pdf';
import { provinceTitle } from '../agreements/exports/export-format';
import { wrapText } from '../agreements/exports/thai-text';
import {
  configurePdfmake,
  dateTh,
  FONT,
  fullWidths,
  headerCell,
  heading,
  layout,
  PAGE_MARGINS,
  TABLE,
  WIDTH,
} from '../reports/monthly-report-pdf';
import { writeWorkbook } from '../reports/monthly-report-xlsx';

/** The minutes (รายงานการประชุม) of a monthly meeting, as a PDF and a workbook in the monthly report's style. */

export const AGENDA_KIND_TH: Record<MeetingDetailDto['agenda'][number]['kind'], string> = {
  carried_directive: 'ข้อสั่งการที่ยังไม่แล้วเสร็จจากการประชุมครั้งก่อน',
  overdue_directive: 'ข้อสั่งการที่เกินกำหนด',
  red_kpi: 'ตัวชี้วัดที่ต่ำกว่าเป้าหมาย',
  lapse_project: 'โครงการเสี่ยงเบิกจ่ายไม่ทัน',
  high_risk: 'ความเสี่ยงสูง',
};

export const MEETING_STATE_TH: Record<MeetingDetailDto['state'], string> = {
  draft: 'ร่างวาระ',
  held: 'กำลังประชุม',
  closed: 'ปิดรายงานการประชุมแล้ว',
};

export interface MinutesInput {
  meeting: MeetingDetailDto;
  provinceNameTh: string;
  generatedOn: string;
}

const directiveLine = (d: NonNullable<MeetingDetailDto['agenda'][number]['decisions'][number]['directive']>) =>
  `ข้อสั่งการ: ${d.title} · ผู้รับผิดชอบ ${[d.ownerName, d.ownerAgency].filter(Boolean).join(' / ')} · ภายใน ${dateTh(d.dueDate)}`;

const DECISION_WIDTHS = fullWidths([22, '*', '*']);

function agendaSection(meeting: MeetingDetailDto): Content[] {
  if (!meeting.agenda.length) return [{ text: 'ไม่มีวาระ' }];
  const [w0, w1, w2] = DECISION_WIDTHS;
  return [
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: DECISION_WIDTHS,
        body: [
          [headerCell('ที่', w0), headerCell('เรื่อง', w1), headerCell('มติที่ประชุม', w2)],
          ...meeting.agenda.map((item, i) => [
            { text: String(i + 1), alignment: 'center' as const },
            {
              stack: [
                { text: wrapText(AGENDA_KIND_TH[item.kind], w1, TABLE, 'bold'), bold: true, color: '#455a64' },
                { text: wrapText(item.titleTh, w1, TABLE) },
                ...(item.note ? [{ text: wrapText(item.note, w1, 8), fontSize: 8, color: '#607d8b' }] : []),
              ],
            },
            item.decisions.length
              ? {
                  stack: item.decisions.map((d) => ({
                    margin: [0, 0, 0, 3] as [number, number, number, number],
                    stack: [
                      { text: wrapText(d.text, w2, TABLE) },
                      ...(d.directive
                        ? [{ text: wrapText(directiveLine(d.directive), w2, 8), fontSize: 8, color: '#1565c0' }]
                        : []),
                    ],
                  })),
                }
              : { text: 'รับทราบ', color: '#607d8b' },
          ]),
        ],
      },
      layout,
      fontSize: TABLE,
    },
  ];
}

function openDirectives(meeting: MeetingDetailDto): Content[] {
  if (!meeting.openDirectives.length) return [{ text: 'ไม่มีข้อสั่งการจากการประชุมที่ยังไม่แล้วเสร็จ' }];
  return meeting.openDirectives.map((d) => ({
    text: wrapText(
      `• ${d.title} · ${[d.ownerName, d.ownerAgency].filter(Boolean).join(' / ')} · ภายใน ${dateTh(d.dueDate)}${d.overdue ? ' (เกินกำหนด)' : ''}`,
      WIDTH,
      10,
    ),
    margin: [0, 0, 0, 2] as [number, number, number, number],
  }));
}

export function minutesDocument({ meeting, provinceNameTh, generatedOn }: MinutesInput): TDocumentDefinitions {
  const province = provinceTitle(provinceNameTh);
  const title = 'รายงานการประชุม';
  const content: Content[] = [
    { text: title, fontSize: 17, bold: true, alignment: 'center' },
    { text: wrapText(meeting.title, WIDTH, 14, 'bold'), fontSize: 14, bold: true, alignment: 'center' },
    { text: province, fontSize: 13, alignment: 'center' },
    {
      text: `วันที่ ${dateTh(meeting.meetingDate)} · ประธาน ${meeting.chairName ?? '–'} · ${MEETING_STATE_TH[meeting.state]}`,
      alignment: 'center',
      fontSize: 10,
      color: '#455a64',
      margin: [0, 2, 0, 10],
    },
    heading('1. วาระและมติที่ประชุม'),
    ...agendaSection(meeting),
    heading('2. ข้อสั่งการจากการประชุมที่ยังไม่แล้วเสร็จ'),
    ...openDirectives(meeting),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'th-TH',
    info: { title: `${title} ${meeting.title} ${province}`, creator: 'provdash', producer: 'provdash (pdfmake)' },
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1.15 },
    footer: (page, pages) =>
      forShaping({
        margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
        fontSize: 8,
        color: '#607d8b',
        columns: [
          { text: `${title} ${province} · จัดทำเมื่อ ${dateTh(generatedOn)}`, width: '*' },
          { text: `หน้า ${page}/${pages}`, width: 'auto' },
        ],
      }) as Content,
    content: forShaping(content),
  };
}

export async function renderMinutesPdf(input: MinutesInput): Promise<Buffer> {
  configurePdfmake();
  return Buffer.from(await pdfmake.createPdf(minutesDocument(input)).getBuffer());
}

/** The same minutes as a workbook: the meeting, its agenda with decisions, the open directives. */
export function renderMinutesXlsx({ meeting, provinceNameTh }: MinutesInput): Promise<Buffer> {
  return writeWorkbook((wb, header) => {
    const summary = wb.addWorksheet('การประชุม');
    summary.columns = [{ width: 24 }, { width: 60 }];
    const t = summary.addRow([`รายงานการประชุม ${meeting.title} ${provinceTitle(provinceNameTh)}`]);
    t.font = { bold: true, size: 14 };
    t.commit();
    for (const [label, value] of [
      ['วันที่ประชุม', meeting.meetingDate],
      ['ประธาน', meeting.chairName ?? ''],
      ['สถานะ', MEETING_STATE_TH[meeting.state]],
      ['จำนวนวาระ', meeting.agenda.length],
    ] as [string, string | number][])
      summary.addRow([label, value]).commit();
    summary.commit();

    const agenda = wb.addWorksheet('วาระและมติ');
    agenda.columns = [
      { width: 6 },
      { width: 34 },
      { width: 56 },
      { width: 40 },
      { width: 60 },
      { width: 40 },
      { width: 14 },
    ];
    header(agenda, ['ที่', 'ประเภท', 'เรื่อง', 'ข้อมูล', 'มติที่ประชุม', 'ข้อสั่งการ', 'กำหนดเสร็จ']);
    meeting.agenda.forEach((item, i) => {
      const rows = item.decisions.length ? item.decisions : [null];
      for (const d of rows)
        agenda
          .addRow([
            i + 1,
            AGENDA_KIND_TH[item.kind],
            item.titleTh,
            item.note,
            d?.text ?? '',
            d?.directive?.title ?? '',
            d?.directive?.dueDate ?? '',
          ])
          .commit();
    });
    agenda.commit();

    const open = wb.addWorksheet('ข้อสั่งการค้าง');
    open.columns = [{ width: 60 }, { width: 30 }, { width: 14 }, { width: 12 }];
    header(open, ['ข้อสั่งการ', 'ผู้รับผิดชอบ', 'กำหนดเสร็จ', 'เกินกำหนด']);
    for (const d of meeting.openDirectives)
      open
        .addRow([d.title, [d.ownerName, d.ownerAgency].filter(Boolean).join(' / '), d.dueDate, d.overdue ? 'ใช่' : ''])
        .commit();
    open.commit();
  });
}
