import { Module } from '@nestjs/common';
import { AgreementReadModelsService } from '../agreements/agreement-read-models.service';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { MonthlyReportLiveReactor } from './monthly-report-live.reactor';
import { MonthlyReportsController } from './monthly-reports.controller';
import { MonthlyReportsService } from './monthly-reports.service';
import { PublicMonthlyReportsController } from './public-monthly-reports.controller';

/** The provinces' monthly reports: made on the 5th (Bangkok, the scheduler's `monthly-reports` job), kept in the database, listed in the workspace. */
@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [MonthlyReportsController, PublicMonthlyReportsController],
  providers: [
    MonthlyReportsService,
    AgreementReadModelsService,
    DisbursementReadModelsService,
    MonthlyReportLiveReactor,
  ],
  exports: [MonthlyReportsService],
})
export class ReportsModule {}
