import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { dashboardDelivery } from './web-delivery';

/** A built dashboard in miniature whose main module routes `province/:code` to two lazy chunks. */
function buildDashboard(dir: string): string {
  const index =
    '<!doctype html><html><head><title>provdash</title></head><body><pd-root></pd-root>' +
    '<link rel="modulepreload" href="chunk-CORE0001.js"><script src="main-AB12CD34.js" type="module"></script></body></html>';
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(
    join(dir, 'main-AB12CD34.js'),
    'import"./chunk-CORE0001.js";var r=[{path:"province",loadChildren:()=>import("./chunk-SCORES01.js").then(e=>e.provinceRoutes)}];',
  );
  writeFileSync(join(dir, 'chunk-CORE0001.js'), 'export const core=1;');
  writeFileSync(
    join(dir, 'chunk-SCORES01.js'),
    'var p=[{path:":code",loadComponent:()=>import("./chunk-PROVPG01.js").then(e=>e.ProvincePage)}];export{p as provinceRoutes};',
  );
  writeFileSync(join(dir, 'chunk-PROVPG01.js'), 'import"./chunk-CORE0001.js";export const page=1;');
  return index;
}

describe("dashboard delivery: a screen's address names the screen's own chunks for the browser to fetch at once", () => {
  let dir: string;
  let index: string;
  let app: express.Express;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'provdash-preloads-'));
    index = buildDashboard(dir);
    app = express().use(dashboardDelivery(dir));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const preloadsOf = (html: string) =>
    [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

  it('adds the route and page chunks after the initial ones, revalidated, brotli for a browser that takes it', async () => {
    const res = await request(app)
      .get('/province/50')
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse((r, done) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => done(null, Buffer.concat(parts)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    // supertest has undone the Content-Encoding, as a browser does.
    const html = (res.body as Buffer).toString();
    expect(preloadsOf(html)).toEqual(['chunk-CORE0001.js', 'chunk-SCORES01.js', 'chunk-PROVPG01.js']);
    expect(html.indexOf('chunk-SCORES01.js')).toBeGreaterThan(html.indexOf('main-AB12CD34.js'));

    const again = await request(app).get('/province/96').set('If-None-Match', res.headers['etag']);
    expect(again.status).toBe(304);
  });

  it('sends index.html as it is where no route matches, and gzip or nothing to a browser without brotli', async () => {
    const plain = await request(app).get('/no-such-screen').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.text).toBe(index);

    const gz = await request(app).get('/province/50').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(preloadsOf(gz.text)).toEqual(['chunk-CORE0001.js', 'chunk-SCORES01.js', 'chunk-PROVPG01.js']);
    const none = await request(app).get('/province/50').set('Accept-Encoding', 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(preloadsOf(none.text)).toHaveLength(3);
  });
});
