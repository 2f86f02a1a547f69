import type { EvidenceLinkDto } from './kpi';
import type { DirectiveSource, DirectiveState } from './vocabulary';

/** A person a directive can be given to: one of the province's own people. */
export interface DirectivePersonDto {
  id: string;
  displayName: string;
  role: string;
}

/** What a directive came from, named for the screen. */
export interface DirectiveSourceDto {
  kind: DirectiveSource;
  id: string | null;
  code: string | null;
  nameTh: string | null;
  nameEn: string | null;
}

export interface DirectiveDto {
  id: string;
  orgUnitCode: string;
  title: string;
  detail: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerAgency: string;
  dueDate: string;
  source: DirectiveSourceDto;
  state: DirectiveState;
  percent: number;
  issuedBy: string;
  issuerName: string;
  issuedAt: string;
  acknowledgedAt: string | null;
  closeRequestedAt: string | null;
  closedAt: string | null;
  issuerNote: string;
  closeRequestNote: string;
  /** Computed from the due day in Bangkok (libs/shared/domain directive.ts). */
  overdue: boolean;
  daysOverdue: number;
  /** What the reader may do now: the owner's steps, or the issuer's. */
  canAnswer: boolean;
  canIssue: boolean;
  version: number;
}

export interface DirectiveProgressDto {
  id: string;
  note: string;
  percent: number;
  evidence: EvidenceLinkDto[];
  postedBy: string;
  posterName: string;
  postedAt: string;
}

export interface DirectiveDetailDto extends DirectiveDto {
  progress: DirectiveProgressDto[];
}

/** A province's directives page: counts, the list (filtered) and the agencies' tallies. */
export interface DirectiveBoardDto {
  orgUnitCode: string;
  counts: { open: number; overdue: number; closedThisMonth: number; awaitingClose: number };
  byAgency: { agency: string; open: number; overdue: number }[];
  directives: DirectiveDto[];
  /** The province's people, for "to whom" (only for those who may issue). */
  people: DirectivePersonDto[];
  canIssue: boolean;
}

export interface IssueDirectiveRequest {
  orgUnitCode: string;
  title: string;
  detail?: string;
  ownerUserId?: string | null;
  ownerAgency?: string;
  dueDate: string;
  kpiId?: string;
  projectId?: string;
  riskId?: string;
}

/** A directive moved (issued, acknowledged, progress posted, asked to close, closed, returned). */
export interface DirectiveChangedEvent {
  directiveId: string;
  orgUnitCode: string;
  step: 'issue' | 'acknowledge' | 'progress' | 'requestClose' | 'close' | 'return';
  state: DirectiveState;
  percent: number;
  title: string;
  ownerUserId: string | null;
  issuedBy: string;
  kpiId: string | null;
  projectId: string | null;
  riskId: string | null;
  version: number;
}

/** A province's choice to publish its directives and risks on its public page (off by default). */
export interface FollowUpPublicationDto {
  unitCode: string;
  public: boolean;
  /** 0 while the province has never chosen (no row yet). */
  version: number;
  /** The reader may turn it on or off (the province's governor, or an admin). */
  mayChange: boolean;
}

/**
 * What the public page of a province shows of its follow-up, only once the province publishes it:
 * open risks (no owner names) and directives (the agency, never the person).
 */
export interface PublicFollowUpDto {
  code: string;
  public: boolean;
  risks: {
    id: string;
    level: 'organisation' | 'operational';
    description: string;
    likelihood: number;
    impact: number;
    score: number;
    band: 'low' | 'medium' | 'high' | 'extreme';
    residualLikelihood: number | null;
    residualImpact: number | null;
    residualScore: number | null;
    response: 'take' | 'treat' | 'transfer' | 'terminate';
    treatment: string;
    reviewDate: string | null;
  }[];
  directives: {
    id: string;
    title: string;
    ownerAgency: string;
    dueDate: string;
    state: DirectiveState;
    percent: number;
    overdue: boolean;
  }[];
}
