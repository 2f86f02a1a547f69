import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintProbe } from './lint-probe';

const root = join(__dirname, '..', '..');
const RULE = 'no-restricted-imports';
const refused = expect.stringContaining('A writer imports no reactor');

/** docs/architecture.md, "Writers and reactors": apps/api/eslint.config.mjs keeps writers blind to reactors. */
describe('a writer imports no reactor, enforced by npm run lint', () => {
  it('refuses a writer service that imports the outbox, the socket gateway or a reactor', () => {
    const writer = readFileSync(join(root, 'apps/api/src/modules/kpis/kpi-results.service.ts'), 'utf8');
    const file = 'src/modules/kpis/kpi-results.service.ts';
    expect(lintProbe('apps/api', file, writer, RULE)).toEqual([]);
    for (const reactor of [
      `import { Outbox } from '../realtime/outbox.service';`,
      `import { RealtimeGateway } from '../realtime/realtime.gateway';`,
      `import { AgreementScoresReactor } from '../agreements/agreement-scores.reactor';`,
      `import { KpiLiveReactor } from './kpi-live.reactor';`,
    ]) {
      expect(lintProbe('apps/api', file, `${reactor}\n${writer}`, RULE)).toEqual([refused]);
    }
  });

  it('refuses it in any module file: a controller, a subscriber, an import service', () => {
    for (const file of [
      'src/modules/projects/projects.controller.ts',
      'src/modules/strategy/definition-events.subscriber.ts',
      'src/modules/projects/import/disbursement-import.service.ts',
    ]) {
      const code = `import { Outbox } from '../../realtime/outbox.service';\nexport const x = Outbox;\n`;
      expect(lintProbe('apps/api', file, code, RULE)).toEqual([refused]);
    }
  });

  it('lets a reactor use the outbox and the read models', () => {
    const code =
      `import { Outbox } from '../realtime/outbox.service';\n` +
      `import { ScorecardsService } from '../scorecards/scorecards.service';\nexport const x = [Outbox, ScorecardsService];\n`;
    expect(lintProbe('apps/api', 'src/modules/kpis/kpi-live.reactor.ts', code, RULE)).toEqual([]);
  });
});
