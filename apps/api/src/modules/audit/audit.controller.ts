import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEventDto, PageDto } from '@provdash/shared/contracts';
import { ClsService } from 'nestjs-cls';
import { Allow, unitCode } from '../access/access.decorators';
import { CTX_UNIT, ResolvedUnit } from '../access/actor';
import { AuditService } from './audit.service';
import { AuditExportQueryDto, AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /** Admins, and the approvers of a province for their own province: whoever may approve there may see its trail. */
  @Get()
  @Allow('approve', unitCode('query', 'unit', true))
  search(@Query() query: AuditQueryDto): Promise<PageDto<AuditEventDto>> {
    return this.audit.search(this.cls.get<ResolvedUnit>(CTX_UNIT), query);
  }

  /** The filtered rows as a file (CSV or XLSX), for the same readers; read-only like the trail. */
  @Get('export')
  @Allow('approve', unitCode('query', 'unit', true))
  export(@Query() query: AuditExportQueryDto): Promise<StreamableFile> {
    return this.audit.export(this.cls.get<ResolvedUnit>(CTX_UNIT), query);
  }
}
