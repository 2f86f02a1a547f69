import type { AgreementScorecardDto } from '@provdash/shared/contracts';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer, startServer } from '../support/server';

/** Where a person can look at the rendered first page after a run. */
const PREVIEW = join(__dirname, '..', '..', '..', '..', 'dist', 'agreement-page-1.png');

/** Runs a poppler tool; a missing one fails the test with what to install, never skips it. */
function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} is not installed. The PDF render check needs Debian's poppler-utils: apt-get install poppler-utils`,
    );
  }
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Share of dark pixels in a binary PGM (P5, 8-bit), as `pdftoppm -gray` writes it. */
function inkOf(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/**
 * The agreement PDF as a person gets it from the production build: downloaded over HTTP, its first
 * page rendered by poppler (the same engine as most Linux PDF viewers) and its text read back. The
 * rendered page is kept at dist/agreement-page-1.png for a human look at the Thai typesetting.
 */
describe('PDFs from the production build', () => {
  const home = mkdtempSync(join(tmpdir(), 'provdash-e2e-pdf-'));
  chmodSync(home, 0o755);
  const work = join(home, 'out');
  mkdirSync(work);
  let server: RunningServer | undefined;
  const AS_OF = '2026-06-30';
  const query = `fiscalYear=2569&asOf=${AS_OF}`;

  beforeAll(async () => {
    server = await startServer(join(home, 'postgres'));
  });

  afterAll(async () => {
    await server?.interrupt();
    rmSync(home, { recursive: true, force: true });
  });

  it('renders page 1 with the Thai title, the province and the weighted score', async () => {
    const base = server?.baseUrl;
    const card = (await fetch(`${base}/api/org-units/50/agreement-scorecard?${query}`).then((r) =>
      r.json(),
    )) as AgreementScorecardDto;
    const res = await fetch(`${base}/api/org-units/50/agreement.pdf?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''`);
    const pdf = join(work, 'agreement.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));

    poppler('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'page-1')]);
    if (existsSync(join(PREVIEW, '..'))) copyFileSync(join(work, 'page-1.png'), PREVIEW);
    const png = readFileSync(join(work, 'page-1.png'));
    // A4 (595 × 842 pt) at 110 dpi is about 909 × 1286 pixels; a page of text compresses to tens of
    // kilobytes, a blank one to a few.
    const { width, height } = pngSize(png);
    expect(Math.abs(width - 909)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 1286)).toBeLessThanOrEqual(2);
    expect(png.length).toBeGreaterThan(40_000);

    poppler('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'ink')]);
    const ink = inkOf(readFileSync(join(work, 'ink.pgm')));
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);

    // -raw: content-stream order. The default layout mode regroups glyphs by position, and Sarabun
    // Bold's GPOS shifts some vowel marks right of their base, which splits bold words there.
    const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-']).normalize('NFKC');
    expect(text).toContain('คำรับรองการปฏิบัติราชการ'.normalize('NFKC'));
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. 2569'.normalize('NFKC'));
    expect(text).toContain('เชียงใหม่');

    const all = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
    expect(all).toContain(card.live.formatted as string);
  });

  it("renders page 1 of a province's monthly report with its Thai title", async () => {
    const base = server?.baseUrl;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'approver.50@demo.go.th', password: 'demo-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const made = await fetch(`${base}/api/provinces/50/monthly-reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ month: '2026-03' }),
    });
    expect(made.status).toBe(201);
    const { pdfUrl } = (await made.json()) as { pdfUrl: string };
    const res = await fetch(`${base}${pdfUrl}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = join(work, 'monthly-report.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));

    poppler('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'report-ink')]);
    const ink = inkOf(readFileSync(join(work, 'report-ink.pgm')));
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
    const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-']).normalize('NFKC');
    expect(text).toContain('รายงานผลการดำเนินงานประจำเดือนมีนาคม 2569'.normalize('NFKC'));
    expect(text).toContain('เชียงใหม่');
  });
});
