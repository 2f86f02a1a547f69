import type {
  AgreementScoreChangedEvent,
  AuthUserDto,
  DisbursementBatchImportedEvent,
  KpiResultChangedEvent,
  Live,
  MissedEvent,
  ProjectProgressChangedEvent,
  RoomName,
} from '@provdash/shared/contracts';
import { formatAgreementScoreShort } from '@provdash/shared/domain';

/**
 * The room whose approvals and imports make the user's "what changed today": the whole country for
 * central staff, their own cluster or province otherwise, `public` (every province's approved
 * changes) for a visitor or a region scope (regions have no room). Null until the session is known,
 * so the page does not join `public` only to move a moment later.
 */
export function feedRoom(user: AuthUserDto | null, ready: boolean): RoomName | null {
  if (!ready) return null;
  if (!user) return 'public';
  if (user.role === 'admin' || user.scope.type === 'country') return 'national';
  if (user.scope.type === 'province') return `province:${user.scope.code}`;
  if (user.scope.type === 'cluster') return `cluster:${user.scope.code}`;
  return 'public';
}

/** The national rankings travel to `national` and `public` only. */
export function rankingRoom(user: AuthUserDto | null, ready: boolean): RoomName | null {
  if (!ready) return null;
  return user && (user.role === 'admin' || user.scope.type === 'country') ? 'national' : 'public';
}

/** One line of the feed: what kind of change, where, when, and the figures its sentence needs. */
export type FeedItem =
  | (FeedBase<'kpi-approved' | 'kpi-withdrawn'> & {
      kpiCode: string;
      kpiNameTh: string | null;
      kpiNameEn: string | null;
      period: string;
    })
  | (FeedBase<'progress-approved' | 'progress-withdrawn'> & { period: string; percent: number })
  | (FeedBase<'import' | 'rollback'> & { rows: number; rate: number | null })
  | (FeedBase<'agreement-score'> & { score: string | null })
  | (FeedBase<'agreement-round'> & { round: number; score: string });

interface FeedBase<K extends string> {
  kind: K;
  /** Room and sequence: unique, so a replayed event is not listed twice. */
  key: string;
  at: string;
  orgUnitCode: string;
  fiscalYear: number;
}

const base = <K extends string>(kind: K, e: Live<{ orgUnitCode: string }>, fiscalYear: number): FeedBase<K> => ({
  kind,
  key: `${e.room}#${e.seq}`,
  at: e.at,
  orgUnitCode: e.data.orgUnitCode,
  fiscalYear,
});

/** A KPI result approved or reopened; the other steps of its review never reach the scope rooms. */
export function kpiFeedItem(e: Live<KpiResultChangedEvent>): FeedItem | null {
  if (e.data.status !== 'approved' && e.data.status !== 'withdrawn') return null;
  return {
    ...base(e.data.status === 'approved' ? 'kpi-approved' : 'kpi-withdrawn', e, e.data.fiscalYear),
    kpiCode: e.data.kpiCode,
    kpiNameTh: e.data.scorecard?.kpi.nameTh ?? null,
    kpiNameEn: e.data.scorecard?.kpi.nameEn ?? null,
    period: e.data.period,
  };
}

export function progressFeedItem(e: Live<ProjectProgressChangedEvent>): FeedItem | null {
  if (e.data.status !== 'approved' && e.data.status !== 'withdrawn') return null;
  const fiscalYear = Number(e.data.period.slice(0, 4));
  return {
    ...base(e.data.status === 'approved' ? 'progress-approved' : 'progress-withdrawn', e, fiscalYear),
    period: e.data.period,
    percent: e.data.percent,
  };
}

export function importFeedItem(e: Live<DisbursementBatchImportedEvent>): FeedItem {
  const own = e.data.rates.find((r) => r.orgUnitCode === e.data.orgUnitCode);
  return {
    ...base(e.data.rolledBack ? 'rollback' : 'import', e, e.data.fiscalYear),
    rows: e.data.rows,
    rate: own?.total.rate ?? null,
  };
}

export function agreementFeedItem(e: Live<AgreementScoreChangedEvent>): FeedItem {
  return e.data.round
    ? { ...base('agreement-round', e, e.data.fiscalYear), round: e.data.round.round, score: e.data.round.score }
    : {
        ...base('agreement-score', e, e.data.fiscalYear),
        // The live score to two decimals, as the screens show it; a round's score is official and exact.
        score: e.data.liveScore === null ? null : formatAgreementScoreShort(e.data.liveScore),
      };
}

/** How many lines the feed keeps: a busy day scrolls on, the page does not grow without end. */
export const FEED_LIMIT = 50;

/** New items first, without duplicates, at most `limit`. */
export function addToFeed(feed: readonly FeedItem[], added: readonly FeedItem[], limit = FEED_LIMIT): FeedItem[] {
  const seen = new Set(feed.map((i) => i.key));
  const fresh = added.filter((i) => !seen.has(i.key) && (seen.add(i.key), true));
  return [...fresh.reverse(), ...feed].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** Where a feed room's earlier events of today are read over REST (the same rule as joining it). */
export function todayUrl(room: RoomName): string | null {
  if (room === 'public') return '/api/public/live/today';
  if (room === 'national') return '/api/org-units/TH/live/today';
  const [kind, code] = room.split(':');
  return kind === 'province' || kind === 'cluster' ? `/api/org-units/${encodeURIComponent(code)}/live/today` : null;
}

/** One replayed event as a feed line, by the same rules as a live one (null for what the feed skips). */
export function feedItemOf(m: MissedEvent): FeedItem | null {
  switch (m.event) {
    case 'kpi-result.changed':
      return kpiFeedItem(m.payload);
    case 'project-progress.changed':
      return progressFeedItem(m.payload);
    case 'disbursement-batch.imported':
      return importFeedItem(m.payload);
    case 'agreement-score.changed':
      return agreementFeedItem(m.payload);
    default:
      return null;
  }
}
