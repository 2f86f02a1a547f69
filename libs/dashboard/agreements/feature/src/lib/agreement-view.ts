import type {
  AgreementDto,
  AgreementRoundNumber,
  AgreementRoundReviewDto,
  AgreementScoreLineDto,
} from '@provdash/shared/contracts';
import {
  addDays,
  agreementGains,
  compareIsoDates,
  formatDecimal,
  periodRange,
  whereToGainMost,
} from '@provdash/shared/domain';

/** A score as the screens show it: two decimals, the exact four-decimal value on demand. */
export function shortScore(score: number | string | null | undefined): string {
  return score === null || score === undefined || score === '' ? '–' : formatDecimal(score, 2);
}

export function exactScore(score: number | string | null | undefined): string {
  return score === null || score === undefined || score === '' ? '–' : formatDecimal(score, 4);
}

/** One indicator as the governor reads it: where it stands and what the next level is worth. */
export interface IndicatorRow {
  line: AgreementScoreLineDto;
  levelReached: number;
  /** Points of the weighted total (0–5) the next level would add. */
  points: number;
}

export function indicatorRows(lines: readonly AgreementScoreLineDto[]): IndicatorRow[] {
  const gains = agreementGains(
    lines.map((l) => ({ indicatorId: l.indicatorId, weight: l.weight, score: l.score, nextLevel: l.nextLevel })),
  );
  return lines.map((line, i) => ({ line, levelReached: gains[i].levelReached, points: gains[i].points }));
}

/** "Where can we gain most": the indicators by points available, most first. */
export function gainRows(lines: readonly AgreementScoreLineDto[]): IndicatorRow[] {
  const byId = new Map(indicatorRows(lines).map((r) => [r.line.indicatorId, r]));
  return whereToGainMost(
    lines.map((l) => ({ indicatorId: l.indicatorId, weight: l.weight, score: l.score, nextLevel: l.nextLevel })),
  ).map((g) => byId.get(g.indicatorId) as IndicatorRow);
}

/** The day from which a round's periods are all due (the API's `roundAsOf`). */
export function roundDueFrom(fiscalYear: number, round: AgreementRoundNumber): string {
  return addDays(periodRange(round === 6 ? `${fiscalYear}-H1` : String(fiscalYear)).end, 1);
}

export type RoundState = 'notDue' | 'open' | 'waiting' | 'submitted' | 'frozen';

/**
 * Where a round stands for the people of the province: not yet due, open for the self-assessment,
 * waiting for the 6-month round first, under the centre's review, or frozen.
 */
export function roundState(a: AgreementDto, round: AgreementRoundNumber, today: string): RoundState {
  const review = a.reviews.find((r) => r.round === round);
  if (review) return review.status === 'frozen' ? 'frozen' : 'submitted';
  if (a.rounds.some((r) => r.round === round)) return 'frozen';
  if (compareIsoDates(today, roundDueFrom(a.fiscalYear, round)) < 0) return 'notDue';
  return a.status === (round === 6 ? 'agreed' : 'evaluated_6') ? 'open' : 'waiting';
}

/** The review of a round, if the province has submitted it. */
export function reviewOf(a: AgreementDto | undefined, round: AgreementRoundNumber): AgreementRoundReviewDto | null {
  return a?.reviews.find((r) => r.round === round) ?? null;
}

/** The last frozen round's score, for "live beside the last round". */
export function lastRound(a: AgreementDto | undefined) {
  const rounds = a?.rounds ?? [];
  return rounds.length ? rounds[rounds.length - 1] : null;
}
