import {
  bangkokHourOf,
  endOfQuietHours,
  groupDigest,
  isQuietHour,
  reminderOn,
  resultDeadline,
} from './notification-rules';

describe('quiet hours (22:00–07:00 Bangkok)', () => {
  it('reads the hour in Bangkok, UTC+7', () => {
    expect(bangkokHourOf(new Date('2026-03-01T15:00:00Z'))).toBe(22);
    expect(bangkokHourOf(new Date('2026-03-01T23:59:00Z'))).toBe(6);
  });

  it('is quiet from 22:00 up to but not including 07:00', () => {
    expect(isQuietHour(new Date('2026-03-01T14:59:59Z'))).toBe(false); // 21:59:59
    expect(isQuietHour(new Date('2026-03-01T15:00:00Z'))).toBe(true); // 22:00
    expect(isQuietHour(new Date('2026-03-01T19:00:00Z'))).toBe(true); // 02:00 next day
    expect(isQuietHour(new Date('2026-03-01T23:59:59Z'))).toBe(true); // 06:59:59
    expect(isQuietHour(new Date('2026-03-02T00:00:00Z'))).toBe(false); // 07:00
  });

  it('holds a message until 07:00 of the right day', () => {
    const late = new Date('2026-03-01T16:30:00Z'); // 23:30 on 1 March
    expect(endOfQuietHours(late).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const early = new Date('2026-03-01T20:00:00Z'); // 03:00 on 2 March
    expect(endOfQuietHours(early).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const day = new Date('2026-03-01T05:00:00Z'); // noon
    expect(endOfQuietHours(day)).toBe(day);
  });

  it('crosses a year end', () => {
    expect(endOfQuietHours(new Date('2026-12-31T16:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('result reminders', () => {
  it('puts the deadline 15 days after the period ends', () => {
    expect(resultDeadline('2569-M01')).toBe('2025-11-15'); // October 2025
    expect(resultDeadline('2569-Q1')).toBe('2026-01-15'); // Oct–Dec 2025
    expect(resultDeadline('2569-M05', 10)).toBe('2026-03-10'); // February 2026, a leap-free month
  });

  it('reminds N days before the deadline and once on the day after it', () => {
    expect(reminderOn('2569-M01', '2025-11-12', 3)).toBe('result.due');
    expect(reminderOn('2569-M01', '2025-11-13', 3)).toBeNull();
    expect(reminderOn('2569-M01', '2025-11-15', 3)).toBeNull();
    expect(reminderOn('2569-M01', '2025-11-16', 3)).toBe('result.late');
    expect(reminderOn('2569-M01', '2025-11-17', 3)).toBeNull();
    expect(reminderOn('2569-M01', '2025-10-31', 3)).toBeNull();
  });
});

describe('daily digest', () => {
  it('groups many events into one message per user, by kind, oldest first', () => {
    const at = (m: number) => `2026-03-01T0${m}:00:00Z`;
    const digests = groupDigest([
      { userId: 'a', kind: 'result.waiting', title: 'w2', link: '/w', createdAt: at(3) },
      { userId: 'b', kind: 'kpi.red', title: 'r1', link: '/r', createdAt: at(2) },
      { userId: 'a', kind: 'kpi.red', title: 'r0', link: '/r', createdAt: at(1) },
      { userId: 'a', kind: 'result.waiting', title: 'w1', link: '/w', createdAt: at(2) },
    ]);
    expect(digests).toHaveLength(2);
    const a = digests.find((d) => d.userId === 'a');
    expect(a?.total).toBe(3);
    expect(a?.sections.map((s) => [s.kind, s.items.map((i) => i.title)])).toEqual([
      ['kpi.red', ['r0']],
      ['result.waiting', ['w1', 'w2']],
    ]);
    expect(digests.find((d) => d.userId === 'b')?.total).toBe(1);
  });

  it('makes no digest of nothing', () => {
    expect(groupDigest([])).toEqual([]);
  });
});
