import { strengthHint } from './password-strength';

const somchai = { email: 'somchai.jaidee@demo.go.th', displayName: 'สมชาย ใจดี' };

describe('strengthHint', () => {
  it('says what the server will refuse whatever else: too short, or the own name or e-mail', () => {
    expect(strengthHint('', somchai)).toBe('empty');
    expect(strengthHint('abc-def-ghi', somchai)).toBe('short');
    expect(strengthHint('somchai-river-lamp-42', somchai)).toBe('personal');
    expect(strengthHint('JAIDEE-river-lamp-42', somchai)).toBe('personal');
  });

  it('rates repetition weak and long varied phrases strong', () => {
    expect(strengthHint('abababababab', somchai)).toBe('weak');
    expect(strengthHint('aaaaaaaaaaaaaaaa', somchai)).toBe('weak');
    expect(strengthHint('violet-harbour-juniper-41', somchai)).toBe('strong');
    expect(strengthHint('bluemountain', null)).toBe('weak');
    expect(strengthHint('Bluemountain7', null)).toBe('fair');
  });
});
