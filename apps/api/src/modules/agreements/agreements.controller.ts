import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AgreementDistributionDto,
  AgreementDto,
  AgreementQueueItemDto,
  AgreementRankingDto,
  AgreementResultDto,
  AgreementRoundNumber,
  AgreementScorecardDto,
} from '@provdash/shared/contracts';
import { PERIOD_OR_YEAR_PATTERN } from '@provdash/shared/domain';
import { ClsService } from 'nestjs-cls';
import { ApiError } from '../../common/api-error';
import { Allow, Public, national, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR, CTX_UNIT, ResolvedUnit } from '../access/actor';
import { ScorecardQuery } from '../scorecards/dto/scorecard-query.dto';
import { AgreementReadModelsService } from './agreement-read-models.service';
import { AgreementsService } from './agreements.service';
import {
  AddAgreementIndicatorBody,
  AsOfQuery,
  DecideAgreementAmendmentBody,
  DecideAgreementBody,
  DecideAgreementRoundLineBody,
  DeriveAgreementBody,
  SaveAgreementResultBody,
  TemplateListQuery,
  SignAgreementBody,
  SubmitAgreementRoundBody,
  UpdateAgreementIndicatorsBody,
  VersionBody,
} from './dto/agreement.dto';

const AGREEMENT_UNIT = unitOf('agreement', 'param', 'agreementId');
const INDICATOR_UNIT = unitOf('agreement_indicator', 'param', 'indicatorId');
const PERIOD = PERIOD_OR_YEAR_PATTERN;

function checkPeriod(period: string): string {
  if (!PERIOD.test(period)) throw new ApiError(HttpStatus.BAD_REQUEST, 'agreement.periodInvalid');
  return period;
}

function checkRound(round: string): AgreementRoundNumber {
  if (round !== '6' && round !== '12') {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', [
      { field: 'round', constraints: { isIn: 'round must be 6 or 12' } },
    ]);
  }
  return Number(round) as AgreementRoundNumber;
}

/**
 * A province's performance agreement: its officers derive and edit it and propose it, the ministry
 * accepts or returns it, its governor signs it, and later amendments go to the ministry; at
 * each round the province submits its self-assessment and the central evaluator decides each
 * indicator's result and freezes the round. Reading is public for signed agreements; drafts stay with the province.
 */
@ApiTags('performance agreements')
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly readModels: AgreementReadModelsService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  @Post('agreements')
  @Allow('write', unitCode('body', 'orgUnitCode'))
  derive(@Body() body: DeriveAgreementBody): Promise<AgreementDto> {
    return this.agreements.derive(body, this.cls.get<ResolvedUnit>(CTX_UNIT), this.actor());
  }

  /** Proposals and amendments waiting for the ministry. */
  @Get('agreements/queue')
  @Allow('write', national())
  queue(@Query() q: TemplateListQuery): Promise<AgreementQueueItemDto[]> {
    return this.agreements.queue(q.fiscalYear);
  }

  @Get('agreements/:agreementId')
  @Public()
  get(@Param('agreementId', ParseUUIDPipe) id: string, @Query() q: AsOfQuery): Promise<AgreementDto> {
    return this.agreements.get(id, this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null, q.asOf);
  }

  /** A province's agreement of a year, by the province's code: as `GET agreements/:id` (drafts for the province only). */
  @Get('org-units/:code/agreement')
  @Public()
  ofProvince(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<AgreementDto> {
    return this.agreements.ofProvince(
      code,
      q.fiscalYear,
      this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null,
      q.asOf,
    );
  }

  @Post('agreements/:agreementId/indicators')
  @Allow('write', AGREEMENT_UNIT)
  addIndicator(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Body() body: AddAgreementIndicatorBody,
  ): Promise<AgreementDto> {
    return this.agreements.addIndicator(id, body, this.actor());
  }

  @Patch('agreements/:agreementId/indicators')
  @Allow('write', AGREEMENT_UNIT)
  updateIndicators(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Body() body: UpdateAgreementIndicatorsBody,
  ): Promise<AgreementDto> {
    return this.agreements.updateIndicators(id, body, this.actor());
  }

  @Post('agreements/:agreementId/propose')
  @HttpCode(200)
  @Allow('write', AGREEMENT_UNIT)
  propose(@Param('agreementId', ParseUUIDPipe) id: string, @Body() body: VersionBody): Promise<AgreementDto> {
    return this.agreements.propose(id, body, this.actor());
  }

  /** The ministry's decision; who may make it (central staff, not the province's own) is checked by the service. */
  @Post('agreements/:agreementId/decision')
  @HttpCode(200)
  @Allow('read', AGREEMENT_UNIT)
  decide(@Param('agreementId', ParseUUIDPipe) id: string, @Body() body: DecideAgreementBody): Promise<AgreementDto> {
    return this.agreements.decide(id, body, this.actor());
  }

  @Post('agreements/:agreementId/amendments/:amendmentId/decision')
  @HttpCode(200)
  @Allow('read', AGREEMENT_UNIT)
  decideAmendment(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Param('amendmentId', ParseUUIDPipe) amendmentId: string,
    @Body() body: DecideAgreementAmendmentBody,
  ): Promise<AgreementDto> {
    return this.agreements.decideAmendment(id, amendmentId, body, this.actor());
  }

  /** The governor's signature; that only the province's governor signs is checked by the service. */
  @Post('agreements/:agreementId/sign')
  @HttpCode(200)
  @Allow('read', AGREEMENT_UNIT)
  sign(@Param('agreementId', ParseUUIDPipe) id: string, @Body() body: SignAgreementBody): Promise<AgreementDto> {
    return this.agreements.sign(id, body, this.actor());
  }

  @Post('agreements/:agreementId/rounds/:round/submit')
  @HttpCode(200)
  @Allow('write', AGREEMENT_UNIT)
  submitRound(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Param('round') round: string,
    @Body() body: SubmitAgreementRoundBody,
  ): Promise<AgreementDto> {
    return this.agreements.submitRound(id, checkRound(round), body, this.actor());
  }

  @Put('agreements/:agreementId/rounds/:round/indicators/:indicatorId')
  @Allow('evaluate', AGREEMENT_UNIT)
  decideRoundLine(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Param('round') round: string,
    @Param('indicatorId', ParseUUIDPipe) indicatorId: string,
    @Body() body: DecideAgreementRoundLineBody,
  ): Promise<AgreementDto> {
    return this.agreements.decideRoundLine(id, checkRound(round), indicatorId, body, this.actor());
  }

  @Post('agreements/:agreementId/rounds/:round/freeze')
  @HttpCode(200)
  @Allow('evaluate', AGREEMENT_UNIT)
  freezeRound(
    @Param('agreementId', ParseUUIDPipe) id: string,
    @Param('round') round: string,
    @Body() body: VersionBody,
  ): Promise<AgreementDto> {
    return this.agreements.freezeRound(id, checkRound(round), body, this.actor());
  }

  @Put('agreement-indicators/:indicatorId/results/:period')
  @Allow('write', INDICATOR_UNIT)
  saveResult(
    @Param('indicatorId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: SaveAgreementResultBody,
  ): Promise<AgreementResultDto> {
    return this.agreements.saveResult(id, checkPeriod(period), body, this.actor());
  }

  @Post('agreement-indicators/:indicatorId/results/:period/approve')
  @HttpCode(200)
  @Allow('approve', INDICATOR_UNIT)
  approveResult(
    @Param('indicatorId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: VersionBody,
  ): Promise<AgreementResultDto> {
    return this.agreements.approveResult(id, checkPeriod(period), body, this.actor());
  }

  /** Open data: signed agreements and approved results only. */
  @Get('org-units/:code/agreement-scorecard')
  @Public()
  scorecard(@Param('code') code: string, @Query() q: ScorecardQuery): Promise<AgreementScorecardDto> {
    return this.readModels.scorecard(code, q.fiscalYear, q.asOf);
  }

  @Get('compare/agreements')
  @Public()
  ranking(@Query() q: ScorecardQuery): Promise<AgreementRankingDto> {
    return this.readModels.ranking(q.fiscalYear, q.asOf);
  }

  @Get('compare/agreement-indicators')
  @Public()
  distribution(@Query() q: ScorecardQuery): Promise<AgreementDistributionDto> {
    return this.readModels.distribution(q.fiscalYear, q.asOf);
  }
}
