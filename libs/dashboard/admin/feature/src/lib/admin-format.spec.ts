import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { formatInstant, SCOPE_TYPE_OF_ROLE, scopeOptions } from './admin-format';

const directory: ClusterDirectoryDto = {
  clusters: [
    {
      code: 'C15',
      nameTh: 'กลุ่มจังหวัดภาคเหนือตอนบน 1',
      nameEn: 'Upper North 1',
      regionCode: 'north',
      provinces: [
        {
          code: '52',
          type: 'province',
          nameTh: 'ลำปาง',
          nameEn: 'Lampang',
          parentCode: 'C15',
          iso: 'TH-52',
          lat: null,
          lon: null,
        },
        {
          code: '50',
          type: 'province',
          nameTh: 'เชียงใหม่',
          nameEn: 'Chiang Mai',
          parentCode: 'C15',
          iso: 'TH-50',
          lat: null,
          lon: null,
        },
      ],
    },
  ],
  unclustered: [
    {
      code: '10',
      type: 'province',
      nameTh: 'กรุงเทพมหานคร',
      nameEn: 'Bangkok',
      parentCode: 'TH',
      iso: 'TH-10',
      lat: null,
      lon: null,
    },
  ],
};

describe('scopeOptions', () => {
  it('offers the country, then the clusters, then every province by Thai name (Bangkok included)', () => {
    expect(scopeOptions(directory).map((o) => `${o.type}:${o.code}`)).toEqual([
      'country:TH',
      'cluster:C15',
      'province:10',
      'province:50',
      'province:52',
    ]);
  });

  it('offers nothing before the directory has loaded', () => {
    expect(scopeOptions(undefined)).toEqual([]);
  });

  it('pairs each role with the kind of scope the API accepts for it', () => {
    expect(SCOPE_TYPE_OF_ROLE.province_approver).toBe('province');
    expect(SCOPE_TYPE_OF_ROLE.cluster_officer).toBe('cluster');
    expect(SCOPE_TYPE_OF_ROLE.central_analyst).toBe('country');
  });
});

describe('formatInstant', () => {
  it('shows a recorded instant in Thailand time, Buddhist Era in Thai', () => {
    const th = formatInstant('2026-12-06T17:30:00.000Z', 'th');
    expect(th).toContain('2569');
    expect(th).toContain('00:30');
    expect(formatInstant('2026-12-06T17:30:00.000Z', 'en')).toContain('2026');
    expect(formatInstant(null, 'th')).toBe('');
  });
});
