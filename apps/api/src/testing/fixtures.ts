import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ActorClaims } from '../modules/access/actor';
import { runSeeds } from '../database/seeds/run-seeds';
import { DEMO_USERS } from '../database/seeds/demo/demo-users.seed';
import type { TestApp } from './test-app';

export type DemoActor =
  | 'admin'
  | 'analyst'
  | 'evaluator'
  | 'clusterC15'
  | 'governor50'
  | 'officer50'
  | 'approver50'
  | 'officer52';

const EMAILS: Record<DemoActor, string> = {
  admin: 'admin@demo.go.th',
  analyst: 'analyst@demo.go.th',
  evaluator: 'evaluator@demo.go.th',
  clusterC15: 'cluster.c15@demo.go.th',
  governor50: 'governor.50@demo.go.th',
  officer50: 'officer.50@demo.go.th',
  approver50: 'approver.50@demo.go.th',
  officer52: 'officer.52@demo.go.th',
};

/**
 * The day the integration specs' demo stands on: FY 2570 with October reported, FY 2567–2569
 * complete. Pinned, so what the specs arrange against (FY 2569's approved year, 2570's first month)
 * does not move with the day they run on; the demo's calendar itself is tested in demo-calendar.int-spec.ts.
 */
export const FIXTURE_DEMO_DAY = '2026-11-15';

export interface Fixture {
  tokens: Record<DemoActor, string>;
  userIds: Record<DemoActor, string>;
  /** KPI ids by "<province code>/<KPI code>", e.g. "50/K1.2.1". */
  kpis: Record<string, string>;
}

/**
 * The demo data and users on a test database, and a real access token for each demo user, signed
 * by the app's own JwtService exactly as sign-in does, each with a session of its own (sign-in itself is tested on its own, and its
 * rate limit would get in the way here).
 */
export async function seedFixture(t: TestApp): Promise<Fixture> {
  await runSeeds(t.dataSource, { demo: true, today: FIXTURE_DEMO_DAY });
  const users: { id: string; email: string; role: ActorClaims['role']; path: string; code: string }[] =
    await t.dataSource.query(
      `SELECT usr.id, usr.email, usr.role, u.path, u.code FROM app_user usr JOIN org_unit u ON u.id = usr.org_unit_id`,
    );
  const jwt = t.app.get(JwtService);
  const tokens = {} as Record<DemoActor, string>;
  const userIds = {} as Record<DemoActor, string>;
  for (const [actor, email] of Object.entries(EMAILS) as [DemoActor, string][]) {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo user ${email} missing (DEMO_USERS has ${DEMO_USERS.length})`);
    userIds[actor] = u.id;
    tokens[actor] = await jwt.signAsync({
      sub: u.id,
      role: u.role,
      scope: u.path,
      scopeCode: u.code,
      sid: await openSession(t, u.id),
    } satisfies ActorClaims);
  }
  const kpiRows: { id: string; key: string }[] = await t.dataSource.query(
    `SELECT k.id, u.code || '/' || k.code AS key FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id`,
  );
  return { tokens, userIds, kpis: Object.fromEntries(kpiRows.map((r) => [r.key, r.id])) };
}

/**
 * A live sign-in session of the user (a refresh token family, as sign-in creates one), so a token
 * naming it passes the revocation check. Returns its id, the token's `sid`.
 */
export async function openSession(t: TestApp, userId: string): Promise<string> {
  const sid = randomUUID();
  await t.dataSource.query(
    `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [userId, sid, randomBytes(32).toString('hex')],
  );
  return sid;
}

/** supertest with the actor's token (or none). */
export function as(t: TestApp, token: string | null) {
  const agent = request(t.app.getHttpServer());
  const auth = (r: request.Test) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  return {
    get: (url: string) => auth(agent.get(url)),
    put: (url: string) => auth(agent.put(url)),
    post: (url: string) => auth(agent.post(url)),
    patch: (url: string) => auth(agent.patch(url)),
    delete: (url: string) => auth(agent.delete(url)),
  };
}

export async function auditCount(t: TestApp): Promise<number> {
  const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
  return n;
}
