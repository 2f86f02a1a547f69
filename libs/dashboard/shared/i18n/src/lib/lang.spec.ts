import { localName } from './lang';

describe('localName', () => {
  const unit = { nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai' };

  it('reads the name in the asked language', () => {
    expect(localName(unit, 'th')).toBe('เชียงใหม่');
    expect(localName(unit, 'en')).toBe('Chiang Mai');
  });

  it('falls back to Thai when the English name is blank or missing', () => {
    expect(localName({ nameTh: 'ประเด็นใหม่', nameEn: '' }, 'en')).toBe('ประเด็นใหม่');
    expect(localName({ nameTh: 'ประเด็นใหม่', nameEn: null }, 'en')).toBe('ประเด็นใหม่');
    expect(localName({ nameTh: 'ประเด็นใหม่' }, 'en')).toBe('ประเด็นใหม่');
  });

  it('names nothing as an empty string', () => {
    expect(localName(null, 'th')).toBe('');
    expect(localName(undefined, 'en')).toBe('');
  });
});
