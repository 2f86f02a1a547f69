/**
 * Pins what `new Date()` and `Date.now()` say, nothing else: timers, I/O and the database's own
 * clock run as usual, so a booted app keeps working. `advancing` lets the pinned clock run on from
 * that instant (a spec that waits on timeouts needs it); otherwise it stands still.
 */
const EVERYTHING_BUT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

export function pinClock(instant: Date, { advancing = false } = {}): void {
  jest.useFakeTimers({ now: instant, advanceTimers: advancing, doNotFake: [...EVERYTHING_BUT_DATE] });
}
