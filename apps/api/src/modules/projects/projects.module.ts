import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ProjectPageService } from './project-page.service';
import { DisbursementReadModelsService } from './disbursement-read-models.service';
import { DisbursementController } from './disbursement.controller';
import { DisbursementImportController } from './import/disbursement-import.controller';
import { DisbursementImportService } from './import/disbursement-import.service';
import { ProjectsController } from './projects.controller';
import { ProjectsLiveReactor } from './projects-live.reactor';
import { ProjectsService } from './projects.service';
import { RisksController } from './risks.controller';
import { RisksService } from './risks.service';

@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [ProjectsController, RisksController, DisbursementController, DisbursementImportController],
  providers: [
    ProjectsService,
    RisksService,
    ProjectPageService,
    DisbursementReadModelsService,
    DisbursementImportService,
    ProjectsLiveReactor,
  ],
  // The screens' composed first-paint answers (modules/screens) read the disbursement read models.
  exports: [DisbursementReadModelsService],
})
export class ProjectsModule {}
