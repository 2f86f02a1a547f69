import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AgreementTemplateDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, national, Public } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { AgreementTemplatesService } from './agreement-templates.service';
import {
  CreateTemplateBody,
  IndicatorInputBody,
  TemplateListQuery,
  UpdateTemplateIndicatorBody,
  VersionBody,
} from './dto/agreement.dto';

/** The year's agreement templates are national settings: central staff write them, everyone reads the published ones. */
@ApiTags('performance agreements')
@Controller('agreement-templates')
export class AgreementTemplatesController {
  constructor(
    private readonly templates: AgreementTemplatesService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims | null {
    return this.cls.get<ActorClaims | undefined>(CTX_ACTOR) ?? null;
  }

  @Get()
  @Public()
  list(@Query() q: TemplateListQuery): Promise<AgreementTemplateDto[]> {
    return this.templates.list(q.fiscalYear, this.actor());
  }

  @Get(':templateId')
  @Public()
  get(@Param('templateId', ParseUUIDPipe) id: string): Promise<AgreementTemplateDto> {
    return this.templates.get(id, this.actor());
  }

  @Post()
  @Allow('write', national())
  create(@Body() body: CreateTemplateBody): Promise<AgreementTemplateDto> {
    return this.templates.create(body);
  }

  @Post(':templateId/indicators')
  @Allow('write', national())
  addIndicator(
    @Param('templateId', ParseUUIDPipe) id: string,
    @Body() body: IndicatorInputBody,
  ): Promise<AgreementTemplateDto> {
    return this.templates.addIndicator(id, body);
  }

  @Patch(':templateId/indicators/:indicatorId')
  @Allow('write', national())
  updateIndicator(
    @Param('templateId', ParseUUIDPipe) id: string,
    @Param('indicatorId', ParseUUIDPipe) indicatorId: string,
    @Body() body: UpdateTemplateIndicatorBody,
  ): Promise<AgreementTemplateDto> {
    return this.templates.updateIndicator(id, indicatorId, body);
  }

  @Post(':templateId/publish')
  @HttpCode(200)
  @Allow('write', national())
  publish(@Param('templateId', ParseUUIDPipe) id: string, @Body() body: VersionBody): Promise<AgreementTemplateDto> {
    return this.templates.publish(id, body);
  }
}
