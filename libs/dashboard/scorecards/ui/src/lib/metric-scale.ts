import { formatAgreementScoreShort } from '@provdash/shared/domain';
import { formatNumber, formatPercent } from './format';

/** How a compared figure reads: percent (achievement, index, rate), an agreement score 0–5, or a KPI's own unit. */
export type FigureFormat = 'percent' | 'score' | 'number';

const shortPercent = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/**
 * A figure as tables and labels show it: "72.4 %", "3.77" (an agreement score to two decimals on
 * screens; the exact four-decimal value is in the PDF and the round detail), "12,965.13".
 */
export function formatFigure(value: number | null | undefined, format: FigureFormat): string {
  if (format === 'percent') return formatPercent(value);
  if (format === 'score') return missing(value) ? '–' : formatAgreementScoreShort(value);
  return formatNumber(value);
}

/** A figure short enough for a map tile: "72", "3.77". */
export function formatFigureShort(value: number | null | undefined, format: FigureFormat): string {
  if (missing(value)) return '–';
  if (format === 'score') return formatAgreementScoreShort(value);
  return format === 'percent' ? shortPercent.format(value) : formatNumber(value);
}

/** Baht as the API sends them ("213276000.00") with Thai grouping. */
export function formatBaht(amount: string | null | undefined): string {
  return amount === null || amount === undefined || amount === '' ? '–' : formatNumber(Number(amount));
}

/**
 * Five classes, light to dark (ColorBrewer YlGnBu, the two darkest deepened so white text on them
 * passes AA): a lightness ramp reads in grey scale and for every common colour-vision deficiency.
 */
export const FIGURE_PALETTE: readonly string[] = ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8', '#253494'];

/** Tiles without a figure. */
export const NO_DATA_FILL = '#f5f5f5';

/** The class limits of a quantile scale: up to `classes − 1` ascending breaks, duplicates removed. */
export function quantileBreaks(values: readonly number[], classes = FIGURE_PALETTE.length): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = sorted[Math.floor((i * sorted.length) / classes)];
    if (b > sorted[0] && b !== breaks[breaks.length - 1]) breaks.push(b);
  }
  return breaks;
}

/** The class of a value: how many breaks it reaches (a break starts its class). */
export function classOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

/** The palette spread over however many classes the data has, so two classes are still far apart. */
export function classColours(count: number): string[] {
  const last = FIGURE_PALETTE.length - 1;
  if (count <= 1) return [FIGURE_PALETTE[Math.round(last / 2)]];
  return Array.from({ length: count }, (_, i) => FIGURE_PALETTE[Math.round((i * last) / (count - 1))]);
}

export interface LegendClass {
  fill: string;
  ink: string;
  /** Lowest and highest figure in the class. */
  from: number;
  to: number;
}

/** One legend entry per class that has members, with its real range. */
export function legendClasses(values: readonly number[], breaks: readonly number[]): LegendClass[] {
  const colours = classColours(breaks.length + 1);
  const members = colours.map(() => [] as number[]);
  for (const v of values) if (Number.isFinite(v)) members[classOf(v, breaks)].push(v);
  return members.flatMap((m, i) =>
    m.length ? [{ fill: colours[i], ink: inkOn(colours[i]), from: Math.min(...m), to: Math.max(...m) }] : [],
  );
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Near-black or white, whichever reads better on the fill. */
export function inkOn(fill: string): string {
  return contrastRatio(fill, '#1a1a1a') >= contrastRatio(fill, '#ffffff') ? '#1a1a1a' : '#ffffff';
}
