import type {
  WorkspaceDto,
  WorkspaceKpiDto,
  WorkspaceKpiEntryDto,
  WorkspaceProgressEntryDto,
  WorkspaceQueueItemDto,
} from '@provdash/shared/contracts';

/** Ids of the fixture desk's people. */
export const FIXTURE_OFFICER = '00000000-0000-4000-8000-000000000001';
export const FIXTURE_APPROVER = '00000000-0000-4000-8000-000000000002';

const entryBase = {
  id: null,
  version: null,
  returnReason: null,
  submittedBy: null,
  submittedAt: null,
  approvedBy: null,
  approvedAt: null,
  late: false,
} as const;

export function fixtureKpiEntry(over: Partial<WorkspaceKpiEntryDto> & { period: string }): WorkspaceKpiEntryDto {
  return {
    ...entryBase,
    startsOn: '2026-10-01',
    endsOn: '2026-10-31',
    timing: 'past',
    status: 'missing',
    value: null,
    numerator: null,
    denominator: null,
    narrativeTh: '',
    evidence: [],
    ...over,
  };
}

export function fixtureProgressEntry(
  over: Partial<WorkspaceProgressEntryDto> & { period: string },
): WorkspaceProgressEntryDto {
  return {
    ...entryBase,
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    timing: 'due',
    status: 'missing',
    percent: null,
    milestoneNote: '',
    ...over,
  };
}

export const fixtureTourism: WorkspaceKpiDto = {
  kpiId: 'kpi-tourism',
  code: 'K1.2.1',
  nameTh: 'รายได้จากการท่องเที่ยว',
  nameEn: 'Tourism revenue',
  unitTh: 'ล้านบาท',
  unitEn: 'million baht',
  issueCode: 'I1',
  goalCode: 'G1.2',
  frequency: 'monthly',
  rollup: 'sum',
  direction: 'higher_better',
  target: '120000',
  plausibleMin: '0',
  plausibleMax: '50000',
  hardMin: null,
  hardMax: null,
  ratioMultiplier: null,
  ownerAgencyTh: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัด',
  entries: [
    fixtureKpiEntry({ period: '2570-M01', status: 'draft', late: true, id: 'r-1', version: 2, value: '1234.5' }),
    fixtureKpiEntry({
      period: '2570-M02',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      timing: 'due',
      status: 'submitted',
      id: 'r-2',
      version: 3,
      value: '9000',
      submittedBy: FIXTURE_OFFICER,
      submittedAt: '2026-12-03T02:00:00.000Z',
    }),
    fixtureKpiEntry({ period: '2570-M03', startsOn: '2026-12-01', endsOn: '2026-12-31', timing: 'running' }),
  ],
};

export const fixtureRatio: WorkspaceKpiDto = {
  ...fixtureTourism,
  kpiId: 'kpi-ratio',
  code: 'K2.1.2',
  nameTh: 'ร้อยละของผู้ป่วยที่ได้รับการรักษา',
  nameEn: 'Share of patients treated',
  unitTh: 'ร้อยละ',
  unitEn: '%',
  frequency: 'quarterly',
  rollup: 'ratio',
  target: '80',
  plausibleMin: null,
  plausibleMax: null,
  ratioMultiplier: '100',
  entries: [
    fixtureKpiEntry({
      period: '2570-Q1',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      timing: 'due',
      status: 'returned',
      id: 'r-3',
      version: 4,
      numerator: '45',
      denominator: '60',
      returnReason: 'กรุณาแนบหลักฐาน',
    }),
  ],
};

export const fixtureQueueKpi: WorkspaceQueueItemDto = {
  kind: 'kpi-result',
  id: 'r-2',
  parentId: 'kpi-tourism',
  code: 'K1.2.1',
  nameTh: 'รายได้จากการท่องเที่ยว',
  nameEn: 'Tourism revenue',
  unitTh: 'ล้านบาท',
  unitEn: 'million baht',
  fiscalYear: 2570,
  period: '2570-M02',
  value: '9000',
  numerator: null,
  denominator: null,
  percent: null,
  note: 'ตามรายงานของสำนักงานการท่องเที่ยว',
  evidence: [{ url: 'https://example.go.th/report.pdf', title: 'รายงาน' }],
  submittedBy: { id: FIXTURE_OFFICER, displayName: 'เจ้าหน้าที่ยุทธศาสตร์' },
  submittedAt: '2026-12-03T02:00:00.000Z',
  version: 3,
};

export const fixtureQueueProgress: WorkspaceQueueItemDto = {
  ...fixtureQueueKpi,
  kind: 'project-progress',
  id: 'pp-1',
  parentId: 'project-1',
  code: 'P70-001',
  nameTh: 'โครงการถนน',
  nameEn: 'Road project',
  unitTh: null,
  unitEn: null,
  value: null,
  percent: 12.5,
  note: 'เริ่มงานแล้ว',
  evidence: [],
  submittedBy: { id: FIXTURE_APPROVER, displayName: 'ผู้อนุมัติ' },
  submittedAt: '2026-12-04T02:00:00.000Z',
  version: 1,
};

/** Chiang Mai's desk on 15 Dec 2026, as an approver sees it. */
export const fixtureWorkspace: WorkspaceDto = {
  orgUnitCode: '50',
  nameTh: 'เชียงใหม่',
  nameEn: 'Chiang Mai',
  fiscalYear: 2570,
  asOf: '2026-12-15',
  can: { write: true, approve: true },
  viewer: { id: FIXTURE_APPROVER, role: 'province_approver' },
  counts: { due: 1, late: 1, returned: 1, awaitingApproval: 2 },
  kpis: [fixtureTourism, fixtureRatio],
  projects: [
    {
      projectId: 'project-1',
      code: 'P70-001',
      nameTh: 'โครงการถนน',
      nameEn: 'Road project',
      ownerAgencyTh: 'แขวงทางหลวงชนบท',
      budgetType: 'capital',
      status: 'on_schedule',
      startDate: '2026-11-01',
      endDate: '2027-06-30',
      entries: [
        fixtureProgressEntry({
          period: '2570-M02',
          status: 'submitted',
          id: 'pp-1',
          version: 1,
          percent: 12.5,
          milestoneNote: 'เริ่มงานแล้ว',
        }),
        fixtureProgressEntry({ period: '2570-M03', startsOn: '2026-12-01', endsOn: '2026-12-31', timing: 'running' }),
      ],
    },
  ],
  queue: [fixtureQueueKpi, fixtureQueueProgress],
  people: [
    { id: FIXTURE_OFFICER, displayName: 'เจ้าหน้าที่ยุทธศาสตร์' },
    { id: FIXTURE_APPROVER, displayName: 'ผู้อนุมัติ' },
  ],
};
