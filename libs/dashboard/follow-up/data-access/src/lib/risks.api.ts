import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  FollowUpPublicationDto,
  RiskDetailDto,
  RiskDto,
  RiskResponseName,
  RoleName,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** The province's writers (and admins) keep the register; the governor reads it and issues directives. */
export const RISK_WRITER_ROLES: readonly RoleName[] = ['province_officer', 'province_approver', 'admin'];
export const mayWriteRisks = (role: RoleName | null | undefined) => !!role && RISK_WRITER_ROLES.includes(role);

/** A new organisation-level risk. */
export interface NewRiskBody {
  description: string;
  likelihood: number;
  impact: number;
  response: RiskResponseName;
  owner: string;
  mitigation?: string;
  reviewDate?: string;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
}

/** A reassessment: the whole assessment again, with the version read. */
export interface ReassessBody {
  version: number;
  likelihood: number;
  impact: number;
  response: RiskResponseName;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  mitigation?: string;
  reviewDate?: string;
  note?: string;
}

export const risksUrl = (unit: string) => `/api/risks?unit=${encodeURIComponent(unit)}`;
export const riskUrl = (id: string) => `/api/risks/${encodeURIComponent(id)}`;
export const publicationUrl = (unit: string) => `/api/units/${encodeURIComponent(unit)}/follow-up-publication`;

/** Which pair of a risk the heat map places it by: before treatment, or after it. */
export type HeatMapMode = 'inherent' | 'residual';

/** The cell of a risk in the given mode; null when its residual is not assessed yet. */
export function heatCell(r: RiskDto, mode: HeatMapMode): { l: number; i: number } | null {
  if (mode === 'inherent') return { l: r.likelihood, i: r.impact };
  return r.residualLikelihood !== null && r.residualImpact !== null
    ? { l: r.residualLikelihood, i: r.residualImpact }
    : null;
}

@Injectable({ providedIn: 'root' })
export class RisksApi {
  private readonly http = inject(HttpClient);

  createOrgRisk(unit: string, body: NewRiskBody): Promise<RiskDto> {
    return firstValueFrom(this.http.post<RiskDto>(`/api/units/${encodeURIComponent(unit)}/risks`, body));
  }

  reassess(id: string, body: ReassessBody): Promise<RiskDetailDto> {
    return firstValueFrom(this.http.post<RiskDetailDto>(`${riskUrl(id)}/assessments`, body));
  }

  setPublication(unit: string, body: { public: boolean; version: number }): Promise<FollowUpPublicationDto> {
    return firstValueFrom(this.http.put<FollowUpPublicationDto>(publicationUrl(unit), body));
  }
}
