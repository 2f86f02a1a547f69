/**
 * Who may do what where: the one rule set behind every REST route and socket room, and the
 * dashboard's decision to show a button. A scope is an org unit; access to a unit includes every
 * unit below it, expressed by paths of codes from the root ("TH/north/C15/50").
 */
export type Role =
  | 'admin'
  | 'central_analyst'
  | 'central_evaluator'
  | 'cluster_officer'
  | 'governor'
  | 'province_officer'
  | 'province_approver';

export const ROLES: readonly Role[] = [
  'admin',
  'central_analyst',
  'central_evaluator',
  'cluster_officer',
  'governor',
  'province_officer',
  'province_approver',
];

/**
 * read: see it; write: enter or change it; approve: accept or return what others submitted;
 * evaluate: judge a province's agreement round from outside the province; administer: users and system settings.
 */
export type Action = 'read' | 'write' | 'approve' | 'evaluate' | 'administer';

export const ACTIONS: readonly Action[] = ['read', 'write', 'approve', 'evaluate', 'administer'];

export type UnitType = 'country' | 'region' | 'cluster' | 'province';

export interface Actor {
  role: Role;
  /** Path of the user's scope unit. */
  scopePath: string;
}

export interface UnitRef {
  path: string;
  type: UnitType;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `unitPath` is the scope itself or lies below it. */
export function isWithin(scopePath: string, unitPath: string): boolean {
  return unitPath === scopePath || unitPath.startsWith(`${scopePath}/`);
}

const PROVINCE_ROLES: readonly Role[] = ['governor', 'province_officer', 'province_approver'];

/**
 * The rule table. Ministry staff read everything and write only national (country-level) settings;
 * a cluster office writes its own cluster's plan, never its provinces' data; a governor only reads;
 * province officers write and approvers also approve, inside their province. Agreement rounds are
 * evaluated by the central evaluator only: never by anyone of the province itself, so a province
 * no longer marks its own homework.
 */
export function isAllowed(actor: Actor, action: Action, unit: UnitRef): boolean {
  if (actor.role === 'admin') return true;
  if (!isWithin(actor.scopePath, unit.path)) return false;
  switch (action) {
    case 'read':
      return true;
    case 'write':
      switch (actor.role) {
        case 'central_analyst':
          return unit.type === 'country';
        case 'central_evaluator':
          return false;
        case 'cluster_officer':
          return unit.type === 'cluster';
        case 'province_officer':
        case 'province_approver':
          return unit.type === 'province';
        default:
          return false;
      }
    case 'approve':
      return actor.role === 'province_approver' && unit.type === 'province';
    case 'evaluate':
      // A central evaluator's scope is the country; one scoped to the province itself would be judging its own round.
      return actor.role === 'central_evaluator' && unit.type === 'province' && actor.scopePath !== unit.path;
    case 'administer':
      return false;
  }
}

/**
 * Drafts, submissions and returned results belong to the province until approved: only the
 * province's own people (and admins) see them; ministry and cluster staff see approved data.
 */
export function canSeeUnapproved(actor: Actor, unit: UnitRef): boolean {
  if (actor.role === 'admin') return true;
  return PROVINCE_ROLES.includes(actor.role) && isWithin(actor.scopePath, unit.path);
}

/**
 * A draft plan belongs to the unit that writes it: its own people (who may see unapproved work or
 * write the plan: a cluster office for its cluster plan) and admins. Everyone else, the public
 * included, sees published plans only.
 */
export function canSeeDraftPlan(actor: Actor, unit: UnitRef): boolean {
  return canSeeUnapproved(actor, unit) || isAllowed(actor, 'write', unit);
}

/**
 * Publishing a plan is an approval: a province's plan by its approver (never its officer alone); a
 * cluster's or the nation's plan, which has no approver role, by the office that writes it; admins always.
 */
export function canPublishPlan(actor: Actor, unit: UnitRef): boolean {
  if (actor.role === 'admin') return true;
  return unit.type === 'province' ? isAllowed(actor, 'approve', unit) : isAllowed(actor, 'write', unit);
}
