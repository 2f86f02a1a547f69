import type { ScorecardDto } from '@provdash/shared/contracts';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';

/*
 * Issue 18 item 5: the KPI status thresholds are the ministry's per-year setting. A changed
 * threshold changes the lights on every scorecard read (also one kept in memory before the change),
 * is audited, versioned, and announced to every province room.
 */
describe('KPI status thresholds per fiscal year (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  const FY = 2569;
  const AS_OF = '2026-06-15';
  const url = `/api/kpi-status-thresholds/${FY}`;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
  });

  afterAll(() => t.close());

  const analyst = () => as(t, f.tokens.analyst);
  const card = async (code = '50'): Promise<ScorecardDto> => {
    const res = await as(t, null).get(`/api/org-units/${code}/scorecard?fiscalYear=${FY}&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('reads the defaults for a year without a setting', async () => {
    const res = await as(t, null).get(url);
    expect(res.body).toEqual({ fiscalYear: FY, green: 100, amber: 80, version: null });
  });

  it('is set by central staff only, validated with the field named, 409 when stale', async () => {
    expect((await as(t, f.tokens.officer50).put(url).send({ green: 90, amber: 70 })).status).toBe(403);
    expect((await as(t, f.tokens.governor50).put(url).send({ green: 90, amber: 70 })).status).toBe(403);
    const bad = await analyst().put(url).send({ green: 70, amber: 90 });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toEqual([{ field: 'amber', messages: [expect.any(String)] }]);
    expect((await analyst().put(url).send({ green: 'lots', amber: 80 })).status).toBe(400);
    expect((await analyst().put(url).send({ green: 100, amber: -1 })).status).toBe(400);
    expect(await t.dataSource.query(`SELECT * FROM kpi_status_threshold`)).toEqual([]);
  });

  it('a lower threshold turns lights green on scorecard reads, audited and announced', async () => {
    const before = await card();
    // Kept in memory now; the change below must still reach the next read.
    const judged = before.kpis.filter((k) => k.achievement !== null && k.status !== 'grey');
    const between = judged.filter((k) => (k.achievement as number) >= 50 && (k.achievement as number) < 100);
    expect(between.length).toBeGreaterThan(0);

    const saved = await analyst().put(url).send({ green: 50, amber: 25 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ fiscalYear: FY, green: 50, amber: 25, version: 1 });

    const after = await card();
    for (const k of after.kpis.filter((x) => x.achievement !== null && x.status !== 'grey')) {
      const a = k.achievement as number;
      expect(k.status).toBe(a >= 50 ? 'green' : a >= 25 ? 'amber' : 'red');
    }
    for (const k of between) expect(after.kpis.find((x) => x.kpiId === k.kpiId)?.status).toBe('green');
    expect(after.counts.green).toBeGreaterThan(before.counts.green);

    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity = 'kpi_status_threshold'`);
    expect(audit).toHaveLength(1);
    const rooms: { room: string }[] = await t.dataSource.query(
      `SELECT room FROM realtime_event WHERE event = 'target.changed' AND payload->>'kind' = 'status-thresholds'`,
    );
    expect(rooms.map((r) => r.room)).toEqual(
      expect.arrayContaining(['province:50', 'cluster:C15', 'national', 'public']),
    );
    expect(rooms).toHaveLength(77 + 18 + 2);

    // Stale version: refused, nothing changes.
    expect((await analyst().put(url).send({ green: 120, amber: 90 })).status).toBe(409);
    expect((await analyst().put(url).send({ green: 120, amber: 90, version: 1 })).body.version).toBe(2);
    const strict = await card();
    for (const k of strict.kpis.filter((x) => x.achievement !== null && x.status !== 'grey')) {
      const a = k.achievement as number;
      expect(k.status).toBe(a >= 120 ? 'green' : a >= 90 ? 'amber' : 'red');
    }
  });

  it('another year keeps the defaults', async () => {
    expect((await as(t, null).get('/api/kpi-status-thresholds/2568')).body.version).toBeNull();
  });
});
