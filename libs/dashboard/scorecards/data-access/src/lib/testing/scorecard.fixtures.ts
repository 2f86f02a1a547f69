import type {
  GoalDto,
  KpiComparisonDto,
  KpiResultChangedEvent,
  Live,
  RoomName,
  KpiStatusName,
  KpiSummaryDto,
  ScorecardDto,
  ScorecardKpiDto,
  StatusSummaryDto,
  StrategyMapDto,
} from '@provdash/shared/contracts';

/* Small, hand-made DTOs for the specs of the scorecard libraries (never used by the app). */

export function fixtureSummary(status: KpiStatusName, performanceIndex: number | null = 90): StatusSummaryDto {
  return {
    counts: { green: 0, amber: 0, red: 0, grey: 0, none: 0, [status]: 1 },
    kpiCount: 1,
    judgedCount: 1,
    onTrackShare: status === 'green' ? 1 : 0,
    performanceIndex,
    status,
  };
}

function kpiSummary(code: string): KpiSummaryDto {
  return {
    id: `kpi-${code}`,
    code,
    nameTh: `ตัวชี้วัด ${code}`,
    nameEn: `KPI ${code}`,
    unitTh: 'ร้อยละ',
    unitEn: '%',
    direction: 'higher_better',
    frequency: 'monthly',
    rollup: 'sum',
    retired: false,
    version: 1,
  };
}

function goal(code: string, seq: number, kpis: string[], contributesToGoalId: string | null = null): GoalDto {
  return {
    id: `goal-${code}`,
    code,
    seq,
    nameTh: `เป้าประสงค์ ${code}`,
    nameEn: `Goal ${code}`,
    retired: false,
    version: 1,
    nationalPillar: 2,
    contributesToGoalId,
    strategies: [],
    kpis: kpis.map(kpiSummary),
  };
}

/** Two issues, three goals (one linked up to a cluster goal), two cause → effect arrows. */
export const fixtureMap: StrategyMapDto = {
  plan: {
    id: 'plan-50',
    orgUnitCode: '50',
    nameTh: 'แผนพัฒนาจังหวัดเชียงใหม่',
    nameEn: 'Chiang Mai development plan',
    visionTh: 'เมืองน่าอยู่',
    visionEn: 'A liveable province',
    startFy: 2566,
    endFy: 2570,
    status: 'published',
    publishedAt: '2022-10-01T00:00:00.000Z',
    version: 1,
  },
  issues: [
    {
      id: 'issue-I2',
      code: 'I2',
      seq: 2,
      nameTh: 'คุณภาพชีวิต',
      nameEn: 'Quality of life',
      retired: false,
      version: 1,
      goals: [goal('G2.1', 1, ['K2.1.1'])],
    },
    {
      id: 'issue-I1',
      code: 'I1',
      seq: 1,
      nameTh: 'เศรษฐกิจฐานราก',
      nameEn: 'Grassroots economy',
      retired: false,
      version: 1,
      goals: [goal('G1.1', 1, ['K1.1.1', 'K1.1.2']), goal('G1.2', 2, ['K1.2.1'], 'cluster-goal-1')],
    },
  ],
  links: [
    { causeGoalId: 'goal-G2.1', effectGoalId: 'goal-G1.1' },
    { causeGoalId: 'goal-G1.1', effectGoalId: 'goal-G1.2' },
  ],
  projects: [],
};

export function fixtureKpi(code: string, status: KpiStatusName, over: Partial<ScorecardKpiDto> = {}): ScorecardKpiDto {
  const [issue, goalNo] = code.slice(1).split('.');
  return {
    kpiId: `kpi-${code}`,
    code,
    nameTh: `ตัวชี้วัด ${code}`,
    nameEn: `KPI ${code}`,
    unitTh: 'ล้านบาท',
    unitEn: 'million baht',
    issueCode: `I${issue}`,
    goalCode: `G${issue}.${goalNo}`,
    direction: 'higher_better',
    frequency: 'monthly',
    ownerAgencyTh: 'สำนักงานจังหวัด',
    target: 12965.13,
    expected: 12965.13,
    actual: 11714.9,
    achievement: 90.35667,
    status,
    missingPeriods: [],
    earlyPeriod: null,
    trend: [
      { period: '2569-M01', value: 1000 },
      { period: '2569-M02', value: 1100 },
    ],
    lastApprovedAt: '2026-10-12T07:00:00.000Z',
    ...over,
  };
}

export const fixtureScorecard: ScorecardDto = {
  orgUnitCode: '50',
  fiscalYear: 2569,
  asOf: '2026-09-30',
  counts: { green: 1, amber: 1, red: 1, grey: 1, none: 0 },
  kpis: [
    fixtureKpi('K1.1.1', 'green'),
    fixtureKpi('K1.1.2', 'amber'),
    fixtureKpi('K1.2.1', 'red'),
    fixtureKpi('K2.1.1', 'grey', { actual: null, achievement: null, lastApprovedAt: null, trend: [] }),
  ],
  rollup: {
    plan: { ...fixtureSummary('amber', 91.4), kpiCount: 4 },
    issues: [
      { code: 'I1', summary: fixtureSummary('amber') },
      { code: 'I2', summary: fixtureSummary('grey', null) },
    ],
    goals: [
      { code: 'G1.1', issueCode: 'I1', summary: fixtureSummary('green') },
      { code: 'G1.2', issueCode: 'I1', summary: fixtureSummary('red') },
      { code: 'G2.1', issueCode: 'I2', summary: fixtureSummary('grey', null) },
    ],
  },
};

export const fixtureComparison: KpiComparisonDto = {
  kpiCode: 'K1.2.1',
  nameTh: 'รายได้จากการท่องเที่ยว',
  nameEn: 'Tourism income',
  unitTh: 'ล้านบาท',
  unitEn: 'million baht',
  fiscalYear: 2569,
  asOf: '2026-09-30',
  rows: [
    {
      orgUnitCode: '50',
      nameTh: 'เชียงใหม่',
      nameEn: 'Chiang Mai',
      clusterCode: 'C15',
      kpiId: 'k50',
      actual: 11714.9,
      expected: 12965.13,
      achievement: 90.4,
      status: 'amber',
      rank: 2,
    },
    {
      orgUnitCode: '10',
      nameTh: 'กรุงเทพมหานคร',
      nameEn: 'Bangkok',
      clusterCode: null,
      kpiId: 'k10',
      actual: null,
      expected: 100,
      achievement: null,
      status: 'grey',
      rank: null,
    },
    {
      orgUnitCode: '15',
      nameTh: 'อ่างทอง',
      nameEn: 'Ang Thong',
      clusterCode: 'C02',
      kpiId: 'k15',
      actual: 17007.63,
      expected: 15024.36,
      achievement: 113.2,
      status: 'green',
      rank: 1,
    },
  ],
  clusters: [
    {
      clusterCode: 'C15',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
      nameEn: 'Upper North 1',
      aggregation: 'none',
      value: null,
      missing: [],
      rank: null,
    },
    {
      clusterCode: 'C02',
      nameTh: 'กลุ่มจังหวัดภาคกลางตอนบน 2',
      nameEn: 'Upper Central 2',
      aggregation: 'sum',
      value: 54212.67,
      missing: [],
      rank: 1,
    },
  ],
};

/**
 * Chiang Mai's approver approves K1.2.1 for May: the line turns green, and with it its goal, its
 * issue and the plan's counts, as the API's scorecard effect reports them.
 */
export function fixtureApproval(
  room: RoomName,
  seq: number,
  over: Partial<KpiResultChangedEvent> = {},
): Live<KpiResultChangedEvent> {
  const orgUnitCode = over.orgUnitCode ?? '50';
  return {
    room,
    seq,
    at: '2026-03-02T07:05:00.000Z',
    data: {
      kpiId: 'kpi-K1.2.1',
      kpiCode: 'K1.2.1',
      orgUnitCode,
      fiscalYear: 2569,
      period: '2569-M05',
      status: 'approved',
      value: '14000',
      numerator: null,
      denominator: null,
      version: 3,
      scorecard: {
        kpi: fixtureKpi('K1.2.1', 'green', {
          actual: 14000,
          achievement: 107.98,
          lastApprovedAt: '2026-03-02T07:05:00.000Z',
          trend: [
            { period: '2569-M04', value: 11714.9 },
            { period: '2569-M05', value: 14000 },
          ],
        }),
        goal: { code: 'G1.2', issueCode: 'I1', summary: fixtureSummary('green', 107.98) },
        issue: { code: 'I1', summary: { ...fixtureSummary('green', 99.2), kpiCount: 3, judgedCount: 3 } },
        plan: {
          counts: { green: 2, amber: 1, red: 0, grey: 1, none: 0 },
          kpiCount: 4,
          judgedCount: 3,
          onTrackShare: 0.667,
          performanceIndex: 96.1,
          status: 'amber',
        },
        counts: { green: 2, amber: 1, red: 0, grey: 1, none: 0 },
      },
      ...over,
    },
  };
}
