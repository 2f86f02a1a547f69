import {
  directivesUrl,
  directiveTone,
  issueDirectiveLink,
  mayIssueDirectives,
  mayReadDirectives,
} from './directives.api';

describe('directives data access', () => {
  it('builds the page query, leaving out what is not asked', () => {
    expect(directivesUrl({ unit: '30' })).toBe('/api/directives?unit=30');
    expect(directivesUrl({ unit: '30', show: 'all' })).toBe('/api/directives?unit=30');
    expect(directivesUrl({ unit: '30', show: 'overdue', mine: true })).toBe(
      '/api/directives?unit=30&show=overdue&mine=true',
    );
    expect(directivesUrl({ unit: '31', kpiId: 'k-1' })).toBe('/api/directives?unit=31&kpiId=k-1');
  });

  it('leads "issue a directive" to the follow-up form with its source', () => {
    expect(issueDirectiveLink('30', { kpiId: 'k-1', projectId: undefined })).toEqual({
      commands: ['/follow-up', 'new'],
      queryParams: { unit: '30', kpiId: 'k-1' },
    });
  });

  it('colours a directive: overdue red before anything else, closed grey', () => {
    expect(directiveTone('in_progress', true)).toBe('red');
    expect(directiveTone('closed', true)).toBe('grey');
    expect(directiveTone('close_requested', false)).toBe('green');
    expect(directiveTone('returned', false)).toBe('amber');
    expect(directiveTone('acknowledged', false)).toBe('blue');
  });

  it('shows the screens to the province people and the issuing to the governor', () => {
    expect(mayIssueDirectives('governor')).toBe(true);
    expect(mayIssueDirectives('province_officer')).toBe(false);
    expect(mayReadDirectives('province_officer')).toBe(true);
    expect(mayReadDirectives('central_analyst')).toBe(false);
    expect(mayReadDirectives(null)).toBe(false);
  });
});
