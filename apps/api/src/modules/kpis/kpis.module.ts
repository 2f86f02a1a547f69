import { Module } from '@nestjs/common';
import { ResultsImportController } from './import/results-import.controller';
import { ResultsImportService } from './import/results-import.service';
import { ResultsTemplateService } from './import/results-template.service';
import { KpiResultsController } from './kpi-results.controller';
import { KpiResultsService } from './kpi-results.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

@Module({
  controllers: [KpiResultsController, KpisController, ResultsImportController],
  // The spreadsheet import writes through KpiResultsService.writeDraft, the form's own path.
  providers: [KpiResultsService, KpisService, ResultsTemplateService, ResultsImportService],
})
export class KpisModule {}
