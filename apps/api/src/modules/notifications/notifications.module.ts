import { Module } from '@nestjs/common';
import { DisbursementReadModelsService } from '../projects/disbursement-read-models.service';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { NOTIFICATION_CHANNEL_ADAPTERS } from './channels/channel';
import { EmailChannel } from './channels/email.channel';
import { LineChannel } from './channels/line.channel';
import { PushChannel } from './channels/push.channel';
import { LineWebhookController, NotificationsController } from './notifications.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationLiveReactor } from './notification-live.reactor';
import { NotificationsReactor } from './notifications.reactor';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';
import { DirectiveRemindersService } from './directive-reminders.service';

/**
 * Notifications (issue 21): created after commit from the domain events (concerned.ts decides who),
 * kept as data, shown in the bell live, and sent by e-mail, Web Push and LINE through one adapter
 * contract; reminders and the digest run on the scheduler (modules/jobs). See docs/notifications.md.
 */
@Module({
  imports: [RealtimeModule, ScorecardsModule],
  controllers: [NotificationsController, LineWebhookController],
  providers: [
    EmailChannel,
    PushChannel,
    LineChannel,
    {
      provide: NOTIFICATION_CHANNEL_ADAPTERS,
      useFactory: (email: EmailChannel, push: PushChannel, line: LineChannel) => [email, push, line],
      inject: [EmailChannel, PushChannel, LineChannel],
    },
    NotificationsService,
    NotificationSettingsService,
    NotificationsReactor,
    NotificationLiveReactor,
    RemindersService,
    DirectiveRemindersService,
    DisbursementReadModelsService,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
