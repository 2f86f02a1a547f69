import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { StaleReadInterceptor } from './stale-read.interceptor';

/** The one place public reads are kept for an outage (see StaleReadInterceptor). */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: StaleReadInterceptor }] })
export class ReadCacheModule {}
