export type ResultStatusName = 'draft' | 'submitted' | 'approved' | 'returned';

export interface EvidenceLinkDto {
  url: string;
  title: string;
}

/** A KPI result as the API returns it. Who submitted/approved is shown only to the province's own people. */
export interface KpiResultDto {
  id: string;
  kpiId: string;
  fiscalYear: number;
  period: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  narrativeTh: string;
  evidence: EvidenceLinkDto[];
  status: ResultStatusName;
  returnReason: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  version: number;
  updatedAt: string;
}

/** Values are decimal strings or numbers; ratio KPIs take numerator and denominator instead of value. */
export interface SaveKpiResultDto {
  value?: string | number;
  numerator?: string | number;
  denominator?: string | number;
  narrativeTh?: string;
  evidence?: EvidenceLinkDto[];
  /** A value outside the KPI's plausible range is refused unless confirmed. */
  confirmOutlier?: boolean;
  /** Required when the result exists: the version read. */
  version?: number;
}

export interface ResultTransitionDto {
  version: number;
  /** Required to return or reopen. */
  reason?: string;
}
