import type { AgreementRankingEntryDto, AgreementRankingRoundName } from '@provdash/shared/contracts';
import { formatDecimal } from '@provdash/shared/domain';

/** The query string of the ministry's ranking, for the JSON and the XLSX alike. */
export function rankingQuery(fiscalYear: number, round: AgreementRankingRoundName): string {
  return `fiscalYear=${fiscalYear}&round=${round}`;
}

/** A round from the address bar: 6, 12 or live (the default). */
export function roundFromParam(value: string | null): AgreementRankingRoundName {
  return value === '6' ? 6 : value === '12' ? 12 : 'live';
}

/** A rank change as read aloud and shown: "▲ 2", "▼ 1", "–" (unchanged), "" (no comparison). */
export function rankChangeLabel(change: number | null): string {
  if (change === null) return '';
  if (change === 0) return '–';
  return change > 0 ? `▲ ${change}` : `▼ ${-change}`;
}

/** A score change with its sign, four decimals: "+1.2000", "−0.6000". */
export function scoreChangeLabel(change: number | null): string {
  if (change === null) return '';
  if (change === 0) return '0.0000';
  return (change > 0 ? '+' : '−') + formatDecimal(Math.abs(change), 4);
}

export function entryName(e: AgreementRankingEntryDto, lang: string): string {
  return lang === 'en' ? e.nameEn : e.nameTh;
}

/** A share of the country's provinces as a whole percentage, for the progress bars. */
export function percentOf(count: number, of: number): number {
  return of > 0 ? Math.round((count / of) * 100) : 0;
}
