import { HttpClient, httpResource } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateMeetingRequest,
  DecisionDirectiveRequest,
  MeetingDetailDto,
  MeetingListDto,
  RoleName,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** Who runs the province's monthly meeting: its secretary (officers, approvers), its governor, admins. */
export const MEETING_ROLES: readonly RoleName[] = ['governor', 'province_officer', 'province_approver', 'admin'];
export const mayRunMeetings = (role: RoleName | null | undefined) => !!role && MEETING_ROLES.includes(role);

export const meetingsUrl = (unit: string) => `/api/meetings?${new URLSearchParams({ unit })}`;
export const meetingUrl = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
export const minutesUrl = (id: string, format: 'pdf' | 'xlsx') => `${meetingUrl(id)}/minutes/${format}`;

/** The province's meetings; undefined unit (not signed in yet): no request. */
export function meetingsResource(unit: () => string | undefined) {
  return httpResource<MeetingListDto>(() => {
    const u = unit();
    return u ? meetingsUrl(u) : undefined;
  });
}

export function meetingResource(id: () => string | undefined) {
  return httpResource<MeetingDetailDto>(() => {
    const v = id();
    return v ? meetingUrl(v) : undefined;
  });
}

@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  create(body: CreateMeetingRequest): Promise<MeetingDetailDto> {
    return firstValueFrom(this.http.post<MeetingDetailDto>('/api/meetings', body));
  }

  buildAgenda(id: string, version: number): Promise<MeetingDetailDto> {
    return this.post(id, 'agenda', { version });
  }

  hold(id: string, version: number): Promise<MeetingDetailDto> {
    return this.post(id, 'hold', { version });
  }

  close(id: string, version: number): Promise<MeetingDetailDto> {
    return this.post(id, 'close', { version });
  }

  recordDecision(id: string, agendaItemId: string, text: string): Promise<MeetingDetailDto> {
    return this.post(id, 'decisions', { agendaItemId, text });
  }

  toDirective(id: string, decisionId: string, body: DecisionDirectiveRequest): Promise<MeetingDetailDto> {
    return this.post(id, `decisions/${encodeURIComponent(decisionId)}/directive`, body);
  }

  /** The minutes file (the route needs the bearer token, so it is fetched, then handed to the browser). */
  minutes(id: string, format: 'pdf' | 'xlsx'): Promise<Blob> {
    return firstValueFrom(this.http.get(minutesUrl(id, format), { responseType: 'blob' }));
  }

  private post(id: string, path: string, body: object): Promise<MeetingDetailDto> {
    return firstValueFrom(this.http.post<MeetingDetailDto>(`${meetingUrl(id)}/${path}`, body));
  }
}
