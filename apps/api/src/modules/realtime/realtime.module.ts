import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox } from './outbox.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  controllers: [LiveController],
  providers: [RealtimeGateway, Outbox, OutboxRelay],
  exports: [RealtimeGateway, Outbox],
})
export class RealtimeModule {}
