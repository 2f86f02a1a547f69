import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AnalysisModule } from '../analysis/analysis.module';
import { ProjectsModule } from '../projects/projects.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ScreensController } from './screens.controller';
import { ScreensService } from './screens.service';

@Module({
  imports: [ScorecardsModule, AgreementsModule, ProjectsModule, AnalysisModule],
  controllers: [ScreensController],
  providers: [ScreensService],
})
export class ScreensModule {}
