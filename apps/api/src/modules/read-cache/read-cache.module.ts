import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { KeptBytesInterceptor } from './kept-bytes';
import { StaleReadInterceptor } from './stale-read.interceptor';

/**
 * The one place public reads are kept for an outage (see StaleReadInterceptor), and kept answers
 * sent as bytes made once (KeptBytesInterceptor; first, so it wraps the stale-read one).
 */
@Module({
  providers: [
    { provide: APP_INTERCEPTOR, useClass: KeptBytesInterceptor },
    { provide: APP_INTERCEPTOR, useClass: StaleReadInterceptor },
  ],
})
export class ReadCacheModule {}
