import type { Role } from '@provdash/shared/domain';

/** The signed-in user as the access token states it. */
export interface ActorClaims {
  sub: string;
  role: Role;
  /** Path and code of the scope unit. */
  scope: string;
  scopeCode: string;
  /** The sign-in session (refresh token family): revoking it ends this token too (see Sessions). */
  sid: string;
  /** Set while the user still holds a temporary password: only their own account's routes are open. */
  pwc?: true;
}

export interface ResolvedUnit {
  id: string;
  code: string;
  path: string;
  type: 'country' | 'region' | 'cluster' | 'province';
}

/** Keys of what the request context (nestjs-cls) holds for one request. */
export const CTX_ACTOR = 'actor';
export const CTX_UNIT = 'unit';
