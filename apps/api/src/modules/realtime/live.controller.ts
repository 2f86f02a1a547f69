import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MissedEvent, RoomName } from '@provdash/shared/contracts';
import { notFound } from '../../common/api-error';
import { Allow, Public, unitCode } from '../access/access.decorators';
import { UnitResolver } from '../access/unit-resolver.service';
import { Outbox } from './outbox.service';

/**
 * Today's live events of a scope room over REST, for a "what changed today" feed that opens in the
 * afternoon: the same rows, shape and rooms the sockets get, under the same rule (read on the unit).
 */
@ApiTags('live')
@Controller()
export class LiveController {
  constructor(
    private readonly outbox: Outbox,
    private readonly units: UnitResolver,
  ) {}

  @Get('public/live/today')
  @Public()
  @ApiOperation({ summary: "Today's approved changes everywhere (the public room), oldest first" })
  @ApiOkResponse({ description: 'MissedEvent[]: { event, payload: { room, seq, at, data } }' })
  publicToday(): Promise<MissedEvent[]> {
    return this.outbox.today('public');
  }

  @Get('org-units/:code/live/today')
  @Allow('read', unitCode('param', 'code'))
  @ApiOperation({ summary: "Today's approved changes in a province, a cluster or the country (TH), oldest first" })
  @ApiOkResponse({ description: 'MissedEvent[]: { event, payload: { room, seq, at, data } }' })
  async unitToday(@Param('code') code: string): Promise<MissedEvent[]> {
    const unit = await this.units.byCode(code);
    const room: RoomName | null =
      unit.type === 'country'
        ? 'national'
        : unit.type === 'cluster'
          ? `cluster:${unit.code}`
          : unit.type === 'province'
            ? `province:${unit.code}`
            : null;
    // Regions have no room of their own.
    if (!room) throw notFound('notFound.unit');
    return this.outbox.today(room);
  }
}
