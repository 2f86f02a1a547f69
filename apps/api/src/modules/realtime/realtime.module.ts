import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox } from './outbox.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({ providers: [RealtimeGateway, Outbox, OutboxRelay], exports: [RealtimeGateway, Outbox] })
export class RealtimeModule {}
