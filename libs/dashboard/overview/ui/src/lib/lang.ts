/** Defined once in the i18n lib; re-exported so this lib's files keep one import. */
export { injectLang, localName } from '@provdash/dashboard/shared/i18n';

/** Where a section's data is: still coming, none for the year, failed, or here. */
export type LoadState = 'loading' | 'none' | 'error' | 'ready';
