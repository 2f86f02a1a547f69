import type { DirectivePersonDto } from './follow-up';
import type { DirectiveState } from './vocabulary';

/** draft (agenda being built) → held (decisions recorded) → closed (minutes closed). */
export type MeetingStateDto = 'draft' | 'held' | 'closed';
export type AgendaItemKindDto = 'red_kpi' | 'lapse_project' | 'overdue_directive' | 'high_risk' | 'carried_directive';

/** The directive a decision became, as the meeting screen shows it. */
export interface MeetingDirectiveDto {
  id: string;
  title: string;
  state: DirectiveState;
  dueDate: string;
  ownerName: string | null;
  ownerAgency: string;
  overdue: boolean;
}

export interface MeetingDecisionDto {
  id: string;
  agendaItemId: string;
  text: string;
  recordedBy: string;
  recorderName: string;
  recordedAt: string;
  directive: MeetingDirectiveDto | null;
  version: number;
}

export interface MeetingAgendaItemDto {
  id: string;
  seq: number;
  kind: AgendaItemKindDto;
  /** The object it is about: its kind and id, for the link. */
  subject: { kind: 'kpi' | 'project' | 'risk' | 'directive'; id: string };
  titleTh: string;
  titleEn: string;
  note: string;
  decisions: MeetingDecisionDto[];
}

export interface MeetingSummaryDto {
  id: string;
  orgUnitCode: string;
  meetingDate: string;
  title: string;
  state: MeetingStateDto;
  chairName: string | null;
  agendaCount: number;
  decisions: { id: string; text: string; directiveId: string | null }[];
  version: number;
}

export interface MeetingListDto {
  orgUnitCode: string;
  meetings: MeetingSummaryDto[];
  canRun: boolean;
}

export interface MeetingDetailDto extends Omit<MeetingSummaryDto, 'decisions'> {
  chairUserId: string | null;
  heldAt: string | null;
  closedAt: string | null;
  agenda: MeetingAgendaItemDto[];
  /** The province's directives that came from meetings and are still open (live on `directive.changed`). */
  openDirectives: MeetingDirectiveDto[];
  canRun: boolean;
  /** The people a decision's directive can be given to. */
  people: DirectivePersonDto[];
}

export interface CreateMeetingRequest {
  orgUnitCode: string;
  meetingDate: string;
  title: string;
}

export interface MeetingStepRequest {
  version: number;
}

export interface RecordDecisionRequest {
  version: number;
  agendaItemId: string;
  text: string;
}

export interface DecisionDirectiveRequest {
  version: number;
  title?: string;
  ownerUserId?: string | null;
  ownerAgency?: string;
  dueDate: string;
}
