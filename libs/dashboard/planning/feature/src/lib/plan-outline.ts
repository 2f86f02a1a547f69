
/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { injectLang } from '@provdash/dashboard/shared/i18n';

/** Siblings in their order (`seq`), retired ones included: the editor shows them struck through. */
export function sortedBySeq<T extends { seq: number }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => a.seq - b.seq);
}

/**
 * The code offered for a new item, numbered like the demo plans: the kind's letter, the parent's
 * number and one more than the highest number already used under the parent (I2 → G2.1, G2.2;
 * G2.1 → S2.1.1), so the suggestion never collides with a sibling, retired ones included.
 */
export function nextCode(prefix: string, parentCode: string | null, siblings: readonly { code: string }[]): string {
  const used = siblings.map((s) => Number(/(\d+)$/.exec(s.code)?.[1] ?? 0));
  const stem = parentCode ? /(\d+(?:\.\d+)*)$/.exec(parentCode)?.[1] : undefined;
  return `${prefix}${stem ? `${stem}.` : ''}${Math.max(0, ...used) + 1}`;
}
