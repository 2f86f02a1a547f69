import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DisbursementBudgetType,
  DisbursementTargetDto,
  KpiStatusThresholdsDto,
  ProjectDto,
  ProjectPageDto,
  RiskDto,
  SaveProjectDto,
} from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

export const projectPageUrl = (id: string) => `/api/projects/${encodeURIComponent(id)}/page`;
export const projectsUrl = (code: string, fiscalYear: number) =>
  `/api/projects?orgUnitCode=${encodeURIComponent(code)}&fiscalYear=${fiscalYear}`;
export const targetsUrl = (fiscalYear: number) => `/api/disbursement-targets?fiscalYear=${fiscalYear}`;
export const thresholdsUrl = (fiscalYear: number) => `/api/kpi-status-thresholds/${fiscalYear}`;

/** What the risk form sends (POST creates, PATCH with the version read changes or closes). */
export interface SaveRiskBody {
  description?: string;
  likelihood?: number;
  impact?: number;
  response?: RiskDto['response'];
  owner?: string;
  mitigation?: string;
  reviewDate?: string;
  status?: 'open' | 'closed';
  version?: number;
}

/** The writes of the project screens and the ministry's year set-up; reads are httpResources in the pages. */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  createProject(body: SaveProjectDto): Promise<ProjectDto> {
    return firstValueFrom(this.http.post<ProjectDto>('/api/projects', body));
  }

  updateProject(id: string, body: SaveProjectDto): Promise<ProjectDto> {
    return firstValueFrom(this.http.patch<ProjectDto>(`/api/projects/${encodeURIComponent(id)}`, body));
  }

  createRisk(projectId: string, body: SaveRiskBody): Promise<RiskDto> {
    return firstValueFrom(this.http.post<RiskDto>(`/api/projects/${encodeURIComponent(projectId)}/risks`, body));
  }

  updateRisk(id: string, body: SaveRiskBody): Promise<RiskDto> {
    return firstValueFrom(this.http.patch<RiskDto>(`/api/risks/${encodeURIComponent(id)}`, body));
  }

  saveTarget(
    fiscalYear: number,
    budgetType: DisbursementBudgetType,
    body: { q1: number; q2: number; q3: number; q4: number; version?: number },
  ): Promise<DisbursementTargetDto> {
    return firstValueFrom(
      this.http.put<DisbursementTargetDto>(`/api/disbursement-targets/${fiscalYear}/${budgetType}`, body),
    );
  }

  saveThresholds(fiscalYear: number, body: { green: number; amber: number; version?: number }) {
    return firstValueFrom(this.http.put<KpiStatusThresholdsDto>(thresholdsUrl(fiscalYear), body));
  }
}
