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
for (const name of chosen) {
  console.log(`\n## ${name}\n`);
  require(join(__dirname, `${name}.bench.ts`));
}
