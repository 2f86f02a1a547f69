import { HttpErrorResponse } from '@angular/common/http';
import { apiProblem, toDecimal } from './api-problem';
import { fixtureKpiEntry, fixtureWorkspace } from './testing/workspace.fixtures';
import { isEditable, isSubmittable, kpiWorkItems, needsAction, projectWorkItems, urgency } from './work-items';

describe('work items', () => {
  it('lists what needs the office first: late, then due, then returned and drafts', () => {
    const todo = kpiWorkItems(fixtureWorkspace, 'todo').map((i) => `${i.kpi.code} ${i.entry.period}`);
    // M01 is a late draft; the ratio's Q1 is due and returned; M02 is with the approver; M03 has not ended.
    expect(todo).toEqual(['K1.2.1 2570-M01', 'K2.1.2 2570-Q1']);
    const all = kpiWorkItems(fixtureWorkspace, 'all').map((i) => i.entry.period);
    expect(all).toEqual(['2570-M01', '2570-M02', '2570-M03', '2570-Q1']);
  });

  it('keys every line by what it is, so lists track them across reloads', () => {
    const [first] = kpiWorkItems(fixtureWorkspace, 'all');
    expect(first.key).toBe('k:kpi-tourism:2570-M01');
    expect(projectWorkItems(fixtureWorkspace, 'all').map((i) => i.key)).toEqual([
      'p:project-1:2570-M02',
      'p:project-1:2570-M03',
    ]);
    // The submitted month waits for the approver; the running one is not asked for yet.
    expect(projectWorkItems(fixtureWorkspace, 'todo')).toEqual([]);
  });

  it('asks for a running period only once something was started there', () => {
    expect(needsAction(fixtureKpiEntry({ period: '2570-M03', timing: 'running' }))).toBe(false);
    expect(needsAction(fixtureKpiEntry({ period: '2570-M03', timing: 'running', status: 'draft' }))).toBe(true);
    expect(needsAction(fixtureKpiEntry({ period: '2570-M02', timing: 'due' }))).toBe(true);
    expect(needsAction(fixtureKpiEntry({ period: '2570-M01', status: 'approved' }))).toBe(false);
  });

  it('ranks late before due before returned before draft', () => {
    const u = (over: Parameters<typeof fixtureKpiEntry>[0]) => urgency(fixtureKpiEntry(over));
    expect([
      u({ period: 'a', late: true }),
      u({ period: 'b', timing: 'due' }),
      u({ period: 'c', timing: 'running', status: 'returned' }),
      u({ period: 'd', timing: 'running', status: 'draft' }),
      u({ period: 'e', status: 'approved' }),
    ]).toEqual([0, 1, 2, 3, 4]);
  });

  it('locks approved and submitted entries, and sends only what was entered', () => {
    const e = (status: 'missing' | 'draft' | 'submitted' | 'returned' | 'approved') =>
      fixtureKpiEntry({ period: '2570-M01', status });
    expect(['missing', 'draft', 'returned', 'submitted', 'approved'].map((s) => isEditable(e(s as never)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['missing', 'draft', 'returned', 'submitted'].map((s) => isSubmittable(e(s as never)))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('toDecimal', () => {
  it.each([
    ['1234.5', '1234.5'],
    ['1,234.50', '1234.5'],
    [' 12,345 ', '12345'],
    ['-3', '-3'],
    ['007.10', '7.1'],
    ['-0', '0'],
    [42, '42'],
  ])('reads %p as %p', (input, out) => expect(toDecimal(input)).toBe(out));

  it.each(['', 'abc', '1e5', '12%', '-', '1.1234567', '1234567890123456', '1,2,3', '12 345', '1,23'])(
    'refuses %p',
    (input) => expect(toDecimal(input)).toBeNull(),
  );
});

describe('apiProblem', () => {
  it("reads the API's error body: message, key and field details", () => {
    const error = new HttpErrorResponse({
      status: 422,
      error: {
        statusCode: 422,
        error: 'UNPROCESSABLE_ENTITY',
        message: 'ค่าที่ระบุอยู่นอกช่วง',
        code: 'result.outlier',
        details: [{ field: 'value', messages: ['x'] }],
      },
    });
    expect(apiProblem(error)).toEqual({
      status: 422,
      code: 'result.outlier',
      message: 'ค่าที่ระบุอยู่นอกช่วง',
      details: [{ field: 'value', messages: ['x'] }],
    });
  });

  it('says nothing it was not told: no body, or not an HTTP failure at all', () => {
    expect(apiProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toEqual({
      status: 0,
      code: null,
      message: null,
      details: [],
    });
    expect(apiProblem(new Error('boom')).status).toBe(0);
  });
});
