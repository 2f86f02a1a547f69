/**
 * Exact rational arithmetic on bigints.
 *
 * Scores, rates and achievements are published with a fixed number of decimals, and people check
 * them by hand. Binary floating point turns 72.3 − 70 into 2.299999999999997 and can push a value
 * that is exactly on a rounding midpoint to the wrong side. Every calculation that ends in a
 * published figure therefore runs on exact fractions and converts to `number` once, at the end.
 */

export interface Rational {
  /** Sign lives here; the fraction is always reduced. */
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?$/i;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Significant digits kept when a fraction is too large to divide exactly in floating point. */
const FALLBACK_DIGITS = 25;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  // A plain temporary, not a destructuring swap: this loop runs for every operation, and screens
  // score hundreds of indicators per request.
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** Powers of ten up to 10^40, computed once: decimal parsing and rounding ask for them constantly. */
const POW10: readonly bigint[] = Array.from({ length: 41 }, (_, i) => 10n ** BigInt(i));

function pow10(exponent: number): bigint {
  return exponent < POW10.length ? POW10[exponent] : 10n ** BigInt(exponent);
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) {
    throw new RangeError('Rational with a zero denominator');
  }
  if (den === 1n) return { num, den };
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den);
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export const ZERO: Rational = rational(0n);

export function fromInteger(value: number | bigint): Rational {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`Not a safe integer: ${value}`);
  }
  return rational(BigInt(value));
}

/**
 * The exact value of a decimal literal. A `number` is read through its shortest round-trip
 * representation (`String(0.1)` is "0.1"), which is the value the person typed, not the binary
 * approximation the engine stores.
 */
export function parseDecimal(value: number | string): Rational {
  // Screens parse the same weights, levels, targets and results over and over; rationals are
  // immutable, so one parse per distinct literal is shared.
  const cached = PARSED.get(value);
  if (cached) return cached;
  const parsed = parseDecimalUncached(value);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(value, parsed);
  return parsed;
}

const PARSED = new Map<number | string, Rational>();
const PARSED_LIMIT = 50_000;

function parseDecimalUncached(value: number | string): Rational {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { num: BigInt(value), den: 1n };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Not a finite number: ${value}`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) {
    throw new RangeError(`Not a decimal number: "${value}"`);
  }
  const [, sign, mantissa, exponentText] = match;
  const [intPart, fracPart = ''] = mantissa.split('.');
  const digits = BigInt(`${intPart}${fracPart}`);
  const exponent = (exponentText ? Number(exponentText) : 0) - fracPart.length;
  const signed = sign === '-' ? -digits : digits;
  return exponent >= 0 ? rational(signed * pow10(exponent)) : rational(signed, pow10(-exponent));
}

/** Number of decimal places of the shortest decimal form of a value (0.25 → 2, 1e-7 → 7). */
export function decimalPlaces(value: number | string): number {
  let den = parseDecimal(value).den;
  let places = 0;
  while (den % 10n === 0n) {
    den /= 10n;
    places += 1;
  }
  // A reduced decimal fraction has only 2s and 5s in its denominator; pad up to the next power of 10.
  while (den !== 1n) {
    den = den % 2n === 0n ? den / 2n : den / 5n;
    places += 1;
  }
  return places;
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) {
    throw new RangeError('Division by zero');
  }
  return rational(a.num * b.den, a.den * b.num);
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(value: Rational): boolean {
  return value.num === 0n;
}

export function sign(value: Rational): -1 | 0 | 1 {
  return value.num < 0n ? -1 : value.num > 0n ? 1 : 0;
}

/**
 * The nearest double. When numerator and denominator are both exactly representable, one IEEE
 * division is correctly rounded; otherwise go through a long decimal string, which
 * `Number()` parses with correct rounding.
 */
export function toNumber(value: Rational): number {
  if (abs(value.num) <= MAX_SAFE && value.den <= MAX_SAFE) {
    return Number(value.num) / Number(value.den);
  }
  const shift = FALLBACK_DIGITS + value.den.toString().length;
  const scaled = (value.num * pow10(shift)) / value.den;
  return Number(`${scaled}e-${shift}`);
}

/**
 * value × 10^digits rounded to an integer, half away from zero (the rule Thai government reports
 * use: 3.76505 → 3.7651, −0.125 → −0.13), decided exactly on the fraction.
 */
export function roundScaled(value: Rational, digits: number): bigint {
  assertDigits(digits);
  const scaled = value.num * pow10(digits);
  const quotient = scaled / value.den;
  const remainder = abs(scaled % value.den);
  if (remainder * 2n >= value.den) {
    return quotient + (scaled < 0n ? -1n : 1n);
  }
  return quotient;
}

export function roundRational(value: Rational, digits: number): Rational {
  return rational(roundScaled(value, digits), pow10(digits));
}

/** Fixed-point text with exactly `digits` decimals, e.g. (3.765, 4) → "3.7650". */
export function toFixedString(value: Rational, digits: number): string {
  const scaled = roundScaled(value, digits);
  const negative = scaled < 0n;
  const text = abs(scaled)
    .toString()
    .padStart(digits + 1, '0');
  const intPart = text.slice(0, text.length - digits);
  const fracPart = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${intPart}${digits > 0 ? `.${fracPart}` : ''}`;
}

/**
 * Format a decimal with a fixed number of places, rounding half away from zero on the decimal
 * value rather than on its binary approximation: formatDecimal(1.005, 2) is "1.01", whereas
 * (1.005).toFixed(2) is "1.00".
 */
export function formatDecimal(value: number | string, digits: number): string {
  return toFixedString(parseDecimal(value), digits);
}

/** Round half away from zero to `digits` decimals, returning the nearest double. */
export function roundDecimal(value: number | string, digits: number): number {
  return toNumber(roundRational(parseDecimal(value), digits));
}

function assertDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 100) {
    throw new RangeError(`Decimal places must be an integer 0..100, got ${digits}`);
  }
}
