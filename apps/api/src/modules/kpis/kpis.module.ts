import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ResultsImportController } from './import/results-import.controller';
import { ResultsImportService } from './import/results-import.service';
import { ResultsTemplateService } from './import/results-template.service';
import { KpiLiveReactor } from './kpi-live.reactor';
import { KpiResultsController } from './kpi-results.controller';
import { KpiResultsService } from './kpi-results.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { NewYearController } from './new-year/new-year.controller';
import { NewYearService } from './new-year/new-year.service';
import { PlanImportController } from './plan-import/plan-import.controller';
import { PlanImportService } from './plan-import/plan-import.service';

@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [KpiResultsController, KpisController, ResultsImportController, PlanImportController, NewYearController],
  // The spreadsheet import writes through KpiResultsService.writeDraft, the form's own path.
  providers: [KpiResultsService, KpisService, ResultsTemplateService, ResultsImportService, PlanImportService, NewYearService, KpiLiveReactor],
})
export class KpisModule {}
