import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { routePreloads } from './route-preloads';

/** JSON smaller than this goes as it is: compressing it saves less than a packet. */
export const API_COMPRESSION_THRESHOLD = 1024;

/** A file name the build fingerprinted (`chunk-2NHAU4VT.js`, `media/sarabun-ABCD1234.woff2`): its content never changes. */
const FINGERPRINTED = /[-.][A-Z0-9]{8}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed assets (translations, icons): kept, but asked about again each time (304 when unchanged). */
const REVALIDATE = 'no-cache';

/** Precompressed copies the build writes beside a file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, path);
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The codings a client accepts (q > 0), from its Accept-Encoding header. */
function accepted(header: string | undefined): Set<string> {
  const codings = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) codings.add(name);
  }
  return codings;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io/');
}

/** index.html with a screen's preloads, made once per set of chunks: as is, brotli and gzip, and its tag. */
interface ScreenPage {
  etag: string;
  bodies: Record<'identity' | 'br' | 'gzip', Buffer>;
}

function screenPage(index: string, chunks: string[]): ScreenPage {
  const links = chunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('');
  // After the initial modules and main's script tag: those come first on a shared connection.
  const html = Buffer.from(index.replace('</body>', `${links}</body>`));
  return {
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
    bodies: {
      identity: html,
      br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(html, { level: constants.Z_BEST_COMPRESSION }),
    },
  };
}

/**
 * The built dashboard from the API's own origin: each file as the brotli or gzip copy made at build
 * time (tools/build/precompress.mjs) when the browser takes it, fingerprinted files cached for a
 * year as immutable, index.html revalidated on every visit. Any other GET that is not an API call
 * and names no file is a screen of the single-page app: index.html.
 */
export function dashboardDelivery(root: string): RequestHandler {
  const files = new Set(listFiles(root));
  const serve = express.static(root, { index: false, cacheControl: false, dotfiles: 'ignore', fallthrough: true });
  const preloads = routePreloads(root);
  const index = files.has('index.html') ? readFileSync(join(root, 'index.html'), 'utf8') : null;
  const pages = new Map<string, ScreenPage>();
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    const accepts = accepted(req.headers['accept-encoding']);
    if (!files.has(file)) {
      // A missing asset is a 404, not the app's page.
      if (extname(file)) return next();
      // A screen's address: the app's page, naming the screen's own chunks for the browser to fetch
      // alongside the initial ones.
      const chunks = index === null ? [] : preloads.forPath(file);
      if (index !== null && chunks.length) {
        const key = chunks.join(' ');
        const page = pages.get(key) ?? screenPage(index, chunks);
        pages.set(key, page);
        const coding = accepts.has('br') ? 'br' : accepts.has('gzip') ? 'gzip' : 'identity';
        res.vary('Accept-Encoding');
        res.type('html');
        res.setHeader('Cache-Control', REVALIDATE);
        res.setHeader('ETag', page.etag);
        if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
        if (req.headers['if-none-match'] === page.etag) return void res.status(304).end();
        return void res.send(page.bodies[coding]);
      }
      file = 'index.html';
    }
    const encoding = ENCODINGS.find((e) => accepts.has(e.name) && files.has(file + e.suffix));
    res.vary('Accept-Encoding');
    res.type(extname(file));
    res.setHeader('Cache-Control', FINGERPRINTED.test(file) ? IMMUTABLE : REVALIDATE);
    if (encoding) res.setHeader('Content-Encoding', encoding.name);
    req.url = '/' + encodeURI(file + (encoding?.suffix ?? ''));
    serve(req, res, next);
  };
}

/**
 * API answers compressed (brotli where the client takes it, else gzip) above the threshold. What the
 * dashboard delivery already sent encoded is left alone (the middleware skips a set Content-Encoding).
 */
export function apiCompression(): RequestHandler {
  return compression({ threshold: API_COMPRESSION_THRESHOLD });
}
