import { lintProbe } from './lint-probe';

/** The messages of the module-boundaries rule for a would-be file of a project. */
async function lint(projectDir: string, file: string, code: string): Promise<string[]> {
  return lintProbe(projectDir, file, code, '@nx/enforce-module-boundaries');
}

describe('module boundaries (DESIGN.md §3), enforced by npm run lint', () => {
  it('libs/shared/domain may not import a framework', async () => {
    for (const pkg of ['@nestjs/common', '@angular/core', 'typeorm', 'rxjs']) {
      const messages = await lint(
        'libs/shared/domain',
        'src/lib/probe.ts',
        `import * as x from '${pkg}';\nexport const y = x;\n`,
      );
      expect(messages).toEqual([expect.stringContaining(`not allowed to import "${pkg}"`)]);
    }
  });

  it('the dashboard may not import from apps/api', async () => {
    const messages = await lint(
      'apps/dashboard',
      'src/app/probe.ts',
      `import { createApp } from '../../../api/src/bootstrap';\nexport const y = createApp;\n`,
    );
    expect(messages).toHaveLength(1);
  });

  it('a dashboard library may not import the api scope, the api may not import the dashboard', async () => {
    expect(
      await lint(
        'libs/dashboard/org-units/feature',
        'src/lib/probe.ts',
        `import { x } from '@provdash/dashboard/shared/i18n';\nexport const y = x;\n`,
      ),
    ).toEqual([]);
    const apiImportsDashboard = await lint(
      'apps/api',
      'src/probe.ts',
      `import { LanguageSwitch } from '@provdash/dashboard/shared/i18n';\nexport const y = LanguageSwitch;\n`,
    );
    expect(apiImportsDashboard).toEqual([expect.stringContaining('scope:api')]);
  });

  // Probed in the direction the code uses: contracts take the vocabulary's types from the domain
  // library, so a domain file importing contracts would be a cycle, refused for that reason alone.
  it('shared libraries may use each other', async () => {
    expect(
      await lint(
        'libs/shared/contracts',
        'src/lib/probe.ts',
        `import type { Rational } from '@provdash/shared/domain';\nexport type Y = Rational;\n`,
      ),
    ).toEqual([]);
  });
});

describe('dashboard layers (type:feature | data-access | ui | util), enforced by npm run lint', () => {
  const probe = (lib: string, importFrom: string) =>
    lint(lib, 'src/lib/probe.ts', `import * as x from '${importFrom}';\nexport const y = x;\n`);

  it('a feature library may not import another feature library', async () => {
    expect(await probe('libs/dashboard/scorecards/feature', '@provdash/dashboard/overview/feature')).toEqual([
      expect.stringContaining('type:feature'),
    ]);
  });

  it('a ui library may not import a data-access library', async () => {
    expect(await probe('libs/dashboard/scorecards/ui', '@provdash/dashboard/scorecards/data-access')).toEqual([
      expect.stringContaining('type:ui'),
    ]);
  });

  it('a data-access library may not import a ui or feature library', async () => {
    // projects/data-access: nothing under scorecards/ui leads back to it, so no cycle hides the layer rule.
    expect(await probe('libs/dashboard/projects/data-access', '@provdash/dashboard/scorecards/ui')).toEqual([
      expect.stringContaining('type:data-access'),
    ]);
  });

  it('a feature composes data-access, ui and util', async () => {
    for (const lib of [
      '@provdash/dashboard/scorecards/data-access',
      '@provdash/dashboard/scorecards/ui',
      '@provdash/dashboard/shared/i18n',
    ]) {
      expect(await probe('libs/dashboard/scorecards/feature', lib)).toEqual([]);
    }
  });
});
