import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MeetingDetailDto, MeetingListDto } from '@provdash/shared/contracts';
import { bangkokDateOf } from '@provdash/shared/domain';
import { IsIn, IsUUID } from 'class-validator';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { contentDisposition, provinceTitle } from '../agreements/exports/export-format';
import { REPORT_TYPES } from '../reports/monthly-reports.controller';
import type { ReportFormat } from '../reports/monthly-reports.service';
import {
  CreateMeetingBody,
  DecisionDirectiveBody,
  MeetingListQuery,
  MeetingStepBody,
  RecordDecisionBody,
} from './dto/meeting.dto';
import { renderMinutesPdf, renderMinutesXlsx } from './meeting-minutes';
import { MeetingsService } from './meetings.service';

const MEETING = unitOf('meeting', 'param', 'meetingId');

class MinutesParams {
  @IsUUID() meetingId!: string;
  @IsIn(['pdf', 'xlsx']) format!: ReportFormat;
}

/**
 * The province's monthly meeting. The guard lets in readers of the province; that only its
 * secretary (officers, approvers) and governor run and read meetings is the domain's rule
 * (canRunMeeting), checked by the service: the public and ministry staff never see them.
 */
@ApiTags('follow-up')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  /** The province's meetings, latest first, with their decisions. */
  @Get()
  @Allow('read', unitCode('query', 'unit'))
  list(@Query() q: MeetingListQuery): Promise<MeetingListDto> {
    return this.meetings.list(q.unit, this.actor());
  }

  @Get(':meetingId')
  @Allow('read', MEETING)
  get(@Param('meetingId', ParseUUIDPipe) id: string): Promise<MeetingDetailDto> {
    return this.meetings.detail(id, this.actor());
  }

  /** Opens a draft meeting; it starts with the previous meeting's still-open directives. */
  @Post()
  @Allow('read', unitCode('body', 'orgUnitCode'))
  create(@Body() body: CreateMeetingBody): Promise<MeetingDetailDto> {
    return this.meetings.create(body, this.actor());
  }

  /** Adds what needs attention now (red KPIs, projects at lapse risk, overdue directives, high risks). */
  @Post(':meetingId/agenda')
  @HttpCode(200)
  @Allow('read', MEETING)
  buildAgenda(@Param('meetingId', ParseUUIDPipe) id: string, @Body() body: MeetingStepBody) {
    return this.meetings.buildAgenda(id, body.version, this.actor());
  }

  @Post(':meetingId/hold')
  @HttpCode(200)
  @Allow('read', MEETING)
  hold(@Param('meetingId', ParseUUIDPipe) id: string, @Body() body: MeetingStepBody) {
    return this.meetings.step(id, 'hold', body.version, this.actor());
  }

  /** Closes the minutes: no more decisions. */
  @Post(':meetingId/close')
  @HttpCode(200)
  @Allow('read', MEETING)
  close(@Param('meetingId', ParseUUIDPipe) id: string, @Body() body: MeetingStepBody) {
    return this.meetings.step(id, 'close', body.version, this.actor());
  }

  @Post(':meetingId/decisions')
  @Allow('read', MEETING)
  recordDecision(@Param('meetingId', ParseUUIDPipe) id: string, @Body() body: RecordDecisionBody) {
    return this.meetings.recordDecision(id, body, this.actor());
  }

  /** The decision becomes a directive, issued in the chair's name. */
  @Post(':meetingId/decisions/:decisionId/directive')
  @Allow('read', MEETING)
  toDirective(
    @Param('meetingId', ParseUUIDPipe) id: string,
    @Param('decisionId', ParseUUIDPipe) decisionId: string,
    @Body() body: DecisionDirectiveBody,
  ) {
    return this.meetings.decisionToDirective(id, decisionId, body, this.actor());
  }

  /** The minutes as a Thai PDF (A4, Sarabun) or a workbook, made from the meeting as it stands. */
  @Get(':meetingId/minutes/:format')
  @Allow('read', MEETING)
  @ApiProduces(REPORT_TYPES.pdf, REPORT_TYPES.xlsx)
  async minutes(@Param() { meetingId, format }: MinutesParams): Promise<StreamableFile> {
    const { meeting, provinceNameTh } = await this.meetings.minutes(meetingId, this.actor());
    const input = { meeting, provinceNameTh, generatedOn: bangkokDateOf(new Date()) };
    const content = format === 'pdf' ? await renderMinutesPdf(input) : await renderMinutesXlsx(input);
    return new StreamableFile(content, {
      type: REPORT_TYPES[format],
      disposition: contentDisposition(
        format === 'pdf' ? 'inline' : 'attachment',
        `meeting-minutes-${meeting.orgUnitCode}-${meeting.meetingDate}.${format}`,
        `รายงานการประชุม-${provinceTitle(provinceNameTh)}-${meeting.meetingDate}.${format}`,
      ),
    });
  }
}
