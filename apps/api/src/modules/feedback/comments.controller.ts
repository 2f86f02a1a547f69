import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { ModerationCommentDto, PublicCommentDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, Public, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import {
  PUBLIC_API_LIMIT,
  PUBLIC_CACHE_CONTROL,
  SERVER_FRESH_SECONDS,
  sharedKey,
} from '../open-data/public-api.controller';
import { FreshFor } from '../read-cache/fresh-for.decorator';
import { CommentsService } from './comments.service';
import { ModerateBody, ModerationQuery, NewCommentBody } from './dto/comment.dto';

/** A few comments per address in ten minutes: enough for a person, too few for a flood. */
export const COMMENT_LIMIT = { limit: 5, ttl: 10 * 60_000 };
const COMMENT_UNIT = unitOf('kpi_comment', 'param', 'commentId');

@ApiTags("people's audit")
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly cls: ClsService,
  ) {}

  @Post('public/kpis/:kpiId/comments')
  @Public()
  @Throttle({ default: { ...COMMENT_LIMIT, generateKey: sharedKey('public-comment') } })
  @ApiOperation({ summary: 'Comment on a public KPI; it stays pending until the province approves it' })
  submit(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Body() body: NewCommentBody) {
    return this.comments.submit(kpiId, body);
  }

  @Get('public/kpis/:kpiId/comments')
  @Public()
  @FreshFor(SERVER_FRESH_SECONDS)
  @Header('Cache-Control', PUBLIC_CACHE_CONTROL)
  @Throttle({ default: { ...PUBLIC_API_LIMIT, generateKey: sharedKey('public-api') } })
  @ApiOperation({ summary: "A KPI's approved comments (never pending or hidden ones)" })
  approved(@Param('kpiId', ParseUUIDPipe) kpiId: string): Promise<PublicCommentDto[]> {
    return this.comments.approved(kpiId);
  }

  /** The province's moderation queue: its approvers (and admins) only, as for approving results. */
  @Get('provinces/:code/kpi-comments')
  @Allow('approve', unitCode('param', 'code'))
  queue(@Param('code') code: string, @Query() q: ModerationQuery): Promise<ModerationCommentDto[]> {
    return this.comments.queue(code, q.status ?? 'pending');
  }

  @Post('kpi-comments/:commentId/approve')
  @HttpCode(200)
  @Allow('approve', COMMENT_UNIT)
  approve(@Param('commentId', ParseUUIDPipe) id: string, @Body() body: ModerateBody) {
    return this.comments.moderate(id, 'approved', body.version, this.cls.get<ActorClaims>(CTX_ACTOR));
  }

  @Post('kpi-comments/:commentId/hide')
  @HttpCode(200)
  @Allow('approve', COMMENT_UNIT)
  hide(@Param('commentId', ParseUUIDPipe) id: string, @Body() body: ModerateBody) {
    return this.comments.moderate(id, 'hidden', body.version, this.cls.get<ActorClaims>(CTX_ACTOR));
  }
}
