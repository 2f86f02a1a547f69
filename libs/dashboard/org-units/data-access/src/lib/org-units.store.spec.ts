import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { OrgUnitsStore } from './org-units.store';

const province = (code: string, parentCode: string | null) => ({
  code,
  type: 'province' as const,
  nameTh: `จังหวัด ${code}`,
  nameEn: `Province ${code}`,
  parentCode,
  iso: `TH-${code}`,
  lat: null,
  lon: null,
});

describe('OrgUnitsStore', () => {
  it('loads the cluster directory from the API and counts clusters and provinces', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const store = TestBed.inject(OrgUnitsStore);
    const http = TestBed.inject(HttpTestingController);
    TestBed.tick();

    const body: ClusterDirectoryDto = {
      clusters: [
        {
          code: 'C01',
          nameTh: 'กลุ่ม 1',
          nameEn: 'Cluster 1',
          regionCode: 'central',
          provinces: [province('12', 'C01'), province('13', 'C01')],
        },
      ],
      unclustered: [province('10', null)],
    };
    http.expectOne('/api/org-units/clusters').flush(body);
    await TestBed.inject(ApplicationRef).whenStable();

    expect(store.directory.value()).toEqual(body);
    expect(store.clusterCount()).toBe(1);
    expect(store.provinceCount()).toBe(3);
    http.verify();
  });
});
