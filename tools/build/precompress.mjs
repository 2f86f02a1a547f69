// Writes a brotli (.br) and a gzip (.gz) copy beside each compressible file of a built web app, at
// the strongest settings: done once at build time, so the server sends them without compressing
// per request (apps/api/src/common/web-delivery.ts picks one by Accept-Encoding).
// Usage: node tools/build/precompress.mjs <folder>
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.ico']);
/** Below this a compressed copy saves less than a packet and costs a header. */
const MIN_BYTES = 1024;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function compress(path) {
  const data = await readFile(path);
  const [brotli, gzipped] = await Promise.all([
    br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy no smaller than the original is not worth a Content-Encoding.
  if (brotli.length < data.length) await writeFile(`${path}.br`, brotli);
  if (gzipped.length < data.length) await writeFile(`${path}.gz`, gzipped);
  return { raw: data.length, br: Math.min(brotli.length, data.length), gz: Math.min(gzipped.length, data.length) };
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node tools/build/precompress.mjs <folder>');
  process.exit(2);
}
const todo = [];
for await (const path of files(root)) {
  if (COMPRESSIBLE.has(extname(path)) && (await stat(path)).size >= MIN_BYTES) todo.push(path);
}
const totals = { raw: 0, br: 0, gz: 0 };
// Two at a time: brotli at full quality keeps a core busy, and builds share the machine.
for (let i = 0; i < todo.length; i += 2) {
  for (const sizes of await Promise.all(todo.slice(i, i + 2).map(compress))) {
    for (const key of Object.keys(totals)) totals[key] += sizes[key];
  }
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `precompressed ${todo.length} files in ${relative(process.cwd(), root) || root}: ` +
    `${kib(totals.raw)} → br ${kib(totals.br)}, gzip ${kib(totals.gz)}`,
);
