import type { OrgUnitType } from './org-unit';

/** Mirrors `Role` of @provdash/shared/domain; contracts stay free of logic, so the union is repeated as a type. */
export type RoleName =
  | 'admin'
  | 'central_analyst'
  | 'central_evaluator'
  | 'cluster_officer'
  | 'governor'
  | 'province_officer'
  | 'province_approver';

export interface ScopeDto {
  code: string;
  type: OrgUnitType;
  nameTh: string;
  nameEn: string;
  path: string;
}

export interface AuthUserDto {
  id: string;
  email: string;
  displayName: string;
  role: RoleName;
  scope: ScopeDto;
  /** Present (true) while the user holds a temporary password: they must set their own first. */
  mustChangePassword?: boolean;
}

/** A user as the people admin screen sees them. */
export interface ManagedUserDto extends AuthUserDto {
  disabled: boolean;
  mustChangePassword: boolean;
  /** When their newest session began (ISO), or null if they never signed in. */
  lastSignInAt: string | null;
  version: number;
}

/** Shown once, to the admin who invited or reset: never stored readable, never sent again. */
export interface TemporaryPasswordDto {
  temporaryPassword: string;
}

export type InvitedUserDto = ManagedUserDto & Partial<TemporaryPasswordDto>;

export interface ChangePasswordRequestDto {
  currentPassword: string;
  newPassword: string;
}

/** One of the signed-in user's own sessions (a sign-in on a device, until it signs out or expires). */
export interface MySessionDto {
  id: string;
  userAgent: string | null;
  address: string | null;
  startedAt: string;
  /** The last time the device renewed its token (every few minutes while the app is open). */
  lastSeenAt: string;
  /** The session this request was made from. */
  current: boolean;
}

export interface LoginRequestDto {
  email: string;
  password: string;
}

/** The refresh token travels only as an httpOnly cookie, never in a body. */
export interface SessionDto {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: AuthUserDto;
}

/** Every error the API returns has this shape; `message` is in the language of Accept-Language. */
export interface ErrorBodyDto {
  statusCode: number;
  error: string;
  message: string;
  /** The message's key (e.g. `result.outlier`), for a client that reacts to one error in particular. */
  code?: string;
  details?: { field: string; messages: string[] }[];
}

export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEventDto {
  id: string;
  at: string;
  userId: string | null;
  userEmail: string | null;
  /** The changer's display name (null for system changes). */
  userName?: string | null;
  action: 'insert' | 'update' | 'delete' | string;
  entity: string;
  entityId: string;
  orgUnitCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}
