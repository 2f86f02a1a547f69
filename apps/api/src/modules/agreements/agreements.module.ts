import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { AgreementRankingController } from './agreement-ranking.controller';
import { AgreementRankingService } from './agreement-ranking.service';
import { AgreementReadModelsService } from './agreement-read-models.service';
import { AgreementScoresReactor } from './agreement-scores.reactor';
import { AgreementTemplatesController } from './agreement-templates.controller';
import { AgreementTemplatesService } from './agreement-templates.service';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { AgreementExportsController } from './exports/agreement-exports.controller';
import { AgreementExportsService } from './exports/agreement-exports.service';

@Module({
  controllers: [
    AgreementTemplatesController,
    AgreementsController,
    AgreementExportsController,
    AgreementRankingController,
  ],
  imports: [RealtimeModule],
  providers: [
    AgreementTemplatesService,
    AgreementsService,
    AgreementReadModelsService,
    AgreementExportsService,
    AgreementScoresReactor,
    AgreementRankingService,
  ],
  // The screens' composed first-paint answers (modules/screens) read the agreement read models.
  exports: [AgreementReadModelsService],
})
export class AgreementsModule {}
