import { DEFAULT_LANG, savedLang } from './i18n';

describe('savedLang', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('defaults to Thai', () => {
    expect(DEFAULT_LANG).toBe('th');
    expect(savedLang(storage(null))).toBe('th');
  });

  it('restores a saved supported language', () => {
    expect(savedLang(storage('en'))).toBe('en');
  });

  it('ignores an unsupported saved value', () => {
    expect(savedLang(storage('fr'))).toBe('th');
  });
});
