import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FailedJobDto } from '@provdash/shared/contracts';
import { Allow, national } from '../access/access.decorators';
import { Jobs } from './jobs.service';

/** Scheduled work that failed after all its retries: kept, and shown to admins. */
@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: Jobs) {}

  @Get('failed')
  @Allow('administer', national())
  failed(): Promise<FailedJobDto[]> {
    return this.jobs.failed();
  }
}
