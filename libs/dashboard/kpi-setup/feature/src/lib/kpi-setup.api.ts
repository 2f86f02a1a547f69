import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { KpiDefinitionDto, KpiSetupDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** The body of POST goals/:goalId/kpis and PATCH kpis/:id (the API's class-validator DTOs say the rest). */
export type KpiBody = Record<string, string | number | boolean | null>;

export interface TargetBody {
  target: string;
  trajectory: { period: string; target: string }[];
  version?: number;
}

/** The KPI setup screens' calls (docs/strategy-and-kpis.md, "Defining KPIs and targets"). */
@Injectable({ providedIn: 'root' })
export class KpiSetupApi {
  private readonly http = inject(HttpClient);

  goalSetup(goalId: string): Promise<KpiSetupDto> {
    return firstValueFrom(this.http.get<KpiSetupDto>(`/api/goals/${goalId}/kpi-setup`));
  }

  kpiSetup(kpiId: string): Promise<KpiSetupDto> {
    return firstValueFrom(this.http.get<KpiSetupDto>(`/api/kpis/${kpiId}/setup`));
  }

  create(goalId: string, body: KpiBody): Promise<KpiDefinitionDto> {
    return firstValueFrom(this.http.post<KpiDefinitionDto>(`/api/goals/${goalId}/kpis`, body));
  }

  update(kpiId: string, body: KpiBody): Promise<KpiDefinitionDto> {
    return firstValueFrom(this.http.patch<KpiDefinitionDto>(`/api/kpis/${kpiId}`, body));
  }

  setTarget(kpiId: string, fiscalYear: number, body: TargetBody): Promise<KpiDefinitionDto> {
    return firstValueFrom(this.http.put<KpiDefinitionDto>(`/api/kpis/${kpiId}/targets/${fiscalYear}`, body));
  }
}
