import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import type { NewYearDto, NewYearRolloverDto } from '@provdash/shared/contracts';
import { Allow, unitCode } from '../../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../../access/actor';
import { FiscalYearQuery } from '../import/dto/results-import.dto';
import { NewYearBody } from './new-year.dto';
import { NewYearService } from './new-year.service';

const UNIT = unitCode('param', 'code');

/** The new fiscal year of a province or cluster plan (docs/guide-strategy-office-october.md). */
@ApiTags('new fiscal year')
@Controller('org-units/:code/new-year')
export class NewYearController {
  constructor(
    private readonly newYear: NewYearService,
    private readonly cls: ClsService,
  ) {}

  /** Drafts are on it: the unit's writers only. */
  @Get()
  @Allow('write', UNIT)
  review(@Param('code') code: string, @Query() q: FiscalYearQuery): Promise<NewYearDto> {
    return this.newYear.review(code, q.fiscalYear);
  }

  @Post('rollover')
  @HttpCode(200)
  @Allow('write', UNIT)
  rollover(@Param('code') code: string, @Body() body: NewYearBody): Promise<NewYearRolloverDto> {
    return this.newYear.rollover(code, body.fiscalYear);
  }

  /**
   * Publishing the drafted targets is an approval, as publishing the plan is (canPublishPlan): a
   * province's by its approver; a cluster's, which has no approver role, by the cluster office.
   */
  @Post('publish')
  @HttpCode(200)
  @Allow('write', UNIT)
  publish(@Param('code') code: string, @Body() body: NewYearBody): Promise<NewYearRolloverDto> {
    return this.newYear.publish(code, body.fiscalYear, this.cls.get<ActorClaims>(CTX_ACTOR));
  }
}
