import {
  Action,
  Actor,
  canPublishPlan,
  canSeeDraftPlan,
  canSeeUnapproved,
  isAllowed,
  isRole,
  isWithin,
  Role,
  UnitRef,
} from './access-policy';

const TH: UnitRef = { path: 'TH', type: 'country' };
const NORTH: UnitRef = { path: 'TH/north', type: 'region' };
const C15: UnitRef = { path: 'TH/north/C15', type: 'cluster' };
const CHIANG_MAI: UnitRef = { path: 'TH/north/C15/50', type: 'province' };
const LAMPANG: UnitRef = { path: 'TH/north/C15/52', type: 'province' };
const CHIANG_RAI: UnitRef = { path: 'TH/north/C16/57', type: 'province' };

const actors: Record<string, Actor> = {
  admin: { role: 'admin', scopePath: 'TH' },
  analyst: { role: 'central_analyst', scopePath: 'TH' },
  clusterC15: { role: 'cluster_officer', scopePath: C15.path },
  governorCM: { role: 'governor', scopePath: CHIANG_MAI.path },
  officerCM: { role: 'province_officer', scopePath: CHIANG_MAI.path },
  approverCM: { role: 'province_approver', scopePath: CHIANG_MAI.path },
  evaluator: { role: 'central_evaluator', scopePath: 'TH' },
  // Misconfigured: an evaluator scoped to a province would judge its own round.
  evaluatorCM: { role: 'central_evaluator', scopePath: CHIANG_MAI.path },
};

describe('isWithin', () => {
  it.each([
    ['TH', 'TH', true],
    ['TH', 'TH/north/C15/50', true],
    ['TH/north/C15', 'TH/north/C15/50', true],
    ['TH/north/C15/50', 'TH/north/C15', false],
    // A prefix of the text is not a prefix of the path: province 5 is not above province 50.
    ['TH/north/C15/5', 'TH/north/C15/50', false],
    ['TH/north/C15/50', 'TH/north/C15/52', false],
  ])('%s contains %s: %s', (scope, unit, expected) => {
    expect(isWithin(scope, unit)).toBe(expected);
  });
});

describe('isAllowed: the whole role × action × unit table', () => {
  type Row = [string, Action, UnitRef, boolean];
  const table: Row[] = [
    // admin: everything, everywhere
    ...(['read', 'write', 'approve', 'evaluate', 'administer'] as Action[]).flatMap((a) =>
      [TH, C15, CHIANG_MAI, CHIANG_RAI].map((u): Row => ['admin', a, u, true]),
    ),
    // ministry staff read everything, write only national settings, never approve or administer
    ['analyst', 'read', CHIANG_RAI, true],
    ['analyst', 'read', TH, true],
    ['analyst', 'write', TH, true],
    ['analyst', 'write', NORTH, false],
    ['analyst', 'write', C15, false],
    ['analyst', 'write', CHIANG_MAI, false],
    ['analyst', 'approve', CHIANG_MAI, false],
    ['analyst', 'administer', TH, false],
    // a cluster office reads its cluster and members, writes only the cluster itself
    ['clusterC15', 'read', C15, true],
    ['clusterC15', 'read', LAMPANG, true],
    ['clusterC15', 'read', CHIANG_RAI, false],
    ['clusterC15', 'read', TH, false],
    ['clusterC15', 'write', C15, true],
    ['clusterC15', 'write', CHIANG_MAI, false],
    ['clusterC15', 'approve', CHIANG_MAI, false],
    // a governor reads his province only and writes nothing
    ['governorCM', 'read', CHIANG_MAI, true],
    ['governorCM', 'read', LAMPANG, false],
    ['governorCM', 'read', C15, false],
    ['governorCM', 'write', CHIANG_MAI, false],
    ['governorCM', 'approve', CHIANG_MAI, false],
    // a strategy officer writes his own province only
    ['officerCM', 'read', CHIANG_MAI, true],
    ['officerCM', 'write', CHIANG_MAI, true],
    ['officerCM', 'write', LAMPANG, false],
    ['officerCM', 'approve', CHIANG_MAI, false],
    ['officerCM', 'administer', CHIANG_MAI, false],
    // an approver writes and approves in his province only
    ['approverCM', 'write', CHIANG_MAI, true],
    ['approverCM', 'approve', CHIANG_MAI, true],
    ['approverCM', 'approve', LAMPANG, false],
    ['approverCM', 'administer', CHIANG_MAI, false],
    // nobody of the province evaluates its agreement round: not its approver, officer or governor
    ['approverCM', 'evaluate', CHIANG_MAI, false],
    ['officerCM', 'evaluate', CHIANG_MAI, false],
    ['governorCM', 'evaluate', CHIANG_MAI, false],
    ['analyst', 'evaluate', CHIANG_MAI, false],
    ['clusterC15', 'evaluate', CHIANG_MAI, false],
    // the central evaluator reads everything, evaluates provinces' rounds, writes and approves nothing
    ['evaluator', 'read', CHIANG_RAI, true],
    ['evaluator', 'evaluate', CHIANG_MAI, true],
    ['evaluator', 'evaluate', CHIANG_RAI, true],
    ['evaluator', 'evaluate', C15, false],
    ['evaluator', 'evaluate', TH, false],
    ['evaluator', 'write', TH, false],
    ['evaluator', 'write', CHIANG_MAI, false],
    ['evaluator', 'approve', CHIANG_MAI, false],
    ['evaluator', 'administer', TH, false],
    ['evaluatorCM', 'evaluate', CHIANG_MAI, false],
  ];

  it.each(table)('%s may %s %j: %s', (who, action, unit, expected) => {
    expect(isAllowed(actors[who], action, unit)).toBe(expected);
  });
});

describe('canSeeUnapproved', () => {
  it.each([
    ['admin', CHIANG_RAI, true],
    ['officerCM', CHIANG_MAI, true],
    ['approverCM', CHIANG_MAI, true],
    ['governorCM', CHIANG_MAI, true],
    ['governorCM', LAMPANG, false],
    ['officerCM', LAMPANG, false],
    ['analyst', CHIANG_MAI, false],
    ['clusterC15', CHIANG_MAI, false],
    ['evaluator', CHIANG_MAI, false],
  ])('%s sees drafts of %j: %s', (who, unit, expected) => {
    expect(canSeeUnapproved(actors[who as string], unit as UnitRef)).toBe(expected);
  });
});

describe('isRole', () => {
  it.each<[unknown, boolean]>([
    ['governor', true],
    ['province_approver', true],
    ['root', false],
    [undefined, false],
    [1, false],
  ])('%p → %p', (value, expected) => {
    expect(isRole(value as Role)).toBe(expected);
  });
});

describe('draft plans', () => {
  it.each([
    ['officerCM', CHIANG_MAI, true],
    ['governorCM', CHIANG_MAI, true],
    ['admin', CHIANG_MAI, true],
    ['clusterC15', C15, true],
    ['clusterC15', CHIANG_MAI, false],
    ['analyst', CHIANG_MAI, false],
    ['analyst', TH, true],
    ['officerCM', LAMPANG, false],
    ['officerCM', C15, false],
  ])('%s sees a draft plan of %j: %s', (who, unit, expected) => {
    expect(canSeeDraftPlan(actors[who as string], unit as UnitRef)).toBe(expected);
  });

  it.each([
    ['approverCM', CHIANG_MAI, true],
    ['officerCM', CHIANG_MAI, false],
    ['governorCM', CHIANG_MAI, false],
    ['admin', LAMPANG, true],
    ['approverCM', LAMPANG, false],
    ['clusterC15', C15, true],
    ['clusterC15', CHIANG_MAI, false],
    ['analyst', TH, true],
    ['analyst', C15, false],
  ])('%s publishes a plan of %j: %s', (who, unit, expected) => {
    expect(canPublishPlan(actors[who as string], unit as UnitRef)).toBe(expected);
  });
});
