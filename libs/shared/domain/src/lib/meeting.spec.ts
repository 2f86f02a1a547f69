import {
  canBuildAgenda,
  canRecordDecision,
  canRunMeeting,
  isAgendaRisk,
  nextMeetingState,
  sortAgenda,
} from './meeting';

const province = { path: 'TH/northeast/NE3/32', type: 'province' as const };

describe('meeting rules', () => {
  it('moves draft → held → closed and nothing else', () => {
    expect(nextMeetingState('draft', 'hold')).toBe('held');
    expect(nextMeetingState('held', 'close')).toBe('closed');
    expect(nextMeetingState('draft', 'close')).toBeNull();
    expect(nextMeetingState('held', 'hold')).toBeNull();
    expect(nextMeetingState('closed', 'close')).toBeNull();
  });

  it('builds the agenda in draft only and records decisions while held only', () => {
    expect([canBuildAgenda('draft'), canBuildAgenda('held'), canBuildAgenda('closed')]).toEqual([true, false, false]);
    expect([canRecordDecision('draft'), canRecordDecision('held'), canRecordDecision('closed')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('lets the province secretary, its governor and admins run it; nobody else', () => {
    const at = (role: string, scopePath = province.path) => canRunMeeting({ role, scopePath } as never, province);
    expect(at('province_officer')).toBe(true);
    expect(at('province_approver')).toBe(true);
    expect(at('governor')).toBe(true);
    expect(at('admin', 'TH')).toBe(true);
    expect(at('governor', 'TH/north/N1/50')).toBe(false);
    expect(at('province_officer', 'TH/north/N1/50')).toBe(false);
    expect(at('central_analyst', 'TH')).toBe(false);
    expect(at('central_evaluator', 'TH')).toBe(false);
    expect(at('cluster_officer', 'TH/northeast/NE3')).toBe(false);
    expect(
      canRunMeeting({ role: 'governor', scopePath: 'TH/northeast/NE3' } as never, {
        path: 'TH/northeast/NE3',
        type: 'cluster',
      }),
    ).toBe(false);
  });

  it('puts risks of the high band and above on the agenda', () => {
    expect(isAgendaRisk(3, 3)).toBe(false); // 9: medium
    expect(isAgendaRisk(2, 5)).toBe(true); // 10: high
    expect(isAgendaRisk(5, 5)).toBe(true); // 25: extreme
  });

  it('orders carried directives first, then overdue, red KPIs, projects, risks', () => {
    const items = sortAgenda([
      { kind: 'high_risk' as const, n: 1 },
      { kind: 'red_kpi' as const, n: 2 },
      { kind: 'carried_directive' as const, n: 3 },
      { kind: 'red_kpi' as const, n: 4 },
      { kind: 'lapse_project' as const, n: 5 },
      { kind: 'overdue_directive' as const, n: 6 },
    ]);
    expect(items.map((i) => i.n)).toEqual([3, 6, 2, 4, 5, 1]);
  });
});
