import { DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_URL } from './database-url';
import { JobsController } from './jobs.controller';
import { Jobs } from './jobs.service';

/** The scheduler, global so any module can register a job's handler or queue a job. */
@Global()
@Module({})
export class JobsModule {
  static register(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      controllers: [JobsController],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, Jobs],
      exports: [Jobs],
    };
  }
}
