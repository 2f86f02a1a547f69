import { SetMetadata } from '@nestjs/common';

export const FRESH_FOR_KEY = 'provdash:fresh-for';

/**
 * A public read whose answer is the same for every caller and may be served from the read cache
 * for `seconds` without running the handler: the open-data API, so that a crowd (or a CDN's
 * revalidations) does not load PostgreSQL once per request. See StaleReadInterceptor.
 */
export const FreshFor = (seconds: number) => SetMetadata(FRESH_FOR_KEY, seconds * 1000);
