import { Module } from '@nestjs/common';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { OpenDataService } from './open-data.service';
import { PublicApiController } from './public-api.controller';
import { PublicDashboardController } from './public-dashboard.controller';
import { PublicDashboardService } from './public-dashboard.service';

/**
 * Open data: the public read API, the dataset downloads and their catalogue, and the public
 * dashboard's read models (docs/open-data.md). The agreement and disbursement read models are
 * stateless readers of the database; they are provided here rather than exported from their
 * modules, which stay as they are.
 */
@Module({
  imports: [ScorecardsModule],
  controllers: [PublicApiController, PublicDashboardController],
  providers: [OpenDataService, PublicDashboardService, AgreementReadModelsService, DisbursementReadModelsService],
  exports: [OpenDataService],
})
export class OpenDataModule {}
