/**
 * Performance agreements (คำรับรองการปฏิบัติราชการ): templates set nationally, one agreement per
 * province per fiscal year, scored live and frozen at the 6- and 12-month rounds.
 * Weights and criterion values travel as decimal strings (numeric columns); scores as numbers,
 * with the four-decimal text the reports show.
 */
import type { EvidenceLinkDto } from './kpi';

export type AgreementDirectionName = 'higher_better' | 'lower_better';
export type AgreementIndicatorKindName = 'scale' | 'milestone';
export type AgreementTemplateStatusName = 'draft' | 'published';
/** `evaluated_6` / `evaluated_12`: the 6- or 12-month round has been evaluated and frozen. */
export type AgreementStatusName =
  | 'draft'
  | 'proposed'
  | 'returned'
  | 'accepted'
  | 'agreed'
  | 'evaluated_6'
  | 'evaluated_12';
export type AgreementAmendmentStatusName = 'pending' | 'approved' | 'returned';
export type AgreementRoundNumber = 6 | 12;
export type AgreementResultStatusName = 'draft' | 'approved';
/** How an indicator without a result counts: `zero` at the official rounds, `exclude` in the live view. */
export type MissingResultPolicyName = 'zero' | 'exclude';

/** What a template indicator and a province-specific indicator are made of. */
export interface AgreementIndicatorInputDto {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  /** Percent of the agreement, up to two decimals. */
  weight: string | number;
  /** v1…v5, strictly monotonic in the direction. */
  levels: (string | number)[];
  /** A KPI of the province's plan, by code: its approved results then give the actual. */
  kpiCode?: string | null;
}

export interface AgreementTemplateIndicatorDto {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: string;
  levels: string[];
  kpiCode: string | null;
  seq: number;
  version: number;
}

export interface AgreementTemplateDto {
  id: string;
  fiscalYear: number;
  nameTh: string;
  nameEn: string;
  status: AgreementTemplateStatusName;
  version: number;
  indicators: AgreementTemplateIndicatorDto[];
}

export interface CreateAgreementTemplateDto {
  fiscalYear: number;
  nameTh: string;
  nameEn: string;
}

export interface UpdateTemplateIndicatorDto {
  version: number;
  nameTh?: string;
  nameEn?: string;
  unitTh?: string;
  unitEn?: string;
  weight?: string | number;
  levels?: (string | number)[];
  kpiCode?: string | null;
  seq?: number;
}

export interface VersionDto {
  version: number;
}

export interface DeriveAgreementDto {
  orgUnitCode: string;
  templateId: string;
}

/** A manual result of an indicator that is not linked to a KPI. */
export interface AgreementResultDto {
  id: string;
  /** A fiscal period key of the agreement's year: "2569-H1", "2569", "2569-Q3"… */
  period: string;
  /** Scale indicators. */
  value: string | null;
  /** Milestone indicators: the number of steps reached, 0–5. */
  step: number | null;
  narrativeTh: string;
  evidence: EvidenceLinkDto[];
  status: AgreementResultStatusName;
  /** Shown to the province's own people only. */
  enteredBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  version: number;
}

export interface SaveAgreementResultDto {
  value?: string | number;
  step?: number;
  narrativeTh?: string;
  evidence?: EvidenceLinkDto[];
  /** Required when the result exists. */
  version?: number;
  /** Required to change an approved result: it returns to draft. */
  reason?: string;
}

export interface AgreementIndicatorDto {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: string;
  levels: string[];
  kpiId: string | null;
  kpiCode: string | null;
  /** False for a province-specific indicator. */
  fromTemplate: boolean;
  /** The template's weight and criterion values (null for a local indicator): what a change is measured against. */
  templateWeight: string | null;
  templateLevels: string[] | null;
  /** Why the province changed it from the template, or added it. */
  changeReason: string | null;
  seq: number;
  version: number;
  /** Manual results (standalone indicators): approved ones for everyone, all for the province's own people. */
  results: AgreementResultDto[];
}

export interface AgreementScoreLineDto {
  indicatorId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: number;
  levels: number[];
  kpiCode: string | null;
  /** The KPI's rolled-up approved actual, or the latest approved manual result; null when none is due. */
  actual: number | null;
  /** 0…5, null without an actual. */
  score: number | null;
  /** Whether the weight is in the denominator (see the policy). */
  counted: boolean;
  /** wᵢ·sᵢ / Σw over the counted indicators: what this indicator adds to the score. */
  contribution: number | null;
  /** The value that reaches the next whole level; null at level 5. */
  nextLevel: { level: number; value: number } | null;
}

export interface AgreementScoreDto {
  /** Periods due by this day count. */
  asOf: string;
  policy: MissingResultPolicyName;
  score: number | null;
  /** Four decimals, e.g. "3.7650". */
  formatted: string | null;
  countedWeight: number;
  indicators: AgreementScoreLineDto[];
}

export interface AgreementRoundDto {
  round: AgreementRoundNumber;
  evaluatedAt: string;
  /** numeric(6,4) as stored. */
  score: string;
  /** The frozen picture: later result changes never alter it. */
  snapshot: AgreementScoreDto;
}

/** A round's review by the centre: submitted by the province, then frozen by the central evaluator. */
export type AgreementRoundReviewStatusName = 'submitted' | 'frozen';

/** The evaluator's decision on one indicator of a submitted round. */
export type AgreementReviewDecisionName = 'pending' | 'accepted' | 'adjusted';

export interface AgreementRoundReviewLineDto {
  indicatorId: string;
  code: string;
  /** The province's self-assessed actual: its approved data as of the round's day. */
  selfActual: number | null;
  narrativeTh: string;
  evidence: EvidenceLinkDto[];
  decision: AgreementReviewDecisionName;
  /** The evaluator's actual when adjusted (for a milestone, the value standing for `evaluatedStep`). */
  evaluatedActual: number | null;
  evaluatedStep: number | null;
  /** Why the evaluator adjusted the result. */
  reason: string | null;
  /** Shown to the province's people and evaluators only. */
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface AgreementRoundReviewDto {
  id: string;
  round: AgreementRoundNumber;
  status: AgreementRoundReviewStatusName;
  asOf: string;
  lines: AgreementRoundReviewLineDto[];
  submittedBy: string | null;
  submittedAt: string;
  frozenBy: string | null;
  frozenAt: string | null;
  version: number;
}

/** The province's self-assessment: a narrative and evidence per indicator; the actuals are its approved data. */
export interface SubmitAgreementRoundDto {
  /** The agreement's version read. */
  version: number;
  indicators: { indicatorId: string; narrativeTh?: string; evidence?: EvidenceLinkDto[] }[];
}

/** The evaluator accepts the self-assessed result, or adjusts it (value, or steps for a milestone) with a reason. */
export interface DecideAgreementRoundLineDto {
  /** The review's version read. */
  version: number;
  decision: 'accepted' | 'adjusted';
  value?: string;
  step?: number;
  reason?: string;
}

export interface AgreementChangeDto {
  indicatorId: string;
  code: string;
  action: 'add' | 'update';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface AgreementAmendmentDto {
  id: string;
  /** pending until the ministry approves (a new version) or returns it. */
  status: AgreementAmendmentStatusName;
  reason: string;
  decidedAt: string | null;
  /** The ministry's reason when returned. */
  decisionReason: string | null;
  /** The signed version it made, once approved. */
  versionNumber: number | null;
  /** Optimistic lock for the ministry's decision. */
  version: number;
  /** Shown to the province's own people only. */
  madeBy: string | null;
  madeAt: string;
  changes: AgreementChangeDto[];
}

export interface AgreementDto {
  id: string;
  orgUnitCode: string;
  orgUnitNameTh: string;
  orgUnitNameEn: string;
  fiscalYear: number;
  templateId: string;
  status: AgreementStatusName;
  signedByGovernor: string | null;
  signedByMinistry: string | null;
  signedAt: string | null;
  /** The ministry's reason when it returned the proposal. */
  returnReason: string | null;
  proposedAt: string | null;
  /** When the ministry accepted or returned the last proposal. */
  decidedAt: string | null;
  version: number;
  indicators: AgreementIndicatorDto[];
  /** Signed versions, oldest first: 1 as signed, then one per approved amendment. */
  versions: AgreementVersionDto[];
  live: AgreementScoreDto;
  rounds: AgreementRoundDto[];
  /** Reviews of the rounds: frozen ones for everyone, submitted ones for the province and the evaluators. */
  reviews: AgreementRoundReviewDto[];
  amendments: AgreementAmendmentDto[];
}

/** A change after agreement needs a reason, recorded as an amendment. */
export interface AddAgreementIndicatorDto {
  reason?: string;
  indicator: AgreementIndicatorInputDto;
  /** Other indicators' new weights, so that the weights still sum to 100. */
  weights?: { id: string; version: number; weight: string | number }[];
}

export interface UpdateAgreementIndicatorsDto {
  /** After signing: the amendment's reason (required). */
  reason?: string;
  indicators: {
    id: string;
    version: number;
    /** Before proposing: why this indicator differs from the template. */
    changeReason?: string;
    weight?: string | number;
    levels?: (string | number)[];
    nameTh?: string;
    nameEn?: string;
    unitTh?: string;
    unitEn?: string;
    kpiCode?: string | null;
  }[];
}

export interface SignAgreementDto {
  version: number;
  signedByGovernor: string;
  signedByMinistry: string;
  /** YYYY-MM-DD */
  signedAt: string;
}

export interface AgreementRoundSummaryDto {
  round: AgreementRoundNumber;
  score: number;
  formatted: string;
  evaluatedAt: string;
}

/** One province's agreement as the public scorecard shows it (agreed agreements only). */
export interface AgreementScorecardDto {
  agreementId: string;
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  fiscalYear: number;
  status: AgreementStatusName;
  live: AgreementScoreDto;
  rounds: AgreementRoundSummaryDto[];
}

export interface AgreementRankingRowDto {
  orgUnitCode: string;
  nameTh: string;
  nameEn: string;
  clusterCode: string | null;
  /** Null when the province has no agreed agreement for the year. */
  agreementId: string | null;
  status: AgreementStatusName | null;
  liveScore: number | null;
  liveFormatted: string | null;
  liveRank: number | null;
  lastRound: AgreementRoundSummaryDto | null;
  lastRoundRank: number | null;
}

export interface AgreementClusterMeanDto {
  clusterCode: string;
  nameTh: string;
  nameEn: string;
  /** Member provinces with a live score. */
  provinces: number;
  liveMean: number | null;
  liveMeanFormatted: string | null;
  liveRank: number | null;
  lastRoundMean: number | null;
  lastRoundMeanFormatted: string | null;
}

export interface AgreementRankingDto {
  fiscalYear: number;
  asOf: string;
  rows: AgreementRankingRowDto[];
  clusters: AgreementClusterMeanDto[];
}

export interface AgreementIndicatorDistributionDto {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  /** Agreements that carry the indicator. */
  provinces: number;
  /** Of those, with a score as of the date. */
  scored: number;
  meanWeight: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  /** Provinces per score band: [0,1), [1,2), [2,3), [3,4), [4,5), exactly 5. */
  bands: [number, number, number, number, number, number];
}

export interface AgreementDistributionDto {
  fiscalYear: number;
  asOf: string;
  indicators: AgreementIndicatorDistributionDto[];
}

/** An indicator as a signed version froze it. */
export interface AgreementVersionIndicatorDto {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: AgreementDirectionName;
  kind: AgreementIndicatorKindName;
  weight: string;
  levels: string[];
  kpiCode: string | null;
}

export interface AgreementVersionDto {
  number: number;
  madeAt: string;
  /** The amendment's reason (null for the version as signed). */
  reason: string | null;
  indicators: AgreementVersionIndicatorDto[];
}

export interface ProposeAgreementDto {
  version: number;
}

/** The ministry accepts a proposal or returns it with a reason. */
export interface DecideAgreementDto {
  version: number;
  decision: 'accept' | 'return';
  reason?: string;
}

/** The ministry approves a pending amendment (a new signed version) or returns it with a reason. */
export interface DecideAgreementAmendmentDto {
  version: number;
  decision: 'approve' | 'return';
  reason?: string;
}

/** What waits for the ministry: proposals to accept or return, amendments to approve or return. */
export interface AgreementQueueItemDto {
  kind: 'proposal' | 'amendment';
  agreementId: string;
  orgUnitCode: string;
  orgUnitNameTh: string;
  orgUnitNameEn: string;
  fiscalYear: number;
  /** When proposed, or when the amendment was made. */
  since: string;
  amendmentId: string | null;
  reason: string | null;
}
