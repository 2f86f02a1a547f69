import { advanceProgress, progressPercent } from './disbursement-import.store';

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

describe('advanceProgress', () => {
  it('starts the bar at the first event and moves it forward', () => {
    const first = advanceProgress(null, { phase: 'parsing', done: 0, total: 6 });
    expect(first).toEqual({ phase: 'parsing', done: 0, total: 6, percent: 0, batchId: undefined });
    const writing = advanceProgress(first, { phase: 'writing', done: 3, total: 6, batchId: 'b1' });
    expect(writing).toEqual({ phase: 'writing', done: 3, total: 6, percent: 70, batchId: 'b1' });
    // A later event without the batch keeps the one already known.
    expect(advanceProgress(writing, { phase: 'writing', done: 6, total: 6 })?.batchId).toBe('b1');
  });

  it('never pulls a full bar back when an early event arrives after the answer', () => {
    const answered = { phase: 'done' as const, done: 6, total: 6, percent: 100, batchId: 'b1' };
    expect(advanceProgress(answered, { phase: 'parsing', done: 0, total: 6 })).toBe(answered);
    expect(advanceProgress(answered, { phase: 'writing', done: 6, total: 6 })).toBe(answered);
  });

  it('ignores an event that arrives out of order within the upload', () => {
    const validating = advanceProgress(null, { phase: 'validating', done: 6, total: 6 });
    expect(validating?.percent).toBe(40);
    expect(advanceProgress(validating, { phase: 'parsing', done: 6, total: 6 })).toBe(validating);
  });
});
