import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AnalysisController } from './analysis.controller';
import { CompletenessService } from './completeness.service';
import { ForecastsService } from './forecasts.service';
import { PillarsService } from './pillars.service';

/** The ministry's analysis desk (issue 22): reporting completeness, the cascade to the national strategy, year-end forecasts. */
@Module({
  imports: [ScorecardsModule],
  controllers: [AnalysisController],
  providers: [CompletenessService, PillarsService, ForecastsService],
  exports: [ForecastsService],
})
export class AnalysisModule {}
