import type {
  AgreementRankingDto,
  ClusterDirectoryDto,
  DisbursementRankingDto,
  DisbursementRateDto,
  Live,
  OrgUnitDto,
  RankingChangedEvent,
  RoomName,
} from '@provdash/shared/contracts';

/* Hand-made ranking DTOs for the comparison specs (never used by the app): four provinces in two clusters and Bangkok. */

const unit = (code: string, parentCode: string, nameTh: string, nameEn: string): OrgUnitDto => ({
  code,
  type: 'province',
  nameTh,
  nameEn,
  parentCode,
  iso: `TH-${code}`,
  lat: null,
  lon: null,
});

export const fixtureDirectory: ClusterDirectoryDto = {
  clusters: [
    {
      code: 'C15',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
      nameEn: 'Upper North 1',
      regionCode: 'north',
      provinces: [unit('50', 'C15', 'เชียงใหม่', 'Chiang Mai'), unit('52', 'C15', 'ลำปาง', 'Lampang')],
    },
    {
      code: 'C16',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 2',
      nameEn: 'Upper North 2',
      regionCode: 'north',
      provinces: [unit('57', 'C16', 'เชียงราย', 'Chiang Rai'), unit('55', 'C16', 'น่าน', 'Nan')],
    },
  ],
  unclustered: [unit('10', 'central', 'กรุงเทพมหานคร', 'Bangkok')],
};

function disbursementRow(code: string, nameTh: string, allocated: string, disbursed: string, rate: number | null) {
  return {
    code,
    nameTh,
    nameEn: nameTh,
    allocated,
    committed: disbursed,
    disbursed,
    rate,
    committedRate: rate,
    gap: rate === null ? null : Math.round((rate - 75) * 100) / 100,
    rank: null as number | null,
  };
}

/** Overall rates as of 2026-07-01 (target 75 %): Chiang Rai first, Bangkok with no allocation. */
export const fixtureDisbursement: DisbursementRankingDto = {
  fiscalYear: 2569,
  asOf: '2026-07-01',
  level: 'province',
  budgetType: 'overall',
  target: 75,
  rows: [
    { ...disbursementRow('57', 'เชียงราย', '1000.00', '900.00', 90), rank: 1 },
    { ...disbursementRow('50', 'เชียงใหม่', '2000.00', '1600.00', 80), rank: 2 },
    { ...disbursementRow('52', 'ลำปาง', '1000.00', '700.00', 70), rank: 3 },
    { ...disbursementRow('55', 'น่าน', '1000.00', '500.00', 50), rank: 4 },
    { ...disbursementRow('10', 'กรุงเทพมหานคร', '0.00', '0.00', null), rank: null },
  ],
};

export const fixtureDisbursementClusters: DisbursementRankingDto = {
  ...fixtureDisbursement,
  level: 'cluster',
  rows: [
    { ...disbursementRow('C15', 'กลุ่มจังหวัดภาคเหนือตอนบน 1', '3000.00', '2300.00', 76.67), rank: 1 },
    { ...disbursementRow('C16', 'กลุ่มจังหวัดภาคเหนือตอนบน 2', '2000.00', '1400.00', 70), rank: 2 },
  ],
};

/** Lampang after an import: 950 of its 1000 baht disbursed. */
export function fixtureRate(orgUnitCode = '52', disbursed = '950.00', rate = 95): DisbursementRateDto {
  return {
    orgUnitCode,
    fiscalYear: 2569,
    total: { allocated: '1000.00', committed: disbursed, disbursed, rate, committedRate: rate, target: 75 },
    byType: [
      {
        budgetType: 'capital',
        allocated: '400.00',
        committed: '100.00',
        disbursed: '100.00',
        rate: 25,
        committedRate: 25,
        target: 60,
      },
      {
        budgetType: 'current',
        allocated: '600.00',
        committed: '600.00',
        disbursed: '600.00',
        rate: 100,
        committedRate: 100,
        target: 80,
      },
    ],
  };
}

function agreementRow(
  code: string,
  nameTh: string,
  clusterCode: string | null,
  score: number | null,
  rank: number | null,
) {
  return {
    orgUnitCode: code,
    nameTh,
    nameEn: nameTh,
    clusterCode,
    agreementId: score === null && code === '10' ? null : `agreement-${code}`,
    status: 'agreed' as const,
    liveScore: score,
    liveFormatted: score === null ? null : score.toFixed(4),
    liveRank: rank,
    lastRound: null,
    lastRoundRank: null,
  };
}

export const fixtureAgreementRanking: AgreementRankingDto = {
  fiscalYear: 2569,
  asOf: '2026-07-01',
  rows: [
    agreementRow('50', 'เชียงใหม่', 'C15', 3.765, 1),
    agreementRow('57', 'เชียงราย', 'C16', 3.2, 2),
    agreementRow('52', 'ลำปาง', 'C15', 2.5, 3),
    agreementRow('55', 'น่าน', 'C16', 1.9, 4),
    agreementRow('10', 'กรุงเทพมหานคร', null, null, null),
  ],
  clusters: [
    {
      clusterCode: 'C15',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
      nameEn: 'Upper North 1',
      provinces: 2,
      liveMean: 3.1325,
      liveMeanFormatted: '3.1325',
      liveRank: 1,
      lastRoundMean: null,
      lastRoundMeanFormatted: null,
    },
    {
      clusterCode: 'C16',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 2',
      nameEn: 'Upper North 2',
      provinces: 2,
      liveMean: 2.55,
      liveMeanFormatted: '2.5500',
      liveRank: 2,
      lastRoundMean: null,
      lastRoundMeanFormatted: null,
    },
  ],
};

export function fixtureRanking(
  room: RoomName,
  seq: number,
  kind: RankingChangedEvent['kind'],
  rows: RankingChangedEvent['rows'],
): Live<RankingChangedEvent> {
  return { room, seq, at: '2026-07-01T03:00:00.000Z', data: { kind, fiscalYear: 2569, rows } };
}
