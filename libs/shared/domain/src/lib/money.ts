/**
 * Baht amounts as integer satang (1 baht = 100 satang).
 *
 * Budgets reach tens of billions of baht and are summed over thousands of GFMIS rows; in floating
 * point 0.1 + 0.2 baht is already off. Amounts are parsed into bigint satang, summed exactly and
 * only divided at the very end. Amounts arrive as strings (PostgreSQL numeric(18,2), GFMIS
 * exports with thousands separators) or as numbers from JSON.
 */
import { Rational, parseDecimal } from './rational';

/** "1234567.89", "1,234,567.89", "-500", 1234.5 … at most two decimals. */
export type BahtAmount = string | number;

const GROUPED_PATTERN = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Parse an amount of baht to satang. Throws a RangeError for text that is not a number, for
 * misplaced thousands separators and for more than two decimals: an amount like 10.005 means the
 * data were computed in floating point somewhere, and rounding it silently would hide that.
 */
export function parseBahtToSatang(amount: BahtAmount): bigint {
  let text: string | number = amount;
  if (typeof amount === 'string') {
    text = amount.trim();
    if (text.includes(',')) {
      if (!GROUPED_PATTERN.test(text)) {
        throw new RangeError(`Misplaced thousands separator in amount "${amount}"`);
      }
      text = text.replace(/,/g, '');
    }
  }
  const value = parseAmount(text, amount);
  const satang = value.num * 100n;
  if (satang % value.den !== 0n) {
    throw new RangeError(`Amount has more than two decimals: "${String(amount)}"`);
  }
  return satang / value.den;
}

function parseAmount(text: string | number, original: BahtAmount): Rational {
  try {
    return parseDecimal(text);
  } catch {
    throw new RangeError(`Not an amount of baht: "${String(original)}"`);
  }
}

export function sumSatang(amounts: readonly BahtAmount[]): bigint {
  return amounts.reduce((total, amount) => total + parseBahtToSatang(amount), 0n);
}

/** Plain baht text with two decimals ("1234567.89"); grouping is left to the screen's locale. */
export function formatSatang(satang: bigint): string {
  const negative = satang < 0n;
  const digits = (negative ? -satang : satang).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
