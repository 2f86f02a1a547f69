import { dirname } from 'node:path';
import { PDFParse } from 'pdf-parse';

/**
 * The text of a PDF, in content order, extracted in-process by pdf-parse (Mozilla pdf.js) — no
 * child process, so it runs wherever Jest does.
 *
 * pdf.js normally starts its worker with a dynamic `import()`, which Jest's CommonJS sandbox refuses
 * without --experimental-vm-modules. Handing it the worker's message handler on `globalThis`
 * (pdf.js's own hook for running without a worker) avoids that; Jest's ESM transform turns the
 * worker module into CommonJS (see jest.config.cts). The worker comes from the pdfjs-dist that
 * pdf-parse itself depends on, so versions always match.
 */
function installWorker(): void {
  const slot = globalThis as { pdfjsWorker?: unknown };
  if (slot.pdfjsWorker) return;
  const worker = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs', {
    paths: [dirname(require.resolve('pdf-parse'))],
  });
  slot.pdfjsWorker = require(worker);
}

export async function pdfText(data: Buffer): Promise<{ text: string; pages: number }> {
  installWorker();
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}
