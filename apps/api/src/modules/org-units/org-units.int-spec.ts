import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import request from 'supertest';
import { seedReferenceData } from '../../database/seeds/reference-data.seed';
import { bootTestApp, TestApp } from '../../testing/test-app';

describe('org units (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('lists 18 clusters with 76 provinces, and Bangkok outside any cluster', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/org-units/clusters').expect(200);
    const body = res.body as ClusterDirectoryDto;
    expect(body.clusters).toHaveLength(18);
    expect(body.clusters.flatMap((c) => c.provinces)).toHaveLength(76);
    expect(body.unclustered.map((p) => [p.code, p.nameTh, p.nameEn])).toEqual([['10', 'กรุงเทพมหานคร', 'Bangkok']]);
    const c01 = body.clusters.find((c) => c.code === 'C01');
    expect(c01).toMatchObject({
      nameTh: 'กลุ่มจังหวัดภาคกลางตอนบน 1',
      nameEn: 'Upper Central 1',
      regionCode: 'central',
    });
    expect(c01?.provinces.find((p) => p.code === '12')).toEqual({
      code: '12',
      type: 'province',
      nameTh: 'นนทบุรี',
      nameEn: 'Nonthaburi',
      parentCode: 'C01',
      iso: 'TH-12',
      lat: 13.86,
      lon: 100.51,
    });
  });

  it('keeps the tree consistent: every province path runs country → region → cluster → province', async () => {
    const outside = await t.dataSource.query(
      `SELECT code FROM org_unit WHERE type = 'province' AND path NOT LIKE 'TH/%'`,
    );
    expect(outside).toEqual([]);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM org_unit WHERE path LIKE 'TH/northeast/%' AND type = 'province'`,
    );
    expect(count).toBe(20);
  });

  it('re-seeding reference data changes nothing (idempotent, versions untouched)', async () => {
    const snapshot = () => t.dataSource.query(`SELECT code, version, path FROM org_unit ORDER BY code`);
    const before = await snapshot();
    await seedReferenceData(t.dataSource);
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after).toHaveLength(1 + 5 + 18 + 77);
  });
});
