import type { AgreementDirectionName, AgreementIndicatorKindName } from '@provdash/shared/contracts';
import { formatDecimal } from '@provdash/shared/domain';

/**
 * Text shared by the agreement's PDF and spreadsheet: numbers with Thai grouping, rounded on the
 * decimal value (not its binary approximation), the Thai names of directions, and a download
 * filename a Thai browser shows as written.
 */

const GROUPING = new Intl.NumberFormat('th-TH', { useGrouping: true });

/**
 * A decimal with Thai digit grouping, rounded half away from zero to at most `maxDecimals` places
 * and showing at least `minDecimals`: thaiNumber('1234.5', 0, 2) → "1,234.5", thaiNumber(20, 2) →
 * "20.00".
 */
export function thaiNumber(value: number | string, minDecimals = 0, maxDecimals = minDecimals): string {
  const fixed = formatDecimal(value, maxDecimals);
  const negative = fixed.startsWith('-');
  const [int, frac = ''] = (negative ? fixed.slice(1) : fixed).split('.');
  let decimals = frac;
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const grouped = GROUPING.format(BigInt(int));
  const text = decimals ? `${grouped}.${decimals}` : grouped;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** "จังหวัดเชียงใหม่"; Bangkok is a province in the tree but is never called จังหวัด. */
export function provinceTitle(nameTh: string): string {
  return nameTh.startsWith('กรุงเทพ') ? nameTh : `จังหวัด${nameTh}`;
}

export const DIRECTION_TH: Record<AgreementDirectionName, string> = {
  higher_better: 'ยิ่งมากยิ่งดี',
  lower_better: 'ยิ่งน้อยยิ่งดี',
};

export const KIND_TH: Record<AgreementIndicatorKindName, string> = {
  scale: 'ค่าต่อเนื่อง',
  milestone: 'ขั้นตอนความสำเร็จ',
};

/** RFC 5987 `ext-value`: UTF-8, percent-encoded outside `attr-char`. */
function extValue(name: string): string {
  return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * `Content-Disposition` with a plain ASCII `filename` for old clients and the Thai name as
 * `filename*` (RFC 6266 / 5987), which every current browser prefers.
 */
export function contentDisposition(type: 'inline' | 'attachment', asciiName: string, name: string): string {
  if (!/^[\x20-\x7e]+$/.test(asciiName) || /["\\]/.test(asciiName)) {
    throw new RangeError(`Not a plain ASCII filename: ${asciiName}`);
  }
  return `${type}; filename="${asciiName}"; filename*=${extValue(name)}`;
}
