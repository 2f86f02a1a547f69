/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { injectLang, localName } from '@provdash/dashboard/shared/i18n';

/** A fiscal year from a query parameter; null (the API's default, the current year) when absent or odd. */
export function parseFy(raw: string | null | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2400 && n <= 2999 ? n : null;
}
