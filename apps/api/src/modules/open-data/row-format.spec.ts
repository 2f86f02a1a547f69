import { buildQuery, datasetOf } from './datasets';
import { csvLine, csvRow, jsonRow, typedRow, UTF8_BOM } from './row-format';

const columns = [
  { name: 'name', type: 'string' as const },
  { name: 'value', type: 'number' as const },
  { name: 'counted', type: 'boolean' as const },
];

describe('open-data row formats', () => {
  it('writes RFC 4180 CSV: quotes only where needed, empty for null, CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', null, 'x\ny'])).toBe('a,"b,c","say ""hi""",,"x\ny"\r\n');
    expect(UTF8_BOM).toBe('\uFEFF');
  });

  it('defuses text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvRow({ name: '=HYPERLINK("x")', value: '-5', counted: 'true' }, columns)).toBe(
      `"'=HYPERLINK(""x"")",-5,true\r\n`,
    );
    expect(csvRow({ name: 'ผลงานเป็นไปตามแผน', value: null, counted: null }, columns)).toBe('ผลงานเป็นไปตามแผน,,\r\n');
  });

  it('keeps decimal text exact in JSON and types values for the API', () => {
    expect(jsonRow({ name: 'ก', value: '12345678901234.56', counted: 'false' }, columns)).toBe(
      '{"name":"ก","value":12345678901234.56,"counted":false}',
    );
    expect(typedRow({ name: 'x', value: '3.7650', counted: 'true' }, columns)).toEqual({
      name: 'x',
      value: 3.765,
      counted: true,
    });
  });
});

describe('dataset queries', () => {
  it('select approved results only, whatever the filters', () => {
    const results = datasetOf('results');
    if (!results) throw new Error('no results dataset');
    const q = buildQuery(
      results,
      { fiscalYear: 2569, scopePath: 'TH/north/C15/50', kpiCode: 'K1.2.1' },
      { limit: 10, offset: 20 },
    );
    expect(q.sql).toContain(`r.status = 'approved'`);
    expect(q.params).toEqual(['TH/north/C15/50', 2569, 'K1.2.1', 10, 20]);
    expect(q.sql).not.toMatch(/submitted_by|approved_by|return_reason/);
  });

  it('never select a column that names a person', () => {
    for (const id of [
      'org-units',
      'plans',
      'kpis',
      'results',
      'targets',
      'agreement-scores',
      'projects',
      'disbursement',
    ]) {
      const d = datasetOf(id);
      expect(d?.columns.map((c) => c.sql).join(' ')).not.toMatch(
        /submitted_by|approved_by|evaluated_by|entered_by|app_user/,
      );
    }
  });
});
