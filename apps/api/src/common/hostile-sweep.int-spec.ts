import request from 'supertest';
import { DomainEventBus } from './domain-events/domain-event-bus';
import { Fixture, seedFixture } from '../testing/fixtures';
import {
  DEEP_JSON,
  HOSTILE_TEXT,
  hostileFor,
  leavesOf,
  OpenApiDocument,
  Operation,
  operationsOf,
  sampleOf,
  urlOf,
  withLeaf,
} from '../testing/hostile-sweep';
import { bootTestApp, TestApp } from '../testing/test-app';

/**
 * Every operation of the OpenAPI document × (no token, a low-privilege token, each hostile value
 * class of issue 17 in each path parameter, query parameter and body field, deep JSON): no answer
 * is a 5xx, and a refused request (4xx) leaves every table as it was. A new route or field is swept
 * without being listed here. Failures name the operation, the place and the value class.
 */
describe('hostile-input sweep of every route (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    doc = (await request(t.app.getHttpServer()).get('/api/docs-json')).body;
    // Every row written is counted, by table, in the same transaction as the write: a refused request
    // must leave the counts as they were (a write it rolled back leaves no count either).
    await t.dataSource.query(`
      CREATE TABLE sweep_writes (tbl text PRIMARY KEY, n bigint NOT NULL);
      CREATE FUNCTION sweep_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO sweep_writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (tbl) DO UPDATE SET n = sweep_writes.n + 1;
        RETURN NULL;
      END $$;
      DO $$
      DECLARE t record;
      BEGIN
        -- socket_io_attachments is the Socket.IO adapter's transport: it holds a large batch of an
        -- earlier accepted request's live events on their way to the other instances, and is cleaned
        -- on the adapter's own timer; no request writes it.
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                   AND tablename NOT IN ('sweep_writes', 'socket_io_attachments') LOOP
          -- The outbox relay marks and prunes realtime events on its own timer, after an earlier accepted
          -- request: only a new event there would be this request's doing.
          EXECUTE format(
            'CREATE TRIGGER sweep_count AFTER %s ON %I FOR EACH ROW EXECUTE FUNCTION sweep_count()',
            CASE WHEN t.tablename = 'realtime_event' THEN 'INSERT' ELSE 'INSERT OR UPDATE OR DELETE' END,
            t.tablename
          );
        END LOOP;
      END $$;
    `);
  }, 120_000);

  afterAll(() => t?.close());

  async function fingerprint(): Promise<Record<string, string>> {
    const rows: { tbl: string; n: string }[] = await t.dataSource.query(`SELECT tbl, n::text AS n FROM sweep_writes`);
    return Object.fromEntries(rows.map((r) => [r.tbl, r.n]));
  }

  /** A real row behind each path parameter, so requests get past "not found" to the validators and queries. */
  async function pathValues(): Promise<Record<string, Record<string, string>>> {
    const one = async (sql: string): Promise<string> => {
      const rows: { v: string }[] = await t.dataSource.query(sql);
      return rows[0]?.v ?? '00000000-0000-4000-8000-000000000000';
    };
    const [tplInd, agreementId, agrIndicator, commentId, projectId, riskId, batchId, reportId] = await Promise.all([
      t.dataSource.query(`SELECT id::text AS id, template_id::text AS tpl FROM agreement_template_indicator LIMIT 1`),
      one(`SELECT id::text AS v FROM agreement ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM agreement_indicator ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM kpi_comment ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM project ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM risk ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM disbursement_batch ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM monthly_report ORDER BY id LIMIT 1`),
    ]);
    const [planId, issueId, goalId, strategyId, goalCode] = await Promise.all([
      one(`SELECT id::text AS v FROM plan ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM strategic_issue ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM goal ORDER BY id LIMIT 1`),
      one(`SELECT id::text AS v FROM strategy ORDER BY id LIMIT 1`),
      one(`SELECT code AS v FROM goal ORDER BY id LIMIT 1`),
    ]);
    const common: Record<string, string> = {
      kpiId: f.kpis['50/K1.2.1'],
      code: '50',
      period: '2570-M02',
      templateId: tplInd[0]?.tpl,
      agreementId,
      commentId,
      projectId,
      riskId,
      batchId,
      reportId,
      format: 'pdf',
      planId,
      issueId,
      goalId,
      effectGoalId: goalId,
      strategyId,
      goalCode,
      kpiCode: 'K1.2.1',
      // A user none of the tokens below belongs to: a PATCH may disable it.
      id: f.userIds.analyst,
      round: '6',
      fiscalYear: '2569',
      budgetType: 'capital',
      dataset: 'results',
      file: 'results.csv',
    };
    return {
      common,
      '/api/agreement-templates/': { ...common, indicatorId: tplInd[0]?.id },
      '/api/agreement-indicators/': { ...common, indicatorId: agrIndicator, period: '2569-H1' },
      '/api/projects/': { ...common, period: '2569-M03' },
    };
  }

  it('answers no 5xx and writes nothing when it refuses', async () => {
    const started = Date.now();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    const values = await pathValues();
    const valuesFor = (op: Operation) =>
      Object.entries(values).find(([prefix]) => prefix !== 'common' && op.path.startsWith(prefix))?.[1] ??
      values.common;

    const failures: string[] = [];
    let sent = 0;
    let before = await fingerprint();

    const send = async (
      label: string,
      op: Operation,
      token: string | null,
      parts: { path?: Record<string, string>; query?: Record<string, string>; body?: unknown; raw?: string },
    ): Promise<number> => {
      const url = urlOf(op, { ...valuesFor(op), ...parts.path }, parts.query ?? {});
      let req = request(t.app.getHttpServer())[op.method](url);
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      if (parts.raw !== undefined) req = req.set('Content-Type', 'application/json').send(parts.raw);
      else if (parts.body !== undefined) req = req.send(parts.body as object);
      const res = await req;
      // What the request set off after its commit (notifications) belongs to it, not to the next one.
      await t.app.get(DomainEventBus).idle();
      sent++;
      const after = await fingerprint();
      if (res.status >= 500) {
        failures.push(`${res.status} ${op.method.toUpperCase()} ${op.path} ${label}: ${JSON.stringify(res.body)}`);
      } else if (res.status >= 400) {
        const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
        if (changed.length) {
          failures.push(
            `${res.status} ${op.method.toUpperCase()} ${op.path} ${label} refused but changed ${changed.join(', ')}`,
          );
        }
      }
      before = after;
      return res.status;
    };

    // Logout revokes the caller's session: last, so it cannot pull the rug from the other requests.
    const ordered = [...ops].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    for (const op of ordered) {
      const query = Object.fromEntries(
        op.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(doc, q.schema))]),
      );
      const body = op.body ? sampleOf(doc, op.body) : undefined;

      await send('without a token', op, null, { query, body });
      await send('as an officer of another province', op, f.tokens.officer52, { query, body });

      // The first token the access rule lets through carries the hostile values to the validators and queries.
      let token = f.tokens.admin;
      for (const candidate of [f.tokens.admin, f.tokens.officer50, f.tokens.approver50]) {
        token = candidate;
        const status = await send('baseline', op, candidate, { query, body });
        if (status !== 401 && status !== 403) break;
      }

      if (op.body) await send('deep JSON', op, null, { raw: DEEP_JSON });
      for (const name of op.pathParams) {
        for (const hostile of HOSTILE_TEXT) {
          await send(`${hostile.name} in path {${name}}`, op, token, { path: { [name]: hostile.value }, query, body });
        }
      }
      for (const q of op.query) {
        for (const hostile of hostileFor(undefined, q.schema)) {
          const value = String(hostile.value);
          await send(`${hostile.name} in query ${q.name}`, op, token, { query: { ...query, [q.name]: value }, body });
        }
      }
      if (body !== undefined) {
        for (const leaf of leavesOf(body)) {
          const sample = leaf.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
          for (const hostile of hostileFor(sample)) {
            await send(`${hostile.name} in body ${leaf.join('.') || '(whole body)'}`, op, token, {
              query,
              body: withLeaf(body, leaf, hostile.value),
            });
          }
        }
      }
    }

    // Printed so a run shows its size and cost (the issue asks for it to stay within a few minutes).
    console.log(
      `hostile sweep: ${ops.length} operations, ${sent} requests, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(failures).toEqual([]);
  }, 900_000);
});
