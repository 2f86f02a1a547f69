import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

/** A built dashboard in miniature, precompressed by the same script the build runs. */
function buildDashboard(dir: string): { index: string; chunk: string } {
  const index = `<!doctype html><html><head><title>provdash</title></head><body>${'<p>จังหวัด</p>'.repeat(200)}<script src="main-AB12CD34.js" type="module"></script></body></html>`;
  const chunk = `export const provinces = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `province-${i}`))};`;
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'main-AB12CD34.js'), chunk);
  mkdirSync(join(dir, 'i18n'));
  writeFileSync(join(dir, 'i18n', 'th.json'), JSON.stringify({ title: 'แดชบอร์ด'.repeat(300) }));
  // The service worker and its manifest (issue 21): unhashed names whose content changes with each build.
  writeFileSync(join(dir, 'ngsw-worker.js'), `/* service worker */ ${'self.addEventListener("fetch", () => {});'.repeat(60)}`);
  writeFileSync(join(dir, 'ngsw.json'), JSON.stringify({ configVersion: 1, hashTable: { '/index.html': 'x'.repeat(2000) } }));
  writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'แดชบอร์ดยุทธศาสตร์จังหวัด', start_url: '/' }));
  execFileSync(process.execPath, [resolve('tools/build/precompress.mjs'), dir]);
  return { index, chunk };
}

/** The body as bytes whatever its type; supertest has already undone the Content-Encoding, as a browser does. */
function raw(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => done(null, Buffer.concat(parts)));
  });
}

describe('delivery to phones: precompressed dashboard, cache headers, compressed JSON', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let dir: string;
  let built: { index: string; chunk: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'provdash-dashboard-'));
    built = buildDashboard(dir);
    db = await createTestDatabase();
    app = await createApp({ config: loadConfig({ NODE_ENV: 'test' }), databaseUrl: db.url, dashboardDir: dir });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never lets a phone keep an old service worker: ngsw-worker.js, ngsw.json and the manifest are revalidated', async () => {
    for (const [path, type] of [
      ['/ngsw-worker.js', /javascript/],
      ['/ngsw.json', /json/],
      ['/manifest.webmanifest', /manifest\+json/],
    ] as const) {
      const res = await raw(http().get(path).set('Accept-Encoding', 'gzip, br'));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(type);
    }
    const worker = await raw(http().get('/ngsw-worker.js').set('Accept-Encoding', 'br'));
    expect(worker.headers['content-encoding']).toBe('br');
    expect((worker.body as Buffer).toString()).toContain('service worker');
  });

  it('sends a fingerprinted chunk as the brotli copy made at build time, cached for a year as immutable', async () => {
    const res = await raw(http().get('/main-AB12CD34.js').set('Accept-Encoding', 'gzip, deflate, br'));
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((res.body as Buffer).toString()).toBe(built.chunk);
  });

  it('sends the gzip copy to a client without brotli, and the file itself to one that takes neither', async () => {
    const gz = await raw(http().get('/main-AB12CD34.js').set('Accept-Encoding', 'gzip, br;q=0'));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toContain('immutable');
    expect((gz.body as Buffer).toString()).toBe(built.chunk);

    const plain = await raw(http().get('/main-AB12CD34.js').set('Accept-Encoding', 'identity'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).toString()).toBe(built.chunk);
  });

  it('index.html (and every screen that falls back to it) is revalidated, never immutable', async () => {
    for (const path of ['/', '/index.html', '/province/50']) {
      const res = await raw(http().get(path).set('Accept-Encoding', 'br'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['cache-control']).not.toContain('immutable');
      expect((res.body as Buffer).toString()).toBe(built.index);
    }
    const first = await http().get('/').set('Accept-Encoding', 'gzip');
    const again = await http().get('/').set('Accept-Encoding', 'gzip').set('If-None-Match', first.headers['etag']);
    expect(again.status).toBe(304);
  });

  it('unhashed assets (translations) are revalidated; a missing asset is a 404, not the app page', async () => {
    const th = await raw(http().get('/i18n/th.json').set('Accept-Encoding', 'gzip'));
    expect(th.headers['cache-control']).toBe('no-cache');
    expect(th.headers['content-encoding']).toBe('gzip');
    expect(th.headers['content-type']).toMatch(/application\/json/);
    expect((await http().get('/chunk-MISSING1.js')).status).toBe(404);
  });

  it('compresses API JSON above the threshold and leaves small answers as they are', async () => {
    const big = await raw(http().get('/api/org-units/clusters').set('Accept-Encoding', 'gzip, br'));
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const directory = JSON.parse((big.body as Buffer).toString());
    expect(directory.clusters).toHaveLength(18);

    const gz = await raw(http().get('/api/org-units/clusters').set('Accept-Encoding', 'gzip'));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse((gz.body as Buffer).toString()).clusters).toHaveLength(18);

    const small = await http().get('/api/health/live').set('Accept-Encoding', 'gzip, br');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
