import { Module } from '@nestjs/common';
import { DisbursementReadModelsService } from './disbursement-read-models.service';
import { DisbursementController } from './disbursement.controller';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, DisbursementController],
  providers: [ProjectsService, DisbursementReadModelsService],
})
export class ProjectsModule {}
