import { kpiDisplayState, type KpiDisplayInput } from './kpi-display';

const k = (over: Partial<KpiDisplayInput>): KpiDisplayInput => ({
  status: 'green',
  direction: 'higher_better',
  actual: 100,
  expected: 100,
  achievement: 100,
  missingPeriods: [],
  ...over,
});

describe('kpiDisplayState', () => {
  it('a grey KPI shows no value and no achievement, only what was expected and which period is missing', () => {
    // The report: "ผลงาน 968.65" beside "no report" and "–".
    expect(
      kpiDisplayState(
        k({ status: 'grey', actual: 968.65, expected: 1200, achievement: null, missingPeriods: ['2570-M02'] }),
      ),
    ).toEqual({
      kind: 'noReport',
      status: 'grey',
      actual: null,
      expected: 1200,
      achievement: null,
      earlyPeriod: null,
      missingPeriod: '2570-M02',
      rule: null,
    });
  });

  it('a KPI with nothing to judge shows nothing', () => {
    expect(kpiDisplayState(k({ status: 'none', actual: null, expected: null, achievement: null }))).toMatchObject({
      kind: 'notJudged',
      actual: null,
      expected: null,
      achievement: null,
    });
  });

  it('a KPI without a target shows its value only', () => {
    expect(kpiDisplayState(k({ status: 'none', actual: 42, expected: null, achievement: null }))).toMatchObject({
      kind: 'noTarget',
      actual: 42,
      expected: null,
      achievement: null,
    });
  });

  it.each<[Partial<KpiDisplayInput>, string]>([
    [{ status: 'amber', actual: 38.16, expected: 51.01, achievement: 74.8 }, 'higherBetter'],
    [{ status: 'green', direction: 'lower_better', actual: 8, expected: 10, achievement: 125 }, 'lowerBetter'],
    [{ status: 'green', actual: 0, expected: 0, achievement: null }, 'direct'],
    [{ status: 'red', direction: 'band', actual: 4, expected: null, achievement: 75 }, 'band'],
  ])('a judged KPI shows all its figures and the rule: %j → %s', (over, rule) => {
    const s = kpiDisplayState(k(over));
    expect(s).toMatchObject({ kind: 'judged', actual: over.actual, achievement: over.achievement, rule });
  });

  it('marks a result counted before its period was due', () => {
    expect(kpiDisplayState(k({ earlyPeriod: '2570-M03' })).earlyPeriod).toBe('2570-M03');
    expect(kpiDisplayState(k({})).earlyPeriod).toBeNull();
  });
});
