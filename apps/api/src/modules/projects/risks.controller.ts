import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RiskDetailDto, RiskDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { CreateRiskBody, ReassessRiskBody, UnitCodeParams } from './dto/project.dto';
import { RisksService } from './risks.service';

const RISK = unitOf('risk', 'param', 'riskId');

/**
 * The 4T risk register beyond projects and KPIs: a province's own (organisation-level) risks, a
 * risk's screen with its kept assessments, and reassessment (inherent and residual). Writers are
 * the province's officers and approvers (the access policy's `write`).
 */
@ApiTags('projects')
@Controller()
export class RisksController {
  constructor(
    private readonly risks: RisksService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  @Post('units/:unitCode/risks')
  @Allow('write', unitCode('param', 'unitCode'))
  createOrgRisk(@Param() p: UnitCodeParams, @Body() body: CreateRiskBody): Promise<RiskDto> {
    return this.risks.createOrgRisk(p.unitCode, body, this.actor());
  }

  @Get('risks/:riskId')
  @Allow('read', RISK)
  detail(@Param('riskId', ParseUUIDPipe) id: string): Promise<RiskDetailDto> {
    return this.risks.detail(id, this.actor());
  }

  /** A new assessment, kept in the risk's history with who and when. */
  @Post('risks/:riskId/assessments')
  @HttpCode(200)
  @Allow('write', RISK)
  reassess(@Param('riskId', ParseUUIDPipe) id: string, @Body() body: ReassessRiskBody): Promise<RiskDetailDto> {
    return this.risks.reassess(id, body, this.actor());
  }
}
