import { formatDateLabel } from '@provdash/shared/domain';

const bahtFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });
const pointsFormat = new Intl.NumberFormat('th-TH', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** Baht with Thai grouping and no satang: budgets run to millions, the satang are noise on a dashboard. */
export function formatBaht(amount: string | number | null | undefined): string {
  const value = amount === null || amount === undefined ? NaN : Number(amount);
  return Number.isFinite(value) ? bahtFormat.format(value) : '–';
}

const oneDecimal = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A distance in percentage points without a sign, for sentences that say which way ("5.0 points below"). */
export function formatDistance(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : oneDecimal.format(Math.abs(value));
}

/** A gap in percentage points with its sign ("+5.0", "−12.3"); a dash without a target. */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : pointsFormat.format(value);
}

/** A `YYYY-MM` month as the axis shows it: "ต.ค. 2568" in Thai (B.E.), "Oct 2025" in English. */
export function formatMonth(month: string, lang: string | null | undefined): string {
  return formatDateLabel(`${month}-01`, lang === 'en' ? 'en' : 'th').replace(/^\d+ /, '');
}
