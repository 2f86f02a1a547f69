import { DataSource, EntityManager } from 'typeorm';
import { seedDemoAgreements } from './demo/demo-agreements.seed';
import { DemoCalendar, demoCalendar } from './demo/demo-calendar';
import { seedDemoData } from './demo/demo-data.seed';
import { seedDemoProjects } from './demo/demo-projects.seed';
import { seedDemoUsers } from './demo/demo-users.seed';
import { seedReferenceData } from './reference-data.seed';

export interface SeedOptions {
  /** Demo content for a new user's first look; never on a production database. */
  demo: boolean;
  /**
   * The day the demo stands on (`YYYY-MM-DD`, Bangkok); today when absent. Tests pin it, so their
   * data does not move with the date they run on.
   */
  today?: string;
  /** Training: province codes seeded without a plan (DEMO_PROVINCES_WITHOUT_PLAN). */
  provincesWithoutPlan?: readonly string[];
  log?: (message: string) => void;
}

/** A seed that must run once per database; its name is recorded in `seed_run` in the same transaction. */
interface OnceSeed {
  name: string;
  run(manager: EntityManager, cal: DemoCalendar): Promise<void>;
}

const DEMO_SEEDS: OnceSeed[] = [
  { name: 'demo-strategy-maps-and-kpis', run: seedDemoData },
  { name: 'demo-users', run: seedDemoUsers },
  { name: 'demo-agreements', run: seedDemoAgreements },
  { name: 'demo-projects-and-disbursement', run: seedDemoProjects },
];

export async function runSeeds(dataSource: DataSource, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  await seedReferenceData(dataSource);
  if (!options.demo) return;
  const cal = demoCalendar({ today: options.today, provincesWithoutPlan: options.provincesWithoutPlan });
  if (cal.provincesWithoutPlan.length) {
    const found: { code: string }[] = await dataSource.query(
      `SELECT code FROM org_unit WHERE type = 'province' AND code = ANY($1)`,
      [[...cal.provincesWithoutPlan]],
    );
    const unknown = cal.provincesWithoutPlan.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length) throw new Error(`DEMO_PROVINCES_WITHOUT_PLAN: no province has the code ${unknown.join(', ')}`);
  }
  let seeded = false;
  for (const seed of DEMO_SEEDS) {
    await dataSource.transaction(async (m) => {
      // ON CONFLICT makes a second start, or a second instance starting at the same moment, a no-op.
      const claimed = await m.query(`INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name`, [
        seed.name,
      ]);
      if (!claimed.length) return;
      log(`Seeding ${seed.name} (as of ${cal.today}, FY ${cal.currentFy})…`);
      await seed.run(m, cal);
      seeded = true;
    });
  }
  // Tens of thousands of rows just arrived: without statistics the planner takes the national
  // read models' joins for tiny and nests them (half a second to seconds instead of about 50 ms)
  // until autovacuum gets round to analysing, minutes after the demo has opened.
  if (seeded) await dataSource.query('ANALYZE');
}
