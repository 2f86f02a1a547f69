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

@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [ProjectsController, DisbursementController, DisbursementImportController],
  providers: [
    ProjectsService,
    ProjectPageService,
    DisbursementReadModelsService,
    DisbursementImportService,
    ProjectsLiveReactor,
  ],
})
export class ProjectsModule {}
