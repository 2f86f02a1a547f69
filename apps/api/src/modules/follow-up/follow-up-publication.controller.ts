import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FollowUpPublicationDto, PublicFollowUpDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, Public, unitCode } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import {
  FollowUpPublicationBody,
  ProvinceCodeParams,
  PublicProvinceCodeParams,
} from './dto/follow-up-publication.dto';
import { FollowUpPublicationService } from './follow-up-publication.service';
import { PUBLIC_API_LIMIT, sharedKey } from '../open-data/public-api.controller';

/**
 * The province's switch that publishes its directives and risks, and the public read that honours
 * it. The guard lets in readers of the province; only its governor (or an admin) may flip it,
 * checked by the service with the domain's rule.
 */
@ApiTags('follow-up')
@Controller()
export class FollowUpPublicationController {
  constructor(
    private readonly publication: FollowUpPublicationService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  @Get('units/:unitCode/follow-up-publication')
  @Allow('read', unitCode('param', 'unitCode'))
  get(@Param() p: ProvinceCodeParams): Promise<FollowUpPublicationDto> {
    return this.publication.get(p.unitCode, this.actor());
  }

  @Put('units/:unitCode/follow-up-publication')
  @Allow('read', unitCode('param', 'unitCode'))
  set(@Param() p: ProvinceCodeParams, @Body() body: FollowUpPublicationBody): Promise<FollowUpPublicationDto> {
    return this.publication.set(p.unitCode, body, this.actor());
  }

  @Get('public/provinces/:code/follow-up')
  @Public()
  @Throttle({ default: { ...PUBLIC_API_LIMIT, generateKey: sharedKey('public-api') } })
  @ApiOperation({ summary: "A province's open risks and its directives, once the province publishes them" })
  publicView(@Param() p: PublicProvinceCodeParams): Promise<PublicFollowUpDto> {
    return this.publication.publicView(p.code);
  }
}
