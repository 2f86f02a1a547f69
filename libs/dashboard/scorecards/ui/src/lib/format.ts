import {
  bangkokDateOf,
  formatDateLabel,
  periodContaining,
  periodLabel,
  type LabelLocale,
} from '@provdash/shared/domain';

const numberFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Thai digit grouping (12,965.13); a dash when there is no figure. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : numberFormat.format(value);
}

/** Percent with one decimal ("90.4 %"). */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${percentFormat.format(value)} %`;
}

export function asLocale(lang: string | null | undefined): LabelLocale {
  return lang === 'en' ? 'en' : 'th';
}

/** A timestamp as the Bangkok calendar day, in B.E. for Thai readers. */
export function formatInstant(iso: string | null | undefined, lang: string | null | undefined): string {
  if (!iso) return '–';
  return formatDateLabel(bangkokDateOf(new Date(iso)), asLocale(lang));
}

/** A timestamp's day and time in Bangkok: "7 ธ.ค. 2569 13:05" (B.E.) in Thai, "7 Dec 2026, 13:05" in English. */
export function formatInstantTime(iso: string | null | undefined, lang: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(asLocale(lang) === 'en' ? 'en-GB' : 'th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(iso));
}

export function formatPeriod(period: string, lang: string | null | undefined): string {
  try {
    return periodLabel(period, asLocale(lang));
  } catch {
    return period;
  }
}

/** A calendar month ("2026-03") as a period label: "มี.ค. 2569" in Thai (B.E.), "Mar 2026" in English. */
export function formatMonth(month: string, lang: string | null | undefined): string {
  try {
    return periodLabel(periodContaining(`${month}-01`, 'monthly'), asLocale(lang));
  } catch {
    return month;
  }
}
