import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChangePasswordRequestDto, MySessionDto } from '@provdash/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AUTH_API, AuthStore } from './auth.store';

/** The user's own sessions (under AUTH_API). */
const SESSIONS = '/api/auth/sessions';

/** How many other sessions were signed out. */
export interface EndedSessions {
  ended: number;
}

/** The signed-in user's own account: their password and their sessions. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);
  private readonly store = inject(AuthStore);

  /**
   * Rejects with the HttpErrorResponse (a refusal names `currentPassword` or `newPassword`). After
   * success the session is renewed, so a token issued under a temporary password gives way to a full one.
   */
  async changePassword(body: ChangePasswordRequestDto): Promise<void> {
    await firstValueFrom(this.http.post<void>(`${AUTH_API}/password`, body));
    await this.store.refresh();
  }

  sessions(): Promise<MySessionDto[]> {
    return firstValueFrom(this.http.get<MySessionDto[]>(SESSIONS));
  }

  endSession(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${SESSIONS}/${id}`));
  }

  endOtherSessions(): Promise<EndedSessions> {
    return firstValueFrom(this.http.post<EndedSessions>(`${SESSIONS}/sign-out-others`, null));
  }
}
