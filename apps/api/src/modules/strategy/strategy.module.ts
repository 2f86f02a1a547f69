import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { DefinitionEventsSubscriber } from './definition-events.subscriber';
import { DefinitionLiveReactor } from './definition-live.reactor';
import { StrategyController } from './strategy.controller';
import { StrategyService } from './strategy.service';

@Module({
  imports: [RealtimeModule],
  controllers: [StrategyController],
  providers: [StrategyService, DefinitionEventsSubscriber, DefinitionLiveReactor],
})
export class StrategyModule {}
