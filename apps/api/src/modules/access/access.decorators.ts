import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action } from '@provdash/shared/domain';

export const ACCESS_KEY = 'provdash:access';

/** Where the org unit a request touches comes from. */
export type UnitSource =
  /** The whole country: national lists and settings. */
  | { kind: 'national' }
  /** An org unit code in a route parameter, query parameter or body field; `defaultToScope` uses the caller's own scope when absent. */
  | { kind: 'code'; from: 'param' | 'query' | 'body'; key: string; defaultToScope?: boolean }
  /** The org unit of a row, found by its id (see UNIT_OF_ENTITY). */
  | { kind: 'entity'; entity: string; from: 'param' | 'body'; key: string };

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'policy'; action: Action; unit: UnitSource };

function describe(rule: AccessRule): string {
  if (rule.kind === 'public') return 'public: no sign-in';
  if (rule.kind === 'signed-in') return 'any signed-in user';
  const u = rule.unit;
  const where =
    u.kind === 'national'
      ? 'the country'
      : u.kind === 'code'
        ? `the org unit given by ${u.from} "${u.key}"${u.defaultToScope ? " (default: the user's scope)" : ''}`
        : `the org unit of the ${u.entity} given by ${u.from} "${u.key}"`;
  return `${rule.action} on ${where}`;
}

function access(rule: AccessRule) {
  // The rule is also published in the OpenAPI document, so every route shows who may call it.
  const doc =
    rule.kind === 'public'
      ? []
      : [
          ApiBearerAuth(),
          ApiUnauthorizedResponse({ description: 'not signed in, or the token is invalid or expired' }),
          ...(rule.kind === 'policy' ? [ApiForbiddenResponse({ description: `requires ${describe(rule)}` })] : []),
        ];
  return applyDecorators(SetMetadata(ACCESS_KEY, rule), ApiExtension('x-access', describe(rule)), ...doc);
}

/** Open to anyone, signed in or not: only approved, public data may sit behind it. */
export const Public = () => access({ kind: 'public' });

/** Any signed-in user, whatever the role (their own profile, signing out). */
export const SignedIn = () => access({ kind: 'signed-in' });

/** Signed-in users allowed `action` on the unit the request touches (see isAllowed in @provdash/shared/domain). */
export const Allow = (action: Action, unit: UnitSource) => access({ kind: 'policy', action, unit });

export const national = (): UnitSource => ({ kind: 'national' });
export const unitCode = (from: 'param' | 'query' | 'body', key: string, defaultToScope = false): UnitSource => ({
  kind: 'code',
  from,
  key,
  defaultToScope,
});
export const unitOf = (entity: string, from: 'param' | 'body', key: string): UnitSource => ({
  kind: 'entity',
  entity,
  from,
  key,
});
