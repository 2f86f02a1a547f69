import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ExplorerDto, ExplorerSavedViewDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, national, Public } from '../access/access.decorators';
import { ActorClaims, CTX_ACTOR } from '../access/actor';
import { ExplorerExportQueryDto, ExplorerQueryDto, SaveExplorerViewDto } from './dto/explorer.dto';
import { explorerFile } from './explorer-export';
import { ExplorerService } from './explorer.service';
import { ExplorerViewsService } from './explorer-views.service';

/**
 * The explorer (issue 22 item 3). Its tables count approved data only, like the scorecards: public.
 * The saved views are the ministry's shared list: central staff and admins.
 */
@ApiTags('analysis')
@Controller('analysis/explorer')
export class ExplorerController {
  constructor(
    private readonly explorer: ExplorerService,
    private readonly views: ExplorerViewsService,
    private readonly cls: ClsService,
  ) {}

  private actor(): ActorClaims {
    return this.cls.get<ActorClaims>(CTX_ACTOR);
  }

  /** A measure cut by rows and columns, with totals that pool their parts. */
  @Get()
  @Public()
  explore(@Query() q: ExplorerQueryDto): Promise<ExplorerDto> {
    return this.explorer.explore(q);
  }

  /** The same table as a CSV file or an Excel workbook. */
  @Get('export')
  @Public()
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() q: ExplorerExportQueryDto): Promise<StreamableFile> {
    return explorerFile(await this.explorer.explore(q), q.format);
  }

  @Get('views')
  @Allow('read', national())
  list(): Promise<ExplorerSavedViewDto[]> {
    return this.views.list(this.actor());
  }

  @Post('views')
  @Allow('read', national())
  save(@Body() body: SaveExplorerViewDto): Promise<ExplorerSavedViewDto> {
    return this.views.save(this.actor(), body);
  }

  @Delete('views/:id')
  @HttpCode(204)
  @Allow('read', national())
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.views.remove(this.actor(), id);
  }
}
