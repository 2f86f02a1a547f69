import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { CompletenessService } from './completeness.service';

/** The ministry's analysis desk: reporting completeness (issue 22). */
@Module({ controllers: [AnalysisController], providers: [CompletenessService] })
export class AnalysisModule {}
