import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DisbursementTargetDto,
  ProjectDto,
  ProjectPageDto,
  ProjectProgressDto,
  RiskDto,
} from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, national, Public, unitCode, unitOf } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import {
  CreateProjectBody,
  CreateRiskBody,
  ProgressTransitionBody,
  ProjectListQuery,
  ProjectPageQuery,
  RiskListQuery,
  SaveProgressBody,
  SaveTargetBody,
  TargetListQuery,
  TargetParams,
  UpdateProjectBody,
  UpdateRiskBody,
} from './dto/project.dto';
import { ProjectPageService } from './project-page.service';
import { ProgressTransition, ProjectsService } from './projects.service';

const PROJECT = unitOf('project', 'param', 'projectId');

@ApiTags('projects')
@Controller()
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly pages: ProjectPageService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  /** Project definitions and allocations are public plan data. */
  @Get('projects')
  @Public()
  list(@Query() q: ProjectListQuery): Promise<ProjectDto[]> {
    return this.projects.list(q.orgUnitCode, q.fiscalYear);
  }

  @Get('projects/:projectId')
  @Public()
  get(@Param('projectId', ParseUUIDPipe) id: string): Promise<ProjectDto> {
    return this.projects.get(id);
  }

  /**
   * The project page in one request: progress history, monthly disbursement against the target
   * curve, KPIs with their lights, risks. Public like the project; what it holds follows the reader
   * (approved progress only for outsiders, risks for readers of the unit).
   */
  @Get('projects/:projectId/page')
  @Public()
  page(@Param('projectId', ParseUUIDPipe) id: string, @Query() q: ProjectPageQuery): Promise<ProjectPageDto> {
    return this.pages.page(id, this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null, q.asOf);
  }

  @Post('projects')
  @Allow('write', unitCode('body', 'orgUnitCode'))
  create(@Body() body: CreateProjectBody): Promise<ProjectDto> {
    return this.projects.create(body);
  }

  /** Changes, or retires with `status: cancelled`; projects are never deleted. */
  @Patch('projects/:projectId')
  @Allow('write', PROJECT)
  update(@Param('projectId', ParseUUIDPipe) id: string, @Body() body: UpdateProjectBody): Promise<ProjectDto> {
    return this.projects.update(id, body);
  }

  /** Approved progress for anyone; the province's own people also see work in progress. */
  @Get('projects/:projectId/progress')
  @Public()
  progress(@Param('projectId', ParseUUIDPipe) id: string): Promise<ProjectProgressDto[]> {
    return this.projects.listProgress(id, this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null);
  }

  @Put('projects/:projectId/progress/:period')
  @Allow('write', PROJECT)
  saveProgress(
    @Param('projectId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: SaveProgressBody,
  ): Promise<ProjectProgressDto> {
    return this.projects.saveProgress(id, period, body);
  }

  @Post('projects/:projectId/progress/:period/submit')
  @HttpCode(200)
  @Allow('write', PROJECT)
  submit(
    @Param('projectId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: ProgressTransitionBody,
  ) {
    return this.step(id, period, 'submit', body);
  }

  @Post('projects/:projectId/progress/:period/approve')
  @HttpCode(200)
  @Allow('approve', PROJECT)
  approve(
    @Param('projectId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: ProgressTransitionBody,
  ) {
    return this.step(id, period, 'approve', body);
  }

  @Post('projects/:projectId/progress/:period/return')
  @HttpCode(200)
  @Allow('approve', PROJECT)
  return(
    @Param('projectId', ParseUUIDPipe) id: string,
    @Param('period') period: string,
    @Body() body: ProgressTransitionBody,
  ) {
    return this.step(id, period, 'return', body);
  }

  @Get('disbursement-targets')
  @Public()
  targets(@Query() q: TargetListQuery): Promise<DisbursementTargetDto[]> {
    return this.projects.listTargets(q.fiscalYear);
  }

  /** The Cabinet's targets: central staff (national write) only. */
  @Put('disbursement-targets/:fiscalYear/:budgetType')
  @Allow('write', national())
  saveTarget(@Param() p: TargetParams, @Body() body: SaveTargetBody): Promise<DisbursementTargetDto> {
    return this.projects.saveTarget(p.fiscalYear, p.budgetType, body);
  }

  /** A unit's risk register (its projects' and KPIs', and those of the units below it). */
  @Get('risks')
  @Allow('read', unitCode('query', 'unit'))
  risks(@Query() q: RiskListQuery): Promise<RiskDto[]> {
    return this.projects.listRisks(q.unit);
  }

  @Post('projects/:projectId/risks')
  @Allow('write', PROJECT)
  createProjectRisk(
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: CreateRiskBody,
  ): Promise<RiskDto> {
    return this.projects.createRisk({ projectId }, body, this.actor());
  }

  @Post('kpis/:kpiId/risks')
  @Allow('write', unitOf('kpi', 'param', 'kpiId'))
  createKpiRisk(@Param('kpiId', ParseUUIDPipe) kpiId: string, @Body() body: CreateRiskBody): Promise<RiskDto> {
    return this.projects.createRisk({ kpiId }, body, this.actor());
  }

  /** Changes a risk, or closes it with `status: closed`; risks are never deleted. */
  @Patch('risks/:riskId')
  @Allow('write', unitOf('risk', 'param', 'riskId'))
  updateRisk(@Param('riskId', ParseUUIDPipe) id: string, @Body() body: UpdateRiskBody): Promise<RiskDto> {
    return this.projects.updateRisk(id, body, this.actor());
  }

  private step(id: string, period: string, step: ProgressTransition, body: ProgressTransitionBody) {
    return this.projects.transitionProgress(id, period, step, body, this.actor());
  }
}
