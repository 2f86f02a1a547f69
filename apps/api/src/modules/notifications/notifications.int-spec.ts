import { createECDH, createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, RequestListener, Server } from 'node:http';
import { createServer as createTlsServer, globalAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { as, Fixture, seedFixture } from '../../testing/fixtures';
import { bootTestApp, TestApp } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { pinClock } from '../../testing/pin-clock';
import { JOB_SCHEMA } from '../jobs/job-definitions';
import { Jobs } from '../jobs/jobs.service';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';

const TOURISM = '50/K1.2.1'; // Chiang Mai, tourism revenue (monthly)
const LINE_TOKEN = 'line-test-channel-access-token';
const LINE_SECRET = 'line-test-channel-secret';
/**
 * Ten in the morning in Bangkok, FY 2570: push and LINE wait out the quiet hours (22:00–07:00),
 * so a run in the evening must not see a held message as a lost one.
 */
const MORNING = new Date('2026-12-07T03:00:00Z');

/** A real SMTP server on a free port; every message it accepts, parsed back. */
async function startSmtp(): Promise<{ url: string; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A certificate for 127.0.0.1 made for the run (openssl): web-push speaks HTTPS only, as push
 * services do. The API's process trusts it through the default HTTPS agent, nothing else.
 */
function localCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'push-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A local server standing in for a push service (HTTPS) or LINE's API: it records each request and answers `status`. */
async function startRecorder(
  status = () => 201,
  tls?: { key: string; cert: string },
): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status(), { 'content-type': 'application/json' }).end('{}');
    });
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    got,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('notifications (real PostgreSQL, SMTP, push endpoint and LINE API)', () => {
  let t: TestApp;
  let f: Fixture;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let push: Awaited<ReturnType<typeof startRecorder>>;
  let line: Awaited<ReturnType<typeof startRecorder>>;

  beforeAll(async () => {
    pinClock(MORNING, { advancing: true });
    const tls = localCertificate();
    globalAgent.options.ca = [tls.cert];
    [smtp, push, line] = await Promise.all([startSmtp(), startRecorder(() => 201, tls), startRecorder(() => 200)]);
    t = await bootTestApp({
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Provdash <no-reply@provdash.test>',
        PUBLIC_URL: 'https://provdash.example.go.th',
        LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
        LINE_CHANNEL_SECRET: LINE_SECRET,
        LINE_API_BASE_URL: line.url,
      },
    });
    f = await seedFixture(t);
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([smtp.close(), push.close(), line.close()]);
    jest.useRealTimers();
  });

  const notificationsOf = async (userId: string, kind: string) =>
    (await t.dataSource.query(
      `SELECT id, title_th, title_en, body_th, link FROM notification WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
      [userId, kind],
    )) as { id: string; title_th: string; title_en: string; body_th: string; link: string }[];

  it('tells approvers a result waits, the officer it came back with the reason, and nobody who may not see it', async () => {
    const kpiId = f.kpis[TOURISM];
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M02'`, [kpiId]);
    const officer = as(t, f.tokens.officer50);
    const saved = await officer
      .put(`/api/kpis/${kpiId}/results/2570-M02`)
      .send({ value: '1', confirmOutlier: true, narrativeTh: 'ทดสอบ' });
    expect(saved.status).toBe(200);
    const submitted = await officer
      .post(`/api/kpis/${kpiId}/results/2570-M02/submit`)
      .send({ version: saved.body.version });
    expect(submitted.status).toBe(200);

    await waitFor(
      async () => (await notificationsOf(f.userIds.approver50, 'result.waiting')).length === 1,
      20_000,
      'waits-for-you',
    );
    const [waiting] = await notificationsOf(f.userIds.approver50, 'result.waiting');
    expect(waiting.title_th).toContain('รอคุณอนุมัติ');
    expect(waiting.link).toBe('/workspace');
    // A draft's submission is the province's: the governor is not an approver, the ministry may not see it.
    const [{ others }] = await t.dataSource.query(
      `SELECT count(*)::int AS others FROM notification WHERE kind = 'result.waiting' AND user_id <> ALL($1::uuid[])
       AND user_id IN (SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.code <> '50')`,
      [[f.userIds.approver50]],
    );
    expect(others).toBe(0);

    const returned = await as(t, f.tokens.approver50)
      .post(`/api/kpis/${kpiId}/results/2570-M02/return`)
      .send({ version: submitted.body.version, reason: 'ตัวเลขไม่ตรงกับรายงานของ ททท.' });
    expect(returned.status).toBe(200);
    await waitFor(
      async () => (await notificationsOf(f.userIds.officer50, 'result.returned')).length === 1,
      20_000,
      'returned',
    );
    const [back] = await notificationsOf(f.userIds.officer50, 'result.returned');
    expect(back.body_th).toBe('เหตุผล: ตัวเลขไม่ตรงกับรายงานของ ททท.');
    expect(await notificationsOf(f.userIds.analyst, 'result.returned')).toEqual([]);

    // The e-mail went through the real SMTP server: Thai subject, plain text and HTML, the absolute link.
    await waitFor(
      () => smtp.mails.some((m) => m.subject?.startsWith('ส่งกลับให้แก้ไข')),
      20_000,
      'the returned e-mail',
    );
    const mail = smtp.mails.find((m) => m.subject?.startsWith('ส่งกลับให้แก้ไข')) as ParsedMail;
    expect(mail.subject).toBe(back.title_th);
    expect(mail.text).toContain('เหตุผล: ตัวเลขไม่ตรงกับรายงานของ ททท.');
    expect(mail.text).toContain('https://provdash.example.go.th/workspace');
    expect(String(mail.html)).toContain('href="https://provdash.example.go.th/workspace"');
    expect(mail.from?.text).toContain('no-reply@provdash.test');
    expect(JSON.stringify(mail.to)).toContain('officer.50@demo.go.th');
  });

  it('shows the bell its list and unread count, marks read across devices through the person’s room', async () => {
    const me = as(t, f.tokens.officer50);
    const list = await me.get('/api/me/notifications').expect(200);
    expect(list.body.unread).toBeGreaterThanOrEqual(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'result.returned', readAt: null });
    const [{ seq: before }] = await t.dataSource.query(
      `SELECT COALESCE(max(seq), 0)::int AS seq FROM realtime_event WHERE room = $1`,
      [`user:${f.userIds.officer50}`],
    );
    const read = await me
      .post('/api/me/notifications/read')
      .send({ ids: [list.body.items[0].id] })
      .expect(200);
    expect(read.body.unread).toBe(list.body.unread - 1);
    const events = await t.dataSource.query(`SELECT event, payload FROM realtime_event WHERE room = $1 AND seq > $2`, [
      `user:${f.userIds.officer50}`,
      before,
    ]);
    expect(events).toEqual([
      { event: 'notification.read', payload: { ids: [list.body.items[0].id], unread: read.body.unread } },
    ]);
    // Someone else's id marks nothing of theirs.
    const other = await as(t, f.tokens.approver50).get('/api/me/notifications').expect(200);
    await me
      .post('/api/me/notifications/read')
      .send({ ids: [other.body.items[0].id] })
      .expect(200);
    expect((await as(t, f.tokens.approver50).get('/api/me/notifications').expect(200)).body.unread).toBe(
      other.body.unread,
    );
    await me
      .post('/api/me/notifications/read')
      .send({ ids: ['not-a-uuid'] })
      .expect(400);
  });

  it('keeps settings per kind and channel, versioned: a stale save is refused', async () => {
    const me = as(t, f.tokens.governor50);
    const s = await me.get('/api/me/notification-settings').expect(200);
    expect(s.body.available).toEqual({ inApp: true, email: true, push: true, line: true });
    expect(s.body.preferences['kpi.red']).toEqual({ email: true, push: true, line: true });
    const saved = await me
      .put('/api/me/notification-settings')
      .send({
        version: s.body.version,
        preferences: { 'monthlyReport.made': { email: false } },
        dailyDigest: false,
        locale: 'th',
      })
      .expect(200);
    expect(saved.body.preferences['monthlyReport.made']).toEqual({ email: false, push: true, line: true });
    expect(saved.body.version).toBe(s.body.version + 1);
    const stale = await me
      .put('/api/me/notification-settings')
      .send({ version: s.body.version, preferences: {}, dailyDigest: true, locale: 'en' })
      .expect(409);
    expect(stale.body.message).toBeTruthy();
    await me
      .put('/api/me/notification-settings')
      .send({
        version: saved.body.version,
        preferences: { 'no.such.kind': { email: true } },
        dailyDigest: false,
        locale: 'th',
      })
      .expect(400);
  });

  it('pushes an approval that turns a KPI red to the governor’s phone, encrypted (aes128gcm) with the subscription’s keys', async () => {
    const kpiId = f.kpis[TOURISM];
    // The governor's phone: a P-256 key pair and an auth secret, as a browser makes them.
    const phone = createECDH('prime256v1');
    phone.generateKeys();
    const auth = randomBytes(16);
    await as(t, f.tokens.governor50)
      .post('/api/me/push-subscriptions')
      .send({
        endpoint: `${push.url}/push/governor-phone`,
        keys: { p256dh: phone.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      })
      .expect(201);
    await t.dataSource.query(`UPDATE kpi_target SET target = 999999999 WHERE kpi_id = $1 AND fiscal_year = 2570`, [
      kpiId,
    ]);
    const officer = as(t, f.tokens.officer50);
    const current = await t.dataSource.query(
      `SELECT version FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M02'`,
      [kpiId],
    );
    const saved = await officer
      .put(`/api/kpis/${kpiId}/results/2570-M02`)
      .send({ value: '2', confirmOutlier: true, narrativeTh: 'แก้ไขแล้ว', version: current[0].version })
      .expect(200);
    const submitted = await officer
      .post(`/api/kpis/${kpiId}/results/2570-M02/submit`)
      .send({ version: saved.body.version })
      .expect(200);
    await as(t, f.tokens.approver50)
      .post(`/api/kpis/${kpiId}/results/2570-M02/approve`)
      .send({ version: submitted.body.version })
      .expect(200);

    await waitFor(() => push.got.length >= 1, 20_000, 'the push request');
    const sent = push.got[0];
    expect(sent.path).toBe('/push/governor-phone');
    expect(sent.headers['content-encoding']).toBe('aes128gcm');
    expect(String(sent.headers['authorization'])).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(Number(sent.headers['ttl'])).toBeGreaterThan(0);
    // Decrypted with the phone's private key and auth secret: the encryption is real.
    const keyid = sent.body.subarray(21, 21 + sent.body[20]);
    const plain = decrypt(sent.body, {
      version: 'aes128gcm',
      privateKey: phone,
      dh: keyid.toString('base64url'),
      authSecret: auth.toString('base64url'),
    });
    const payload = JSON.parse(plain.toString('utf8'));
    expect(payload.notification.title).toMatch(/^ตัวชี้วัดเป็นสีแดง: K1\.2\.1/);
    expect(payload.notification.data.url).toBe(`https://provdash.example.go.th/province/50/kpi/${kpiId}`);
    const [red] = await notificationsOf(f.userIds.governor50, 'kpi.red');
    expect(red.link).toBe(`/province/50/kpi/${kpiId}`);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT d.state FROM notification_delivery d WHERE d.notification_id = $1 AND d.channel = 'push'`,
            [red.id],
          )
        )[0]?.state === 'sent',
      10_000,
      'the push delivery marked sent',
    );
    // Ministry staff read approved data but are not the governor: the red light is not theirs to hear of here.
    expect(await notificationsOf(f.userIds.analyst, 'kpi.red')).toEqual([]);
  });

  it('holds a push told in the quiet hours until seven in the morning, Bangkok time; the bell and e-mail have it at once', async () => {
    // A night far ahead of the real clock: the job queue compares start_after with the database's own
    // time, so a night already past would release the held push at once.
    const lateEvening = new Date('2046-12-07T16:30:00Z'); // 23:30 in Bangkok
    const sentBefore = push.got.length;
    const [chiangMai] = await t.dataSource.query(`SELECT path FROM org_unit WHERE code = '50'`);
    const made = await t.app.get(NotificationsService).notify(
      [
        {
          kind: 'kpi.red',
          audience: { userIds: [f.userIds.governor50] },
          unit: { code: '50', type: 'province', path: chiangMai.path },
          visibility: 'approved',
          dedupeKey: 'kpi.red:quiet-hours-check',
          link: '/province/50',
          titleTh: 'ตัวชี้วัดเป็นสีแดง: ทดสอบช่วงเวลางดแจ้งเตือน',
          titleEn: 'KPI turned red: quiet hours check',
        },
      ],
      lateEvening,
    );
    expect(made).toBe(1);
    const [n] = await t.dataSource.query(
      `SELECT id FROM notification WHERE user_id = $1 AND dedupe_key = 'kpi.red:quiet-hours-check'`,
      [f.userIds.governor50],
    );
    const deliveries: { id: string; channel: string; state: string }[] = await t.dataSource.query(
      `SELECT id, channel, state FROM notification_delivery WHERE notification_id = $1 ORDER BY channel`,
      [n.id],
    );
    expect(deliveries.map((d) => d.channel)).toEqual(['email', 'push']);
    const held = deliveries.find((d) => d.channel === 'push') as (typeof deliveries)[number];
    expect(held.state).toBe('held');
    const email = deliveries.find((d) => d.channel === 'email') as (typeof deliveries)[number];
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT state FROM notification_delivery WHERE id = $1`, [email.id]))[0].state ===
        'sent',
      10_000,
      'the e-mail sent at once',
    );
    const [job] = await t.dataSource.query(
      `SELECT start_after FROM ${JOB_SCHEMA}.job WHERE name = 'notifications.deliver' AND singleton_key = $1`,
      [held.id],
    );
    expect(new Date(job.start_after).toISOString()).toBe('2046-12-08T00:00:00.000Z'); // 07:00 in Bangkok
    await new Promise((r) => setTimeout(r, 1000));
    expect(push.got.length).toBe(sentBefore);
  });

  it('links a LINE account once through the signed webhook and sends by the Messaging API as LINE documents it', async () => {
    const code = (await as(t, f.tokens.approver50).post('/api/me/line-link').expect(201)).body.code as string;
    const body = JSON.stringify({
      destination: 'Uprovdash',
      events: [
        {
          type: 'message',
          source: { type: 'user', userId: 'U1234567890abcdef1234567890abcdef' },
          message: { type: 'text', text: code },
        },
      ],
    });
    const server = request(t.app.getHttpServer());
    await server
      .post('/api/line/webhook')
      .set('content-type', 'application/json')
      .set('x-line-signature', 'forged')
      .send(body)
      .expect(401);
    const signature = createHmac('sha256', LINE_SECRET).update(body).digest('base64');
    const linked = await server
      .post('/api/line/webhook')
      .set('content-type', 'application/json')
      .set('x-line-signature', signature)
      .send(body)
      .expect(200);
    expect(linked.body).toEqual({ linked: 1 });
    expect((await as(t, f.tokens.approver50).get('/api/me/notification-settings').expect(200)).body.lineLinked).toBe(
      true,
    );

    // Something waits for the approver: LINE gets it.
    const kpiId = f.kpis[TOURISM];
    await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M01'`, [kpiId]);
    const officer = as(t, f.tokens.officer50);
    const saved = await officer
      .put(`/api/kpis/${kpiId}/results/2570-M01`)
      .send({ value: '1', confirmOutlier: true, narrativeTh: 'ทดสอบ' })
      .expect(200);
    await officer.post(`/api/kpis/${kpiId}/results/2570-M01/submit`).send({ version: saved.body.version }).expect(200);
    await waitFor(() => line.got.length >= 1, 20_000, 'the LINE request');
    const sent = line.got[0];
    expect(sent.path).toBe('/v2/bot/message/push');
    expect(sent.headers['authorization']).toBe(`Bearer ${LINE_TOKEN}`);
    expect(sent.headers['content-type']).toMatch(/^application\/json/);
    expect(sent.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
    const message = JSON.parse(sent.body.toString('utf8'));
    expect(message.to).toBe('U1234567890abcdef1234567890abcdef');
    expect(message.messages).toHaveLength(1);
    expect(message.messages[0].type).toBe('text');
    expect(message.messages[0].text).toContain('รอคุณอนุมัติ: K1.2.1');
    expect(message.messages[0].text).toContain('https://provdash.example.go.th/workspace');
  });

  it('retries a failed delivery on the scheduler and keeps it failed, visible to admins, after its retries', async () => {
    const jobs = t.app.get(Jobs);
    // A delivery of a notification to a channel that keeps failing: the push endpoint answers 500.
    const [n] = await t.dataSource.query(`SELECT id FROM notification WHERE user_id = $1 LIMIT 1`, [
      f.userIds.governor50,
    ]);
    const [d] = await t.dataSource.query(
      `INSERT INTO notification_delivery (notification_id, channel, state) VALUES ($1, 'push', 'pending')
       ON CONFLICT (notification_id, channel) DO UPDATE SET state = 'pending' RETURNING id`,
      [n.id],
    );
    await t.dataSource.query(`UPDATE push_subscription SET endpoint = $1 WHERE user_id = $2`, [
      'http://127.0.0.1:9/unreachable',
      f.userIds.governor50,
    ]);
    const id = await jobs.send('notifications.deliver', { deliveryId: d.id });
    // The queue's first retry waits retryDelay: the job goes to `retry`, not lost and not done.
    await waitFor(async () => (await jobs.state('notifications.deliver', String(id))) === 'retry', 30_000, 'a retry');
    const [after] = await t.dataSource.query(
      `SELECT state, attempts, last_error FROM notification_delivery WHERE id = $1`,
      [d.id],
    );
    expect(after.attempts).toBeGreaterThanOrEqual(1);
    expect(after.state).toBe('pending');
    expect(after.last_error).toMatch(/Web Push failed/);
    // The write that caused it was long done; admins see failures once retries are spent.
    await as(t, f.tokens.admin).get('/api/jobs/failed').expect(200);
  });

  it('runs the morning reminders once across two API instances', async () => {
    const second = await bootTestApp({
      sameDatabaseAs: t,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://provdash.example.go.th' },
    });
    try {
      // The owner of Chiang Mai's tourism KPI, with its November 2026 result missing: due on 12 December
      // (3 days before the deadline, 15 days after the month).
      const kpiId = f.kpis[TOURISM];
      await t.dataSource.query(`UPDATE kpi SET owner_user_id = $1 WHERE id = $2`, [f.userIds.officer50, kpiId]);
      await t.dataSource.query(`DELETE FROM kpi_result WHERE kpi_id = $1 AND period = '2570-M02'`, [kpiId]);
      const today = '2026-12-12';
      const expected = (await t.app.get(RemindersService).due(today)).filter((c) => c.audience.userIds?.[0]);
      expect(expected.some((c) => c.kind === 'result.due' && c.dedupeKey === `result.due:${kpiId}:2570-M02`)).toBe(
        true,
      );
      const mailsBefore = smtp.mails.length;

      // Both instances work the queue; the job is sent twice (two schedulers' ticks): each runs once, and tells once.
      const [a, b] = await Promise.all([
        t.app.get(Jobs).send('reminders.morning', { today }),
        second.app.get(Jobs).send('reminders.morning', { today }),
      ]);
      await waitFor(
        async () =>
          (await t.app.get(Jobs).state('reminders.morning', String(a))) === 'completed' &&
          (await second.app.get(Jobs).state('reminders.morning', String(b))) === 'completed',
        60_000,
        'both reminder jobs',
      );
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'result.due' AND dedupe_key = $1`,
        [`result.due:${kpiId}:2570-M02`],
      );
      expect(rows[0].n).toBe(1);
      const [{ total }] = await t.dataSource.query(
        `SELECT count(*)::int AS total FROM notification WHERE kind IN ('result.due', 'result.late')`,
      );
      expect(total).toBe(new Set(expected.map((c) => `${c.audience.userIds?.[0]}|${c.dedupeKey}`)).size);
      // One e-mail per reminder, however many instances ran.
      await waitFor(() => smtp.mails.length - mailsBefore >= 1, 20_000, 'the reminder e-mail');
      await new Promise((r) => setTimeout(r, 1500));
      const reminderMails = smtp.mails
        .slice(mailsBefore)
        .filter((m) => m.subject?.includes('K1.2.1') && m.subject?.startsWith('ใกล้ถึงกำหนดส่งผล'));
      expect(reminderMails).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 180_000);
});
