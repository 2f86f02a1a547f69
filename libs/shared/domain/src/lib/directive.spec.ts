import type { Actor, UnitRef } from './access-policy';
import {
  bangkokMonthOf,
  canAnswerDirective,
  canIssueDirective,
  canPublishFollowUp,
  canTakeDirectiveStep,
  closedLate,
  daysBetween,
  directiveStepsFrom,
  directiveTimeliness,
  DirectiveStep,
  nextDirectiveState,
} from './directive';
import { DIRECTIVE_STATES, DirectiveState } from './vocabulary';

const CHIANG_MAI: UnitRef = { path: 'TH/north/C15/50', type: 'province' };
const LAMPANG: UnitRef = { path: 'TH/north/C15/52', type: 'province' };
const C15: UnitRef = { path: 'TH/north/C15', type: 'cluster' };

const who = (role: Actor['role'], scopePath: string, id = `${role}-${scopePath}`) => ({ role, scopePath, id });
const admin = who('admin', 'TH');
const governor = who('governor', CHIANG_MAI.path);
const officer = who('province_officer', CHIANG_MAI.path, 'officer-1');
const otherOfficer = who('province_officer', CHIANG_MAI.path, 'officer-2');
const approver = who('province_approver', CHIANG_MAI.path);
const analyst = who('central_analyst', 'TH');
const clusterOfficer = who('cluster_officer', C15.path);
const lampangGovernor = who('governor', LAMPANG.path);

describe('directive state machine', () => {
  const table: [DirectiveState, DirectiveStep, DirectiveState | null][] = [
    ['issued', 'acknowledge', 'acknowledged'],
    ['issued', 'progress', 'in_progress'],
    ['issued', 'requestClose', null],
    ['issued', 'close', null],
    ['acknowledged', 'acknowledge', null],
    ['acknowledged', 'progress', 'in_progress'],
    ['acknowledged', 'requestClose', 'close_requested'],
    ['in_progress', 'progress', 'in_progress'],
    ['in_progress', 'requestClose', 'close_requested'],
    ['in_progress', 'close', null],
    ['close_requested', 'progress', null],
    ['close_requested', 'close', 'closed'],
    ['close_requested', 'return', 'returned'],
    ['returned', 'progress', 'in_progress'],
    ['returned', 'requestClose', 'close_requested'],
    ['returned', 'return', null],
    ['closed', 'progress', null],
    ['closed', 'return', null],
    ['closed', 'close', null],
  ];
  it.each(table)('%s --%s--> %s', (state, step, next) => {
    expect(nextDirectiveState(state, step)).toBe(next);
  });

  it('a closed directive takes no step at all', () => {
    expect(directiveStepsFrom('closed')).toEqual([]);
  });

  it('every open state has a way forward', () => {
    for (const s of DIRECTIVE_STATES.filter((x) => x !== 'closed'))
      expect(directiveStepsFrom(s).length).toBeGreaterThan(0);
  });
});

describe('who may issue, close and return', () => {
  it.each([
    [admin, CHIANG_MAI, true],
    [governor, CHIANG_MAI, true],
    [governor, LAMPANG, false],
    [lampangGovernor, CHIANG_MAI, false],
    [officer, CHIANG_MAI, false],
    [approver, CHIANG_MAI, false],
    [analyst, CHIANG_MAI, false],
    [clusterOfficer, CHIANG_MAI, false],
  ])('%j on %j: %s', (actor, unit, expected) => {
    expect(canIssueDirective(actor, unit)).toBe(expected);
  });
});

describe("who may publish a province's follow-up", () => {
  it.each([
    [admin, CHIANG_MAI, true],
    [governor, CHIANG_MAI, true],
    [lampangGovernor, CHIANG_MAI, false],
    [officer, CHIANG_MAI, false],
    [approver, CHIANG_MAI, false],
    [analyst, CHIANG_MAI, false],
    [governor, C15, false],
  ])('%j on %j: %s', (actor, unit, expected) => {
    expect(canPublishFollowUp(actor, unit)).toBe(expected);
  });
});

describe("who may take the owner's steps", () => {
  const named = { ownerUserId: 'officer-1' };
  const agencyOnly = { ownerUserId: null };
  it.each([
    [officer, named, true],
    [otherOfficer, named, false],
    [governor, named, false],
    [admin, named, true],
    [officer, agencyOnly, true],
    [approver, agencyOnly, true],
    [governor, agencyOnly, false],
    [analyst, agencyOnly, false],
  ])('%j answers %j: %s', (actor, d, expected) => {
    expect(canAnswerDirective(actor, CHIANG_MAI, d)).toBe(expected);
  });

  it('the named owner outside the province (moved away) may no longer answer', () => {
    const moved = who('province_officer', LAMPANG.path, 'officer-1');
    expect(canAnswerDirective(moved, CHIANG_MAI, named)).toBe(false);
  });

  it('routes each step to its side', () => {
    expect(canTakeDirectiveStep(governor, CHIANG_MAI, named, 'close')).toBe(true);
    expect(canTakeDirectiveStep(governor, CHIANG_MAI, named, 'progress')).toBe(false);
    expect(canTakeDirectiveStep(officer, CHIANG_MAI, named, 'progress')).toBe(true);
    expect(canTakeDirectiveStep(officer, CHIANG_MAI, named, 'return')).toBe(false);
  });
});

describe('overdue (Asia/Bangkok days)', () => {
  const open = (dueDate: string) => ({ state: 'in_progress' as const, dueDate });

  it('is on time through the whole due day, Bangkok time', () => {
    // 23:59 on 15 Mar in Bangkok is 16:59 UTC.
    expect(directiveTimeliness(open('2026-03-15'), new Date('2026-03-15T16:59:59Z'))).toEqual({
      overdue: false,
      daysOverdue: 0,
      daysLeft: 0,
    });
    // 00:00 on 16 Mar in Bangkok is 17:00 UTC on the 15th: already the next day there.
    expect(directiveTimeliness(open('2026-03-15'), new Date('2026-03-15T17:00:00Z'))).toEqual({
      overdue: true,
      daysOverdue: 1,
      daysLeft: null,
    });
  });

  it('crosses the fiscal-year boundary: due on the last day of FY 2569, overdue on the first of FY 2570', () => {
    const due = open('2026-09-30');
    expect(directiveTimeliness(due, new Date('2026-09-30T16:59:00Z')).overdue).toBe(false);
    expect(directiveTimeliness(due, new Date('2026-09-30T17:00:00Z'))).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(directiveTimeliness(due, new Date('2026-10-31T05:00:00Z'))).toMatchObject({
      overdue: true,
      daysOverdue: 31,
    });
  });

  it('counts days left before the due day, across a year end and a leap day', () => {
    expect(directiveTimeliness(open('2027-01-02'), new Date('2026-12-30T03:00:00Z')).daysLeft).toBe(3);
    expect(directiveTimeliness(open('2028-03-01'), new Date('2028-02-28T03:00:00Z')).daysLeft).toBe(2);
  });

  it('a closed directive is never overdue; closing after the due day is closing late', () => {
    expect(directiveTimeliness({ state: 'closed', dueDate: '2026-01-01' }, new Date('2026-06-01T00:00:00Z'))).toEqual({
      overdue: false,
      daysOverdue: 0,
      daysLeft: null,
    });
    expect(closedLate('2026-09-30', new Date('2026-09-30T16:00:00Z'))).toBe(false);
    expect(closedLate('2026-09-30', new Date('2026-09-30T17:30:00Z'))).toBe(true);
  });

  it('an open state other than in progress is overdue too', () => {
    for (const state of ['issued', 'acknowledged', 'close_requested', 'returned'] as const)
      expect(directiveTimeliness({ state, dueDate: '2026-01-01' }, new Date('2026-01-03T00:00:00Z')).overdue).toBe(
        true,
      );
  });

  it('days between ISO dates', () => {
    expect(daysBetween('2026-09-30', '2026-10-01')).toBe(1);
    expect(daysBetween('2026-10-01', '2026-09-30')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('the Bangkok month of an instant, also at the turn of a month and a year', () => {
    expect(bangkokMonthOf(new Date('2026-09-30T17:30:00Z'))).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(bangkokMonthOf(new Date('2026-12-31T18:00:00Z'))).toEqual({ start: '2027-01-01', end: '2027-01-31' });
    expect(bangkokMonthOf(new Date('2028-02-10T00:00:00Z'))).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });
});
