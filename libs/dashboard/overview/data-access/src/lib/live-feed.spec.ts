import { liveEvent } from '@provdash/dashboard/shared/realtime';
import type { AuthUserDto, KpiResultChangedEvent, RoleName, ScopeDto } from '@provdash/shared/contracts';
import {
  addToFeed,
  agreementFeedItem,
  FeedItem,
  feedItemOf,
  feedRoom,
  importFeedItem,
  kpiFeedItem,
  progressFeedItem,
  rankingRoom,
  todayUrl,
} from './live-feed';
import { fixtureBatch, fixtureScoreChange } from './testing/overview.fixtures';

function user(role: RoleName, scope: Pick<ScopeDto, 'code' | 'type'>): AuthUserDto {
  return {
    id: `u-${role}`,
    email: `${role}@demo.go.th`,
    displayName: role,
    role,
    scope: { ...scope, nameTh: scope.code, nameEn: scope.code, path: `TH/${scope.code}` },
  };
}

describe('rooms of the overview', () => {
  it("follows the user's scope for the feed, and waits for the session to be known", () => {
    expect(feedRoom(null, false)).toBeNull();
    expect(feedRoom(null, true)).toBe('public');
    expect(feedRoom(user('central_analyst', { code: 'TH', type: 'country' }), true)).toBe('national');
    expect(feedRoom(user('admin', { code: 'TH', type: 'country' }), true)).toBe('national');
    expect(feedRoom(user('cluster_officer', { code: 'C15', type: 'cluster' }), true)).toBe('cluster:C15');
    expect(feedRoom(user('governor', { code: '50', type: 'province' }), true)).toBe('province:50');
    // Regions have no room of their own.
    expect(feedRoom(user('central_analyst', { code: 'north', type: 'region' }), true)).toBe('public');
  });

  it('hears the national rankings in `national` when the scope is the country, else in `public`', () => {
    expect(rankingRoom(null, false)).toBeNull();
    expect(rankingRoom(null, true)).toBe('public');
    expect(rankingRoom(user('central_analyst', { code: 'TH', type: 'country' }), true)).toBe('national');
    expect(rankingRoom(user('governor', { code: '50', type: 'province' }), true)).toBe('public');
  });
});

const approval = (status: KpiResultChangedEvent['status'], seq = 7) =>
  liveEvent<KpiResultChangedEvent>('province:50', seq, {
    kpiId: 'k-1',
    kpiCode: 'K1.2.1',
    orgUnitCode: '50',
    fiscalYear: 2569,
    period: '2569-M05',
    status,
    value: '14000',
    numerator: null,
    denominator: null,
    version: 3,
    scorecard: null,
  });

describe('feed items', () => {
  it('lists approvals and reopenings of KPI results and project progress, nothing else of their review', () => {
    expect(kpiFeedItem(approval('approved'))).toEqual({
      kind: 'kpi-approved',
      key: 'province:50#7',
      at: '2026-03-02T03:00:00.000Z',
      orgUnitCode: '50',
      fiscalYear: 2569,
      kpiCode: 'K1.2.1',
      kpiNameTh: null,
      kpiNameEn: null,
      period: '2569-M05',
    });
    expect(kpiFeedItem(approval('withdrawn'))?.kind).toBe('kpi-withdrawn');
    expect(kpiFeedItem(approval('submitted'))).toBeNull();

    const progress = (status: 'approved' | 'draft') =>
      liveEvent('public', 3, {
        projectId: 'p',
        orgUnitCode: '52',
        period: '2569-M06',
        status,
        percent: 45.5,
        version: 2,
      });
    expect(progressFeedItem(progress('approved'))).toEqual(
      expect.objectContaining({ kind: 'progress-approved', orgUnitCode: '52', fiscalYear: 2569, percent: 45.5 }),
    );
    expect(progressFeedItem(progress('draft'))).toBeNull();
  });

  it("gives an import its rows and the province's new rate, a rollback as such", () => {
    expect(importFeedItem(liveEvent('public', 4, fixtureBatch()))).toEqual(
      expect.objectContaining({ kind: 'import', rows: 12, rate: 35, orgUnitCode: '50' }),
    );
    expect(importFeedItem(liveEvent('public', 5, fixtureBatch({ rolledBack: true }))).kind).toBe('rollback');
  });

  it('tells an evaluated round from a moved live score', () => {
    expect(agreementFeedItem(liveEvent('public', 6, fixtureScoreChange()))).toEqual(
      expect.objectContaining({ kind: 'agreement-score', score: '3.90' }),
    );
    expect(
      agreementFeedItem(liveEvent('public', 7, fixtureScoreChange({ round: { round: 12, score: '3.8800' } }))),
    ).toEqual(expect.objectContaining({ kind: 'agreement-round', round: 12, score: '3.8800' }));
  });

  it('keeps the newest first, each event once, up to the limit', () => {
    const item = (seq: number, at: string) => kpiFeedItem({ ...approval('approved', seq), at }) as FeedItem;
    let feed = addToFeed([], [item(1, '2026-03-02T03:00:00Z'), item(2, '2026-03-02T04:00:00Z')]);
    feed = addToFeed(feed, [item(2, '2026-03-02T04:00:00Z'), item(3, '2026-03-02T05:00:00Z')], 2);
    expect(feed.map((i) => i.key)).toEqual(['province:50#3', 'province:50#2']);
  });
});

describe("today's earlier events", () => {
  it('reads each feed room from the REST route with the same rule as joining it', () => {
    expect(todayUrl('public')).toBe('/api/public/live/today');
    expect(todayUrl('national')).toBe('/api/org-units/TH/live/today');
    expect(todayUrl('province:50')).toBe('/api/org-units/50/live/today');
    expect(todayUrl('cluster:C15')).toBe('/api/org-units/C15/live/today');
    expect(todayUrl('workspace:50')).toBeNull();
  });

  it('turns a replayed event into the same line a live one makes, and skips what the feed does not list', () => {
    const imported = liveEvent('province:50', 7, fixtureBatch());
    expect(feedItemOf({ event: 'disbursement-batch.imported', payload: imported })).toEqual(importFeedItem(imported));
    const ranking = liveEvent('public', 8, { kind: 'agreement' as const, fiscalYear: 2569, rows: [] });
    expect(feedItemOf({ event: 'ranking.changed', payload: ranking })).toBeNull();
  });
});
