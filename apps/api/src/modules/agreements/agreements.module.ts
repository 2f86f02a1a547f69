import { Module } from '@nestjs/common';
import { AgreementReadModelsService } from './agreement-read-models.service';
import { AgreementTemplatesController } from './agreement-templates.controller';
import { AgreementTemplatesService } from './agreement-templates.service';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

@Module({
  controllers: [AgreementTemplatesController, AgreementsController],
  providers: [AgreementTemplatesService, AgreementsService, AgreementReadModelsService],
})
export class AgreementsModule {}
