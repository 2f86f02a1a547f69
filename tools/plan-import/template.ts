/**
 * Writes docs/samples/plan-import-template.xlsx: the plan import's documented layout with its
 * sample rows (apps/api/src/modules/kpis/plan-import/plan-template.ts, the same workbook the API
 * serves at GET /api/plan-import/template and the integration spec imports).
 *
 *   npm run plan-import:template
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { planTemplateWorkbook } from '../../apps/api/src/modules/kpis/plan-import/plan-template';

async function main(): Promise<void> {
  const out = resolve(__dirname, '../../docs/samples/plan-import-template.xlsx');
  await writeFile(out, Buffer.from(await planTemplateWorkbook().xlsx.writeBuffer()));
  console.log(`wrote ${out}`);
}

void main();
