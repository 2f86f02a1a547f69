import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { DisbursementReadModelsService } from './disbursement-read-models.service';
import { DisbursementController } from './disbursement.controller';
import { DisbursementImportController } from './import/disbursement-import.controller';
import { DisbursementImportService } from './import/disbursement-import.service';
import { ProjectsController } from './projects.controller';
import { ProjectsLiveReactor } from './projects-live.reactor';
import { ProjectsService } from './projects.service';

@Module({
  imports: [RealtimeModule],
  controllers: [ProjectsController, DisbursementController, DisbursementImportController],
  providers: [ProjectsService, DisbursementReadModelsService, DisbursementImportService, ProjectsLiveReactor],
})
export class ProjectsModule {}
