import {
  batchMovesOnlyLastMonth,
  patchAgreement,
  patchAgreementRanking,
  patchDisbursement,
  patchDisbursementRanking,
} from './live-patches';
import { patchClusterStatus } from './national-overview.store';
import {
  fixtureAgreement,
  fixtureAgreementRanking,
  fixtureBatch,
  fixtureClusterStatus,
  fixtureDisbursement,
  fixtureDisbursementRanking,
  fixtureScoreChange,
  fixtureSummary,
} from './testing/overview.fixtures';

describe('patchAgreement', () => {
  it('takes the newest live score and status, keeping the rounds', () => {
    const card = patchAgreement(fixtureAgreement, [
      fixtureScoreChange({ liveScore: 3.8, liveFormatted: '3.8000' }),
      fixtureScoreChange({ liveScore: 3.9012, liveFormatted: '3.9012', status: 'evaluated_12' }),
    ]);
    expect(card.live.formatted).toBe('3.9012');
    expect(card.live.score).toBe(3.9012);
    expect(card.status).toBe('evaluated_12');
    expect(card.rounds).toBe(fixtureAgreement.rounds);
  });
});

describe('patchDisbursement', () => {
  const rates = fixtureBatch().rates[0];

  it('replaces the totals and types with the event rates, and works out gaps and the lapse risk again', () => {
    const s = patchDisbursement(fixtureDisbursement, [{ rates, curve: false }]);
    expect(s.total).toEqual({
      allocated: '1000000.00',
      committed: '500000.00',
      disbursed: '350000.00',
      rate: 35,
      committedRate: 50,
      target: 30,
      gap: 5,
      // 350,000 disbursed against 30 % of 1,000,000 expected.
      gapBaht: '50000.00',
      lapseRisk: 'none',
    });
    expect(s.byType.find((t) => t.budgetType === 'capital')).toEqual(
      expect.objectContaining({ rate: 25, target: 20, gap: 5, disbursed: '100000.00' }),
    );
    // Without `curve` the chart's data is the very same array: nothing for it to redraw.
    expect(s.curve).toBe(fixtureDisbursement.curve);
  });

  it('moves only the last curve point when the batch wrote only that month', () => {
    const s = patchDisbursement(fixtureDisbursement, [{ rates, curve: true }]);
    expect(s.curve.slice(0, -1)).toEqual(fixtureDisbursement.curve.slice(0, -1));
    const last = s.curve[s.curve.length - 1];
    expect(last).toEqual(
      expect.objectContaining({ month: '2026-03', rate: 35, target: 30, cumulativeDisbursed: '350000.00' }),
    );
    expect(last.byType[0]).toEqual(expect.objectContaining({ budgetType: 'capital', rate: 25, target: 20 }));
  });

  it('says a batch moves only the last point when every month it wrote is that month, never for a rollback', () => {
    expect(batchMovesOnlyLastMonth(fixtureDisbursement, { months: ['2026-03-01'], rolledBack: false })).toBe(true);
    expect(
      batchMovesOnlyLastMonth(fixtureDisbursement, { months: ['2026-02-01', '2026-03-01'], rolledBack: false }),
    ).toBe(false);
    expect(batchMovesOnlyLastMonth(fixtureDisbursement, { months: [], rolledBack: false })).toBe(false);
    expect(batchMovesOnlyLastMonth(fixtureDisbursement, { months: ['2026-03-01'], rolledBack: true })).toBe(false);
  });
});

describe('ranking patches', () => {
  it('re-sorts the disbursement ranking by the new ranks, with gaps against the target', () => {
    const r = patchDisbursementRanking(fixtureDisbursementRanking, [
      { orgUnitCode: '50', value: 45, rank: 1 },
      { orgUnitCode: '52', value: 41, rank: 2 },
      { orgUnitCode: '13', value: null, rank: null },
    ]);
    expect(r.rows.map((x) => [x.code, x.rank, x.rate, x.gap])).toEqual([
      ['50', 1, 45, 15],
      ['52', 2, 41, 11],
      ['13', null, null, null],
    ]);
  });

  it('re-sorts the agreement ranking by live rank, formatting scores to four decimals', () => {
    const r = patchAgreementRanking(fixtureAgreementRanking, [
      { orgUnitCode: '52', value: 3.8, rank: 1 },
      { orgUnitCode: '50', value: 3.765, rank: 2 },
      { orgUnitCode: '13', value: null, rank: null },
    ]);
    expect(r.rows.map((x) => [x.orgUnitCode, x.liveRank, x.liveFormatted])).toEqual([
      ['52', 1, '3.8000'],
      ['50', 2, '3.7650'],
      ['13', null, null],
    ]);
  });
});

describe('patchClusterStatus', () => {
  it("replaces the changed provinces' lights of the year shown and leaves the clusters' own figures", () => {
    const red = fixtureSummary({ status: 'green', performanceIndex: 101 });
    const s = patchClusterStatus(fixtureClusterStatus, [
      { orgUnitCode: '50', fiscalYear: 2569, summary: red },
      { orgUnitCode: '13', fiscalYear: 2570, summary: red },
    ]);
    const c15 = s.clusters.find((c) => c.clusterCode === 'C15');
    expect(c15?.provinces.find((p) => p.code === '50')?.summary).toBe(red);
    expect(c15?.summary).toBe(fixtureClusterStatus.clusters[1].summary);
    // Another year's change and untouched clusters stay as they were.
    expect(s.clusters[0]).toBe(fixtureClusterStatus.clusters[0]);
  });
});
