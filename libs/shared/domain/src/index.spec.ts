import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as domain from './index';

describe('shared-domain public API', () => {
  it.each([
    'fiscalYearOf',
    'fiscalYearRange',
    'beToGregorian',
    'gregorianToBe',
    'parsePeriod',
    'formatPeriod',
    'periodRange',
    'periodsOfYear',
    'isPeriodDue',
    'periodsDueBy',
    'fractionOfYearElapsed',
    'periodLabel',
    'rollUp',
    'expectedTargetAsOf',
    'evaluateKpiStatus',
    'indicatorScore',
    'agreementScore',
    'validateAgreement',
    'disbursementRate',
    'disbursementTargetAsOf',
    'compareWithTarget',
    'rankByRate',
    'parseBahtToSatang',
    'formatDecimal',
  ])('exports %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  // API and dashboard both import this library; a framework or npm import would drag it into both.
  it('imports nothing but its own files', () => {
    const dir = join(__dirname, 'lib');
    const sources = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    expect(sources.length).toBeGreaterThan(0);
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8');
      const specifiers = [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
      expect(specifiers.filter((specifier) => !specifier.startsWith('./'))).toEqual([]);
    }
  });
});
