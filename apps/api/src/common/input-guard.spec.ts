import { isUnsafeText, jsonDepth, MAX_JSON_DEPTH, refuseDeepJson } from './input-guard';

describe('jsonDepth', () => {
  const depth = (text: string) => jsonDepth(Buffer.from(text));

  it('counts objects and arrays, not brackets inside strings', () => {
    expect(depth('1')).toBe(0);
    expect(depth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depth('{"a":"\\"[[[["}')).toBe(1);
  });

  it('stops counting early once past the limit', () => {
    expect(jsonDepth(Buffer.from('['.repeat(100_000)), 32)).toBe(33);
  });

  it('refuses a body nested deeper than the limit with a 400, and lets the deepest legitimate shape through', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => refuseDeepJson({} as never, undefined, Buffer.from(deep))).toThrow(
      expect.objectContaining({ key: 'validation.tooDeep', status: 400 }),
    );
    const agreement = JSON.stringify({ indicators: [{ levels: ['1', '2', '3', '4', '5'] }] });
    expect(() => refuseDeepJson({} as never, undefined, Buffer.from(agreement))).not.toThrow();
  });
});

describe('isUnsafeText', () => {
  it('finds NUL and lone surrogates, and lets whole characters (Thai, emoji) through', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('x\ud800@demo.go.th')).toBe(true);
    expect(isUnsafeText('\udc00')).toBe(true);
    expect(isUnsafeText('ผลการดำเนินงาน 😀')).toBe(false);
    expect(isUnsafeText('')).toBe(false);
  });
});
