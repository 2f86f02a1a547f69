import request from 'supertest';
import { bootTestApp, TestApp } from '../../testing/test-app';

describe('a kept screen answer goes out as its kept bytes (real PostgreSQL)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('the clusters answer: brotli or gzip by Accept-Encoding, one strong ETag while it stands, 304 when unchanged', async () => {
    const br = await http().get('/api/compare/clusters').set('Accept-Encoding', 'gzip, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    // Strong: the hash of the kept JSON, not Express's weak per-response tag.
    expect(br.headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(br.body.clusters).toHaveLength(18);

    const gz = await http().get('/api/compare/clusters').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['etag']).toBe(br.headers['etag']);
    expect(gz.body).toEqual(br.body);

    const plain = await http().get('/api/compare/clusters').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(br.body);

    const unchanged = await http().get('/api/compare/clusters').set('If-None-Match', br.headers['etag']);
    expect(unchanged.status).toBe(304);
  });

  it('a bad query is still a 400 with its message, not bytes', async () => {
    const res = await http().get('/api/compare/clusters?fiscalYear=abc');
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });
});
