import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';
import { StatusThresholdsLiveReactor } from './status-thresholds-live.reactor';
import { StatusThresholdsController } from './status-thresholds.controller';
import { StatusThresholdsService } from './status-thresholds.service';

@Module({
  imports: [RealtimeModule],
  controllers: [ScorecardsController, StatusThresholdsController],
  providers: [ScorecardsService, StatusThresholdsService, StatusThresholdsLiveReactor],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
