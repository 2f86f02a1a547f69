import { langOf, message, MESSAGES } from './messages';

describe('langOf (Accept-Language)', () => {
  it.each([
    [undefined, 'th'],
    ['', 'th'],
    ['th-TH,th;q=0.9', 'th'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5,th;q=0.8', 'th'],
    ['th;q=0.3,en;q=0.7', 'en'],
    ['fr-FR,de;q=0.9', 'th'],
    ['fr-FR,en;q=0.2', 'en'],
  ])('%p → %s', (header, lang) => {
    expect(langOf(header)).toBe(lang);
  });
});

describe('MESSAGES', () => {
  it('has both languages, non-empty, for every key', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect([key, m.th.length > 0, m.en.length > 0]).toEqual([key, true, true]);
    }
    expect(message('access.denied', 'th')).toBe('คุณไม่มีสิทธิ์ดำเนินการนี้กับหน่วยงานนี้');
  });
});
