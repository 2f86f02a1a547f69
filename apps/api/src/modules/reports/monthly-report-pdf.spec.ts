import type { ScorecardKpiDto } from '@provdash/shared/contracts';
import type { Content, ContentStack, ContentTable } from 'pdfmake/interfaces';
import type { MonthlyReportData } from './monthly-report-data';
import { kpiTable } from './monthly-report-pdf';

const kpi = (over: Partial<ScorecardKpiDto>): ScorecardKpiDto =>
  ({
    code: 'K1.2.1',
    nameTh: 'รายได้จากการท่องเที่ยว',
    unitTh: 'ล้านบาท',
    issueCode: 'I1',
    direction: 'higher_better',
    target: 1200,
    expected: 300,
    actual: 968.65,
    achievement: null,
    status: 'grey',
    missingPeriods: ['2570-M02'],
    earlyPeriod: null,
    ...over,
  }) as ScorecardKpiDto;

/** The text of the value, achievement and status cells of each KPI row. */
function rows(kpis: ScorecardKpiDto[]): string[][] {
  const [block] = kpiTable({ scorecard: { kpis } } as unknown as MonthlyReportData) as Content[];
  const table = (block as ContentStack).stack[1] as ContentTable;
  return table.table.body.slice(1).map((r) => r.slice(4).map((c) => String((c as { text: unknown }).text)));
}

describe('the monthly PDF KPI table', () => {
  it('shows a grey KPI as "no report" without a value beside it (issue 16.5)', () => {
    expect(rows([kpi({})])).toEqual([['–', '–', 'ไม่มีผลรายงาน']]);
  });

  it('shows a judged KPI with its figures, and marks a result counted early', () => {
    expect(
      rows([
        kpi({ status: 'amber', actual: 240, achievement: 80, missingPeriods: [] }),
        kpi({ code: 'K1.2.2', status: 'green', actual: 400, achievement: 100, earlyPeriod: '2570-M03' }),
      ]),
    ).toEqual([
      ['240', '80.0%', 'ใกล้เป้าหมาย'],
      ['400\n(ก่อนกำหนด)', '100.0%', 'บรรลุเป้าหมาย'],
    ]);
  });
});
