import { Controller, Get } from '@nestjs/common';
import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { OrgUnitsService } from './org-units.service';

@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  /** Reference data is public: the open dashboard needs it before anyone signs in. */
  @Get('clusters')
  clusters(): Promise<ClusterDirectoryDto> {
    return this.orgUnits.clusterDirectory();
  }
}
