import { Module } from '@nestjs/common';
import { AgreementReadModelsService } from './agreement-read-models.service';
import { AgreementTemplatesController } from './agreement-templates.controller';
import { AgreementTemplatesService } from './agreement-templates.service';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { AgreementExportsController } from './exports/agreement-exports.controller';
import { AgreementExportsService } from './exports/agreement-exports.service';

@Module({
  controllers: [AgreementTemplatesController, AgreementsController, AgreementExportsController],
  providers: [AgreementTemplatesService, AgreementsService, AgreementReadModelsService, AgreementExportsService],
})
export class AgreementsModule {}
