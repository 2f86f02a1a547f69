import { Highlights } from './highlights';
import { LiveBatch } from './live-batch';

describe('LiveBatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands a burst over once, after it goes quiet', () => {
    const flushed: number[][] = [];
    const batch = new LiveBatch<number>((items) => flushed.push(items), { quietMs: 100, maxWaitMs: 1000 });
    batch.push(1);
    jest.advanceTimersByTime(60);
    batch.push(2);
    jest.advanceTimersByTime(60);
    batch.push(3);
    expect(flushed).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(flushed).toEqual([[1, 2, 3]]);
    jest.advanceTimersByTime(2000);
    expect(flushed).toHaveLength(1);
  });

  it('hands a long burst over at the latest after the maximum wait', () => {
    const flushed: number[][] = [];
    const batch = new LiveBatch<number>((items) => flushed.push(items), { quietMs: 100, maxWaitMs: 250 });
    for (let i = 0; i < 5; i++) {
      batch.push(i);
      jest.advanceTimersByTime(80);
    }
    expect(flushed).toEqual([[0, 1, 2, 3]]);
    jest.advanceTimersByTime(100);
    expect(flushed).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('drops what waits when cancelled', () => {
    const flushed: number[][] = [];
    const batch = new LiveBatch<number>((items) => flushed.push(items));
    batch.push(1);
    batch.cancel();
    jest.advanceTimersByTime(5000);
    expect(flushed).toEqual([]);
    expect(batch.pending).toBe(0);
  });
});

describe('Highlights', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('marks keys for the duration, each restarting when it changes again', () => {
    const h = new Highlights(2000);
    h.mark(['a', 'b']);
    expect([...h.keys()]).toEqual(['a', 'b']);
    jest.advanceTimersByTime(1500);
    h.mark(['b']);
    jest.advanceTimersByTime(600);
    expect(h.has('a')).toBe(false);
    expect(h.has('b')).toBe(true);
    jest.advanceTimersByTime(1500);
    expect(h.keys().size).toBe(0);
  });

  it('clears everything at once', () => {
    const h = new Highlights(2000);
    h.mark(['a']);
    h.clear();
    expect(h.has('a')).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});
