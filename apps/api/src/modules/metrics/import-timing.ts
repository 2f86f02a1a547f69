import { HttpException } from '@nestjs/common';
import { channel } from 'node:diagnostics_channel';

export const IMPORT_CHANNEL = 'provdash:import';

export type ImportKind = 'gfmis' | 'kpi-results';
export type ImportOutcome = 'committed' | 'dry_run' | 'rejected' | 'failed';

export interface ImportTiming {
  kind: ImportKind;
  outcome: ImportOutcome;
  seconds: number;
}

const imports = channel(IMPORT_CHANNEL);

/**
 * Times an import method into `provdash_import_duration_seconds`. A decorator publishing on a
 * diagnostics channel, so an import service needs one line and no new constructor dependency;
 * the Metrics service subscribes. The outcome comes from the report's `dryRun` or from the error:
 * a 4xx (a rejected file) is the user's, anything else is ours.
 */
export function TimedImport(kind: ImportKind): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = async function (this: unknown, ...args: unknown[]) {
      const start = process.hrtime.bigint();
      const publish = (outcome: ImportOutcome) => {
        if (imports.hasSubscribers) {
          imports.publish({
            kind,
            outcome,
            seconds: Number(process.hrtime.bigint() - start) / 1e9,
          } satisfies ImportTiming);
        }
      };
      try {
        const report = await original.apply(this, args);
        publish((report as { dryRun?: boolean } | null)?.dryRun ? 'dry_run' : 'committed');
        return report;
      } catch (error) {
        publish(error instanceof HttpException && error.getStatus() < 500 ? 'rejected' : 'failed');
        throw error;
      }
    };
    return descriptor;
  };
}
