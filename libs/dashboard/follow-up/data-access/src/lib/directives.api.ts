import { HttpClient, httpResource } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DirectiveBoardDto,
  DirectiveDetailDto,
  DirectiveState,
  EvidenceLinkDto,
  IssueDirectiveRequest,
  RoleName,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** The province's people and admins read directives; the governor (and admins) issue them. */
export const FOLLOW_UP_ROLES: readonly RoleName[] = ['governor', 'province_officer', 'province_approver', 'admin'];
export const ISSUER_ROLES: readonly RoleName[] = ['governor', 'admin'];

export const mayIssueDirectives = (role: RoleName | null | undefined) => !!role && ISSUER_ROLES.includes(role);
export const mayReadDirectives = (role: RoleName | null | undefined) => !!role && FOLLOW_UP_ROLES.includes(role);

export type DirectiveFilter = 'open' | 'overdue' | 'closed' | 'all';

export interface DirectiveQuery {
  unit: string;
  show?: DirectiveFilter;
  mine?: boolean;
  kpiId?: string;
  projectId?: string;
  riskId?: string;
}

export function directivesUrl(q: DirectiveQuery): string {
  const params = new URLSearchParams({ unit: q.unit });
  if (q.show && q.show !== 'all') params.set('show', q.show);
  if (q.mine) params.set('mine', 'true');
  if (q.kpiId) params.set('kpiId', q.kpiId);
  if (q.projectId) params.set('projectId', q.projectId);
  if (q.riskId) params.set('riskId', q.riskId);
  return `/api/directives?${params}`;
}

export const directiveUrl = (id: string) => `/api/directives/${encodeURIComponent(id)}`;

/** The directives page's read; undefined query (not signed in, not the province's people): no request. */
export function directivesResource(query: () => DirectiveQuery | undefined) {
  return httpResource<DirectiveBoardDto>(() => {
    const q = query();
    return q ? directivesUrl(q) : undefined;
  });
}

export function directiveResource(id: () => string | undefined) {
  return httpResource<DirectiveDetailDto>(() => {
    const v = id();
    return v ? directiveUrl(v) : undefined;
  });
}

/** Where "issue a directive" leads from a KPI, a project or a risk of a province. */
export function issueDirectiveLink(
  unit: string,
  source: { kpiId?: string; projectId?: string; riskId?: string; about?: string } = {},
): { commands: string[]; queryParams: Record<string, string> } {
  const queryParams: Record<string, string> = { unit };
  for (const [k, v] of Object.entries(source)) if (v) queryParams[k] = v;
  return { commands: ['/follow-up', 'new'], queryParams };
}

/** The colour family of a state on screen. */
export function directiveTone(state: DirectiveState, overdue: boolean): 'red' | 'amber' | 'green' | 'grey' | 'blue' {
  if (state === 'closed') return 'grey';
  if (overdue) return 'red';
  if (state === 'close_requested') return 'green';
  if (state === 'returned' || state === 'issued') return 'amber';
  return 'blue';
}

@Injectable({ providedIn: 'root' })
export class DirectivesApi {
  private readonly http = inject(HttpClient);

  issue(body: IssueDirectiveRequest): Promise<DirectiveDetailDto> {
    return firstValueFrom(this.http.post<DirectiveDetailDto>('/api/directives', body));
  }

  acknowledge(id: string, version: number): Promise<DirectiveDetailDto> {
    return this.step(id, 'acknowledge', { version });
  }

  progress(
    id: string,
    body: { version: number; note: string; percent: number; evidence: EvidenceLinkDto[] },
  ): Promise<DirectiveDetailDto> {
    return this.step(id, 'progress', body);
  }

  requestClose(id: string, version: number, note: string): Promise<DirectiveDetailDto> {
    return this.step(id, 'request-close', { version, note });
  }

  close(id: string, version: number, note: string): Promise<DirectiveDetailDto> {
    return this.step(id, 'close', { version, note });
  }

  return(id: string, version: number, note: string): Promise<DirectiveDetailDto> {
    return this.step(id, 'return', { version, note });
  }

  private step(id: string, step: string, body: object): Promise<DirectiveDetailDto> {
    return firstValueFrom(this.http.post<DirectiveDetailDto>(`${directiveUrl(id)}/${step}`, body));
  }
}
