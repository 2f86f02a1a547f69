import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';
import { FollowUpLiveReactor } from './follow-up-live.reactor';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { FollowUpPublicationController } from './follow-up-publication.controller';
import { FollowUpPublicationService } from './follow-up-publication.service';

/** The governor's follow-up loop (issue 20): directives and the monthly meeting; risks stay in the projects module. */
@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [DirectivesController, MeetingsController, FollowUpPublicationController],
  providers: [DirectivesService, FollowUpLiveReactor, MeetingsService, FollowUpPublicationService],
})
export class FollowUpModule {}
