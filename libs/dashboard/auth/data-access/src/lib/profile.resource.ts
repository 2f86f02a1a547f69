import { httpResource, HttpResourceRef } from '@angular/common/http';
import { computed, inject } from '@angular/core';
import type { AuthUserDto } from '@provdash/shared/contracts';
import { AUTH_API, AuthStore } from './auth.store';

/**
 * The signed-in user's profile as the API knows it now (GET /api/auth/me), fetched again for
 * each new sign-in and idle while signed out. Call in an injection context.
 */
export function profileResource(): HttpResourceRef<AuthUserDto | undefined> {
  const store = inject(AuthStore);
  // By id: a token refresh brings a new user object but must not fetch again.
  const userId = computed(() => store.user()?.id);
  return httpResource<AuthUserDto>(() => (userId() ? `${AUTH_API}/me` : undefined));
}
