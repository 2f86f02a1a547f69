import type {
  AgreementRankingDto,
  AgreementScoreChangedEvent,
  AgreementScorecardDto,
  ClusterStatusDto,
  DisbursementBatchImportedEvent,
  DisbursementRankingDto,
  DisbursementSummaryDto,
  SlowProjectDto,
  StatusSummaryDto,
} from '@provdash/shared/contracts';

/* Small, hand-checked answers of the overview's endpoints for Chiang Mai (50), FY 2569, as of 31 March 2026. */

export function fixtureSummary(partial: Partial<StatusSummaryDto> = {}): StatusSummaryDto {
  return {
    counts: { green: 2, amber: 1, red: 1, grey: 0, none: 0 },
    kpiCount: 4,
    judgedCount: 4,
    onTrackShare: 0.5,
    performanceIndex: 91.4,
    status: 'amber',
    ...partial,
  };
}

export const fixtureAgreement: AgreementScorecardDto = {
  agreementId: 'agr-50',
  orgUnitCode: '50',
  nameTh: 'เชียงใหม่',
  nameEn: 'Chiang Mai',
  clusterCode: 'C15',
  fiscalYear: 2569,
  status: 'evaluated_6',
  live: {
    asOf: '2026-03-31',
    policy: 'exclude',
    score: 3.765,
    formatted: '3.7650',
    countedWeight: 100,
    indicators: [],
  },
  rounds: [{ round: 6, score: 3.512, formatted: '3.5120', evaluatedAt: '2026-04-02T03:00:00.000Z' }],
};

const point = (month: string, overall: [string, number, number], capital: [string, number, number]) => ({
  month,
  cumulativeDisbursed: overall[0],
  rate: overall[1],
  target: overall[2],
  byType: [
    { budgetType: 'capital' as const, month, cumulativeDisbursed: capital[0], rate: capital[1], target: capital[2] },
  ],
});

export const fixtureDisbursement: DisbursementSummaryDto = {
  orgUnitCode: '50',
  fiscalYear: 2569,
  asOf: '2026-03-31',
  total: {
    allocated: '1000000.00',
    committed: '400000.00',
    disbursed: '250000.00',
    rate: 25,
    committedRate: 40,
    target: 30,
    gap: -5,
    gapBaht: '-50000.00',
    lapseRisk: 'none',
  },
  byType: [
    {
      budgetType: 'capital',
      allocated: '400000.00',
      committed: '100000.00',
      disbursed: '40000.00',
      rate: 10,
      committedRate: 25,
      target: 20,
      gap: -10,
    },
    {
      budgetType: 'current',
      allocated: '600000.00',
      committed: '300000.00',
      disbursed: '210000.00',
      rate: 35,
      committedRate: 50,
      target: 35,
      gap: 0,
    },
  ],
  bySource: [],
  curve: [
    point('2025-10', ['50000.00', 5, 0], ['0.00', 0, 0]),
    point('2025-11', ['100000.00', 10, 0], ['10000.00', 2.5, 0]),
    point('2025-12', ['150000.00', 15, 30], ['20000.00', 5, 20]),
    point('2026-01', ['180000.00', 18, 30], ['25000.00', 6.25, 20]),
    point('2026-02', ['220000.00', 22, 30], ['30000.00', 7.5, 20]),
    point('2026-03', ['250000.00', 25, 30], ['40000.00', 10, 20]),
  ],
};

export const fixtureSlowest: SlowProjectDto[] = [
  {
    id: 'p-1',
    code: 'P69-007',
    nameTh: 'ก่อสร้างฝายชะลอน้ำ',
    orgUnitCode: '50',
    ownerAgencyTh: 'สำนักงานโยธาธิการและผังเมืองจังหวัด',
    budgetType: 'capital',
    allocated: '2500000.00',
    disbursed: '0.00',
    rate: 0,
    progress: 10,
    lastUpdate: '2026-03-31',
  },
  {
    id: 'p-2',
    code: 'P69-012',
    nameTh: 'พัฒนาตลาดชุมชน',
    orgUnitCode: '50',
    ownerAgencyTh: 'สำนักงานพาณิชย์จังหวัด',
    budgetType: 'current',
    allocated: '800000.00',
    disbursed: '80000.00',
    rate: 10,
    progress: null,
    lastUpdate: null,
  },
];

/** A GFMIS batch for Chiang Mai that wrote March only, with the new rates. */
export function fixtureBatch(partial: Partial<DisbursementBatchImportedEvent> = {}): DisbursementBatchImportedEvent {
  return {
    batchId: 'b-1',
    rolledBack: false,
    orgUnitCode: '50',
    fiscalYear: 2569,
    rows: 12,
    months: ['2026-03-01'],
    totalCommitted: '500000.00',
    totalDisbursed: '100000.00',
    rates: [
      {
        orgUnitCode: '50',
        fiscalYear: 2569,
        total: {
          allocated: '1000000.00',
          committed: '500000.00',
          disbursed: '350000.00',
          rate: 35,
          committedRate: 50,
          target: 30,
        },
        byType: [
          {
            budgetType: 'capital',
            allocated: '400000.00',
            committed: '150000.00',
            disbursed: '100000.00',
            rate: 25,
            committedRate: 37.5,
            target: 20,
          },
          {
            budgetType: 'current',
            allocated: '600000.00',
            committed: '350000.00',
            disbursed: '250000.00',
            rate: 41.67,
            committedRate: 58.33,
            target: 35,
          },
        ],
      },
    ],
    ...partial,
  };
}

export function fixtureScoreChange(partial: Partial<AgreementScoreChangedEvent> = {}): AgreementScoreChangedEvent {
  return {
    agreementId: 'agr-50',
    orgUnitCode: '50',
    fiscalYear: 2569,
    status: 'evaluated_6',
    liveScore: 3.9012,
    liveFormatted: '3.9012',
    round: null,
    ...partial,
  };
}

export const fixtureClusterStatus: ClusterStatusDto = {
  fiscalYear: 2569,
  asOf: '2026-03-31',
  clusters: [
    {
      clusterCode: 'C01',
      nameTh: 'กลุ่มจังหวัดภาคกลางตอนบน 1',
      nameEn: 'Upper Central 1',
      regionCode: 'central',
      summary: fixtureSummary({ status: 'green', performanceIndex: 104.2 }),
      provinces: [
        { code: '13', nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani', summary: fixtureSummary({ status: 'green' }) },
      ],
    },
    {
      clusterCode: 'C15',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
      nameEn: 'Upper North 1',
      regionCode: 'north',
      summary: fixtureSummary(),
      provinces: [
        { code: '50', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', summary: fixtureSummary() },
        { code: '52', nameTh: 'ลำปาง', nameEn: 'Lampang', summary: fixtureSummary({ status: 'red' }) },
      ],
    },
  ],
};

const province = (code: string, nameTh: string, nameEn: string, rate: number, rank: number) => ({
  code,
  nameTh,
  nameEn,
  allocated: '1000000.00',
  committed: '0.00',
  disbursed: String(rate * 10000),
  rate,
  committedRate: 0,
  rank,
  gap: rate - 30,
});

export const fixtureDisbursementRanking: DisbursementRankingDto = {
  fiscalYear: 2569,
  asOf: '2026-03-31',
  level: 'province',
  budgetType: 'overall',
  target: 30,
  rows: [
    province('52', 'ลำปาง', 'Lampang', 41, 1),
    province('13', 'ปทุมธานี', 'Pathum Thani', 33, 2),
    province('50', 'เชียงใหม่', 'Chiang Mai', 25, 3),
  ],
};

const agreementRow = (code: string, nameTh: string, nameEn: string, score: number, rank: number) => ({
  orgUnitCode: code,
  nameTh,
  nameEn,
  clusterCode: null,
  agreementId: `agr-${code}`,
  status: 'evaluated_6' as const,
  liveScore: score,
  liveFormatted: score.toFixed(4),
  liveRank: rank,
  lastRound: null,
  lastRoundRank: null,
});

export const fixtureAgreementRanking: AgreementRankingDto = {
  fiscalYear: 2569,
  asOf: '2026-03-31',
  rows: [
    agreementRow('50', 'เชียงใหม่', 'Chiang Mai', 3.765, 1),
    agreementRow('13', 'ปทุมธานี', 'Pathum Thani', 3.1, 2),
    agreementRow('52', 'ลำปาง', 'Lampang', 2.5, 3),
  ],
  clusters: [],
};
