import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEventDto, InvitedUserDto, ManagedUserDto, PageDto, RoleName } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';

export interface InviteRequest {
  email: string;
  displayName: string;
  role: RoleName;
  orgUnitCode: string;
}

export interface UserChange {
  displayName?: string;
  role?: RoleName;
  orgUnitCode?: string;
  disabled?: boolean;
  version: number;
}

/** The audit trail's filters, as the API takes them (`from`/`to` are instants with an offset). */
export interface AuditFilter {
  unit?: string;
  person?: string;
  entity?: string;
  from?: string;
  to?: string;
}

function params(filter: AuditFilter, extra: Record<string, string | number> = {}): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) {
    if (v !== undefined && v !== null && String(v).trim() !== '') p = p.set(k, String(v).trim());
  }
  return p;
}

/** The admin screens' calls. Errors reject with the HttpErrorResponse (`apiProblem` reads it). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(): Promise<ManagedUserDto[]> {
    return firstValueFrom(this.http.get<ManagedUserDto[]>('/api/users'));
  }

  invite(body: InviteRequest): Promise<InvitedUserDto> {
    return firstValueFrom(this.http.post<InvitedUserDto>('/api/users', body));
  }

  update(id: string, change: UserChange): Promise<ManagedUserDto> {
    return firstValueFrom(this.http.patch<ManagedUserDto>(`/api/users/${id}`, change));
  }

  resetPassword(id: string, version: number): Promise<InvitedUserDto> {
    return firstValueFrom(this.http.post<InvitedUserDto>(`/api/users/${id}/password-reset`, { version }));
  }

  audit(filter: AuditFilter, page: number, pageSize: number): Promise<PageDto<AuditEventDto>> {
    return firstValueFrom(
      this.http.get<PageDto<AuditEventDto>>('/api/audit', { params: params(filter, { page, pageSize }) }),
    );
  }

  /** Every row the filters match, as the server writes the file (not only the page on screen). */
  auditExport(filter: AuditFilter, format: 'csv' | 'xlsx'): Promise<Blob> {
    return firstValueFrom(
      this.http.get('/api/audit/export', { params: params(filter, { format }), responseType: 'blob' }),
    );
  }
}
