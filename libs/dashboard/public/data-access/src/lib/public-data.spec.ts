import { downloadUrl, recentFiscalYears } from './public-data';

describe('public data helpers', () => {
  it('builds download addresses with only the filters given', () => {
    expect(downloadUrl('/api/public/datasets/results', 'csv', {})).toBe('/api/public/datasets/results.csv');
    expect(downloadUrl('/api/public/datasets/results', 'xlsx', { fiscalYear: 2569, scope: '50' })).toBe(
      '/api/public/datasets/results.xlsx?fiscalYear=2569&scope=50',
    );
  });

  it('names fiscal years in B.E., the new year starting in October', () => {
    expect(recentFiscalYears(new Date('2026-09-30T00:00:00Z'))[0]).toBe(2569);
    expect(recentFiscalYears(new Date('2026-10-01T00:00:00Z'))[0]).toBe(2570);
  });
});
