import { addReporting, countReporting, NO_REPORTING, reportingFlags, reportingRates } from './reporting-completeness';

// November 2569 (FY 2570 M02) ends on 30 November 2026; its deadline is 15 December 2026.
const NOV = '2570-M02';

describe('reportingFlags', () => {
  it('owes nothing before the period has ended', () => {
    expect(reportingFlags({ period: NOV, status: null, firstSubmittedOn: null }, '2026-11-30')).toEqual({
      due: false,
      reported: false,
      onTime: false,
      late: false,
      approved: false,
      returned: false,
    });
  });

  it('is due and not yet late the day after the period, until the deadline has passed', () => {
    expect(reportingFlags({ period: NOV, status: null, firstSubmittedOn: null }, '2026-12-01')).toMatchObject({ due: true, late: false });
    expect(reportingFlags({ period: NOV, status: null, firstSubmittedOn: null }, '2026-12-15')).toMatchObject({ due: true, late: false });
    expect(reportingFlags({ period: NOV, status: null, firstSubmittedOn: null }, '2026-12-16')).toMatchObject({ due: true, late: true });
  });

  it('counts a draft as not reported', () => {
    expect(reportingFlags({ period: NOV, status: 'draft', firstSubmittedOn: null }, '2026-12-20')).toMatchObject({
      reported: false,
      late: true,
    });
  });

  it('is on time when first sent by the deadline, even if it is approved later', () => {
    expect(reportingFlags({ period: NOV, status: 'approved', firstSubmittedOn: '2026-12-15' }, '2027-01-10')).toEqual({
      due: true,
      reported: true,
      onTime: true,
      late: false,
      approved: true,
      returned: false,
    });
  });

  it('is reported but late when first sent after the deadline', () => {
    expect(reportingFlags({ period: NOV, status: 'submitted', firstSubmittedOn: '2026-12-16' }, '2026-12-20')).toMatchObject({
      reported: true,
      onTime: false,
      late: true,
    });
  });

  it('keeps a returned result reported (it was sent) and says it came back', () => {
    expect(reportingFlags({ period: NOV, status: 'returned', firstSubmittedOn: '2026-12-10' }, '2026-12-20')).toMatchObject({
      reported: true,
      onTime: true,
      returned: true,
      late: false,
    });
  });
});

describe('countReporting and the rates', () => {
  const asOf = '2026-12-20';
  const rows = [
    { period: NOV, status: 'approved' as const, firstSubmittedOn: '2026-12-05' }, // on time
    { period: NOV, status: 'submitted' as const, firstSubmittedOn: '2026-12-18' }, // late
    { period: NOV, status: 'returned' as const, firstSubmittedOn: '2026-12-01' }, // on time, returned
    { period: NOV, status: null, firstSubmittedOn: null }, // missing, late
    { period: '2570-M03', status: null, firstSubmittedOn: null }, // December: not due yet
  ];

  it('counts only what was due', () => {
    expect(countReporting(rows, asOf)).toEqual({ due: 4, reported: 3, onTime: 2, late: 2, approved: 1, returned: 1 });
  });

  it('adds provinces by their counts, so a region pools them (never a mean of rates)', () => {
    const big = countReporting(rows, asOf); // 3 of 4 reported: 75 %
    const small = countReporting([{ period: NOV, status: null, firstSubmittedOn: null }], asOf); // 0 of 1: 0 %
    const region = addReporting(big, small);
    expect(region).toEqual({ due: 5, reported: 3, onTime: 2, late: 3, approved: 1, returned: 1 });
    expect(reportingRates(region)).toEqual({ completeness: 60, timeliness: 40 }); // not (75 + 0) / 2
  });

  it('has no rate when nothing was due', () => {
    expect(reportingRates(NO_REPORTING)).toEqual({ completeness: null, timeliness: null });
    expect(addReporting(NO_REPORTING, NO_REPORTING)).toEqual(NO_REPORTING);
  });
});
