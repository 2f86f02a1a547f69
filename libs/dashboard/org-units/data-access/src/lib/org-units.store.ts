import { httpResource } from '@angular/common/http';
import { computed, Injectable } from '@angular/core';
import type { ClusterDirectoryDto } from '@provdash/shared/contracts';

/** Reference data of the org-unit tree, fetched once per session in one request. */
@Injectable({ providedIn: 'root' })
export class OrgUnitsStore {
  readonly directory = httpResource<ClusterDirectoryDto>(() => '/api/org-units/clusters');

  readonly clusterCount = computed(() => this.directory.value()?.clusters.length ?? 0);
  readonly provinceCount = computed(() => {
    const d = this.directory.value();
    return d ? d.clusters.reduce((n, c) => n + c.provinces.length, 0) + d.unclustered.length : 0;
  });
}
