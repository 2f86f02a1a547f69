import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { OrgUnitsService } from './org-units.service';
import { Public } from '../access/access.decorators';

@ApiTags('org-units')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  /** Reference data is public: the open dashboard needs it before anyone signs in. */
  @Get('clusters')
  @Public()
  clusters(): Promise<ClusterDirectoryDto> {
    return this.orgUnits.clusterDirectory();
  }
}
