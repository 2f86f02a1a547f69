import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AnalysisController } from './analysis.controller';
import { CompletenessService } from './completeness.service';
import { DataQualityController } from './data-quality.controller';
import { DataQualityService } from './data-quality.service';
import { ExplorerController } from './explorer.controller';
import { ExplorerService } from './explorer.service';
import { ExplorerViewsService } from './explorer-views.service';
import { ForecastsService } from './forecasts.service';
import { PillarsService } from './pillars.service';

/**
 * The ministry's analysis desk (issue 22): reporting completeness, the cascade to the national
 * strategy, the explorer, data quality, year-end forecasts.
 */
@Module({
  imports: [ScorecardsModule],
  controllers: [AnalysisController, ExplorerController, DataQualityController],
  providers: [CompletenessService, PillarsService, ExplorerService, ExplorerViewsService, DataQualityService, ForecastsService],
  exports: [ForecastsService],
})
export class AnalysisModule {}
