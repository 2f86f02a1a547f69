import { Module } from '@nestjs/common';
import { KpiResultsController } from './kpi-results.controller';
import { KpiResultsService } from './kpi-results.service';

@Module({
  controllers: [KpiResultsController],
  providers: [KpiResultsService],
})
export class KpisModule {}
