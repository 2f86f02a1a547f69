import { progressPercent } from './disbursement-import.store';

describe('progressPercent', () => {
  it('places each phase on its stretch of the whole bar', () => {
    expect(progressPercent({ phase: 'parsing', done: 0, total: 1 })).toBe(0);
    expect(progressPercent({ phase: 'parsing', done: 1, total: 1 })).toBe(10);
    expect(progressPercent({ phase: 'validating', done: 50, total: 100 })).toBe(25);
    expect(progressPercent({ phase: 'writing', done: 0, total: 6 })).toBe(40);
    expect(progressPercent({ phase: 'writing', done: 3, total: 6 })).toBe(70);
    expect(progressPercent({ phase: 'done', done: 6, total: 6 })).toBe(100);
    // An unchanged file reports done with nothing to do.
    expect(progressPercent({ phase: 'done', done: 0, total: 0 })).toBe(100);
  });
});
