import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const ESLINT = require.resolve('eslint/bin/eslint.js');

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints a would-be file of a project with that project's own config, in a child process exactly as
 * `npm run lint` runs ESLint (its flat config is an ES module, which Jest's sandbox cannot load).
 * Returns the messages of one rule.
 */
export function lintProbe(projectDir: string, file: string, code: string, ruleId: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: join(root, projectDir),
    input: code,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  // Outside an `nx` run, the boundaries rule may print a notice about the project graph first.
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: LintMessage[] }[];
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}
