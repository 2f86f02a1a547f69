/**
 * Numbers typed by a person, read strictly in their locale.
 *
 * A lenient reader that drops every comma turns `1,2,3` into 123 and `1,5` (a European 1.5) into
 * 15. Here a grouping separator is accepted only where the locale puts it: between groups of
 * three digits in the integer part. Anything else is refused with a reason, so the form can say
 * what is wrong next to the field instead of saving a different number.
 *
 * Thai (th-TH) and English (en) both group with "," and mark decimals with "."; Thai digits
 * (๐–๙) are read as 0–9.
 */

export type NumberLocale = 'th' | 'en';

interface Separators {
  group: string;
  decimal: string;
}

/** The separators each supported locale writes (Intl.NumberFormat agrees for th-TH and en). */
export const NUMBER_SEPARATORS: Readonly<Record<NumberLocale, Separators>> = {
  th: { group: ',', decimal: '.' },
  en: { group: ',', decimal: '.' },
};

export type LocaleNumberError =
  /** Nothing but spaces. */
  | 'empty'
  /** Not a number at all: letters, an exponent (1e5), two signs, spaces inside, a trailing point. */
  | 'notANumber'
  /** Grouping separators in the wrong places: `1,2,3`, `12,34`, `1,234,56`, `0,500`, `1.234,5`. */
  | 'grouping'
  /** More decimals than allowed. */
  | 'tooManyDecimals'
  /** More integer digits than allowed. */
  | 'tooLarge';

export type LocaleNumberResult = { ok: true; value: string } | { ok: false; error: LocaleNumberError };

export interface LocaleNumberOptions {
  /** At most this many digits after the decimal point (default: no limit). */
  maxFractionDigits?: number;
  /** At most this many digits before the decimal point (default: no limit). */
  maxIntegerDigits?: number;
}

const THAI_ZERO = 0x0e50;

function westernDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads `text` as a number written in `locale` and returns it as a plain decimal string
 * (`-1234.5`: no grouping, no leading zeros, no trailing fractional zeros, `-0` as `0`), the form
 * the API and PostgreSQL `numeric` take. Accepted:
 *
 * - an optional sign (`-`, the minus sign `−`, or `+`);
 * - an integer part either without separators (`1234567`) or grouped in threes from the right
 *   (`1,234,567`), whose first group does not start with 0;
 * - an optional fraction `.5`, never grouped; `.5` alone reads as 0.5.
 *
 * Surrounding spaces are ignored; spaces inside are refused.
 */
export function parseLocaleNumber(
  text: string | number | null | undefined,
  locale: NumberLocale = 'th',
  options: LocaleNumberOptions = {},
): LocaleNumberResult {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return { ok: false, error: 'notANumber' };
    // A JS number prints with an exponent beyond 1e21 or below 1e-7; such values are not typed entries.
    text = String(text);
    if (/e/i.test(text)) return { ok: false, error: 'notANumber' };
    locale = 'en';
  }
  const raw = westernDigits((text ?? '').trim());
  if (raw === '') return { ok: false, error: 'empty' };
  const { group, decimal } = NUMBER_SEPARATORS[locale];
  const g = escape(group);
  const d = escape(decimal);
  const shape = new RegExp(`^([+\\-−]?)([0-9${g}]*)(?:${d}([0-9]+))?$`).exec(raw);
  if (!shape) {
    // A decimal separator followed by grouping (`1.234,5`) is a grouping mistake, not gibberish.
    const looksNumeric = new RegExp(`^[+\\-−]?[0-9${g}${d}]+$`).test(raw) && !raw.endsWith(decimal);
    return { ok: false, error: looksNumeric ? 'grouping' : 'notANumber' };
  }
  const [, sign, intPart, fraction = ''] = shape;
  if (intPart === '' && fraction === '') return { ok: false, error: 'notANumber' };
  let digits = intPart;
  if (intPart.includes(group)) {
    const grouped = new RegExp(`^[1-9][0-9]{0,2}(?:${g}[0-9]{3})+$`);
    if (!grouped.test(intPart)) return { ok: false, error: 'grouping' };
    digits = intPart.split(group).join('');
  }
  const integer = digits.replace(/^0+(?=\d)/, '') || '0';
  if (options.maxIntegerDigits !== undefined && integer.length > options.maxIntegerDigits) {
    return { ok: false, error: 'tooLarge' };
  }
  if (options.maxFractionDigits !== undefined && fraction.replace(/0+$/, '').length > options.maxFractionDigits) {
    return { ok: false, error: 'tooManyDecimals' };
  }
  const frac = fraction.replace(/0+$/, '');
  const body = frac ? `${integer}.${frac}` : integer;
  const negative = sign === '-' || sign === '−';
  return { ok: true, value: negative && /[1-9]/.test(body) ? `-${body}` : body };
}

/** The decimal string, or null for anything `parseLocaleNumber` refuses. */
export function localeNumberOrNull(
  text: string | number | null | undefined,
  locale: NumberLocale = 'th',
  options: LocaleNumberOptions = {},
): string | null {
  const r = parseLocaleNumber(text, locale, options);
  return r.ok ? r.value : null;
}
