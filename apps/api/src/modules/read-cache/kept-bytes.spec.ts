import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bytesIn, codingFor, encodedJson } from './kept-bytes';

describe('kept bytes of a kept answer', () => {
  const answer = { provinces: Array.from({ length: 200 }, (_, i) => ({ code: String(i), name: `จังหวัด ${i}` })) };

  it('serialises and compresses a kept answer once: the same object gets the same buffers back', () => {
    const first = encodedJson(answer);
    const again = encodedJson(answer);
    expect(again).toBe(first);
    expect(first.identity.toString()).toBe(JSON.stringify(answer));
    expect(first.etag).toMatch(/^"[\w-]+"$/);

    const br = bytesIn(first, 'br');
    expect(bytesIn(again, 'br')).toBe(br);
    expect(JSON.parse(brotliDecompressSync(br).toString())).toEqual(answer);
    const gz = bytesIn(first, 'gzip');
    expect(bytesIn(again, 'gzip')).toBe(gz);
    expect(JSON.parse(gunzipSync(gz).toString())).toEqual(answer);
  });

  it('a new answer object with other content gets its own bytes and ETag', () => {
    const other = { provinces: answer.provinces.slice(1) };
    expect(encodedJson(other).etag).not.toBe(encodedJson(answer).etag);
  });

  it('picks brotli, then gzip, by Accept-Encoding, and leaves small answers uncompressed', () => {
    expect(codingFor('gzip, deflate, br', 5000)).toBe('br');
    expect(codingFor('gzip, br;q=0', 5000)).toBe('gzip');
    expect(codingFor('identity', 5000)).toBe('identity');
    expect(codingFor(undefined, 5000)).toBe('identity');
    expect(codingFor('gzip, br', 100)).toBe('identity');
  });
});
