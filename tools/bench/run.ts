/** `npm run bench -- <name>` runs tools/bench/<name>.bench.ts; with no name, every benchmark in turn. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const wanted = process.argv[2];
const all = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const chosen = wanted ? all.filter((n) => n === wanted) : all;
if (!chosen.length) {
  console.error(`No benchmark "${wanted}". Available: ${all.join(', ')}`);
  process.exit(2);
}
/** One at a time: two benchmarks sharing two cores would measure each other. */
async function main(): Promise<void> {
  for (const name of chosen) {
    console.log(`\n## ${name}\n`);
    const bench = require(join(__dirname, `${name}.bench.ts`)) as { default: () => Promise<void> };
    await bench.default();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
