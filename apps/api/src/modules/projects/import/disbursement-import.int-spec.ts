import type {
  ClientToServerEvents,
  DisbursementBatchImportedEvent,
  DisbursementImportProgressEvent,
  JoinAck,
  Live,
  ServerToClientEvents,
} from '@provdash/shared/contracts';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { as, DemoActor, Fixture, seedFixture } from '../../../testing/fixtures';
import { bootTestApp, TestApp } from '../../../testing/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const FY = 2569;
const HEADER = 'รหัสโครงการ,เดือน,เลขที่เอกสาร,ลำดับรายการ,ก่อหนี้ผูกพัน (PO),เบิกจ่าย';
const csv = (...lines: string[]) => Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
const sample = (name: string) => readFileSync(join(__dirname, '../../../../../../docs/samples', name));

describe('GFMIS disbursement import (real PostgreSQL, real sockets)', () => {
  let t: TestApp;
  let f: Fixture;
  let url: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  async function connect(who: DemoActor): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: f.tokens[who] },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const join = (socket: ClientSocket, room: string) =>
    socket.timeout(5000).emitWithAck('join', { room } as never) as Promise<JoinAck>;

  const upload = (file: Buffer, name: string, query = '', who: DemoActor = 'officer50') =>
    as(t, f.tokens[who])
      .post(`/api/provinces/50/disbursement-imports?fiscalYear=${FY}${query}`)
      .attach('file', file, name);
  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];
  const counts = () =>
    one(
      `SELECT (SELECT count(*)::int FROM disbursement) AS rows, (SELECT count(*)::int FROM disbursement_batch) AS batches,
              (SELECT count(*)::int FROM audit_event) AS audits`,
    );
  /** GFMIS totals of Chiang Mai's FY 2569 projects from imported rows, per month: the read models' input. */
  const imported = (document: string) =>
    t.dataSource.query(
      `SELECT to_char(d.month, 'YYYY-MM-DD') AS month, sum(d.committed)::text AS committed, sum(d.disbursed)::text AS disbursed,
              count(*)::int AS n
         FROM disbursement d JOIN project p ON p.id = d.project_id JOIN org_unit u ON u.id = p.org_unit_id
        WHERE u.code = '50' AND p.fiscal_year = $1 AND d.source_document LIKE $2
        GROUP BY d.month ORDER BY d.month`,
      [FY, document],
    );

  it('the samples in docs/samples are valid files, and a dry run previews them writing nothing', async () => {
    const before = await counts();
    const monthly = await upload(sample('gfmis-monthly.csv'), 'gfmis-monthly.csv', '&dryRun=true');
    expect(monthly.status).toBe(200);
    expect(monthly.body).toMatchObject({
      dryRun: true,
      unchanged: false,
      batchId: null,
      layout: 'monthly',
      rows: 6,
      lines: 6,
      totalCommitted: '1792500.00',
      totalDisbursed: '1025000.50',
      errors: [],
    });
    expect(monthly.body.months).toEqual([
      { month: '2025-10-01', rows: 1, committed: '1250000.00', disbursed: '0.00' },
      { month: '2025-11-01', rows: 3, committed: '92500.00', disbursed: '467500.00' },
      { month: '2025-12-01', rows: 1, committed: '0.00', disbursed: '437500.50' },
      { month: '2026-01-01', rows: 1, committed: '450000.00', disbursed: '120000.00' },
    ]);
    const tx = await upload(sample('gfmis-transactions.csv'), 'gfmis-transactions.csv', '&dryRun=true');
    expect(tx.status).toBe(200);
    expect(tx.body).toMatchObject({ layout: 'transactions', rows: 5, lines: 4, totalDisbursed: '440000.25' });
    expect(tx.body.months[1]).toEqual({ month: '2025-11-01', rows: 2, committed: '0.00', disbursed: '300000.00' });
    expect(await counts()).toEqual(before);
  });

  it('a good CSV commits in one batch with one audit row; progress goes to the uploader, the news to the province room', async () => {
    const uploader = await connect('officer50');
    const governor = await connect('governor50');
    const lampang = await connect('officer52');
    expect(await join(governor, 'province:50')).toMatchObject({ ok: true, room: 'province:50' });
    expect(await join(lampang, 'province:50')).toEqual({ ok: false, error: 'forbidden' });
    expect(await join(lampang, 'province:52')).toMatchObject({ ok: true, room: 'province:52' });
    // Nobody may listen in on another user's progress.
    expect(await join(lampang, `user:${f.userIds.officer50}`)).toEqual({ ok: false, error: 'forbidden' });

    const progress: DisbursementImportProgressEvent[] = [];
    const othersProgress: DisbursementImportProgressEvent[] = [];
    uploader.on('disbursement-import.progress', (e) => progress.push(e));
    governor.on('disbursement-import.progress', (e) => othersProgress.push(e));
    const lampangNews: Live<DisbursementBatchImportedEvent>[] = [];
    lampang.on('disbursement-batch.imported', (e) => lampangNews.push(e));
    const news = new Promise<Live<DisbursementBatchImportedEvent>>((resolve) =>
      governor.once('disbursement-batch.imported', resolve),
    );

    const before = await counts();
    const uploadId = randomUUID();
    const res = await upload(sample('gfmis-monthly.csv'), 'gfmis-monthly.csv', `&uploadId=${uploadId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, unchanged: false, uploadId, rows: 6, lines: 6 });
    const batchId = res.body.batchId;
    expect(batchId).toEqual(expect.any(String));

    const after = await counts();
    expect(after).toEqual({ rows: before.rows + 6, batches: before.batches + 1, audits: before.audits + 1 });
    const audit = await one(
      `SELECT entity, entity_id, action, user_id FROM audit_event ORDER BY at DESC, id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      entity: 'disbursement_batch',
      entity_id: batchId,
      action: 'insert',
      user_id: f.userIds.officer50,
    });
    expect(
      await one(
        `SELECT status, rows, total_committed, total_disbursed, created_by, file_name FROM disbursement_batch WHERE id = $1`,
        [batchId],
      ),
    ).toEqual({
      status: 'committed',
      rows: 6,
      total_committed: '1792500.00',
      total_disbursed: '1025000.50',
      created_by: f.userIds.officer50,
      file_name: 'gfmis-monthly.csv',
    });
    expect((await one(`SELECT count(*)::int AS n FROM disbursement WHERE source_batch_id = $1`, [batchId])).n).toBe(6);

    const event = await news;
    expect(event).toMatchObject({ room: 'province:50', seq: expect.any(Number) });
    expect(event.data).toMatchObject({
      batchId,
      rolledBack: false,
      orgUnitCode: '50',
      fiscalYear: FY,
      rows: 6,
      months: ['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01'],
      totalCommitted: '1792500.00',
      totalDisbursed: '1025000.50',
    });
    // The province's new rate, as the disbursement summary now reports it: no refetch needed.
    const summary = (await as(t, f.tokens.governor50).get(`/api/org-units/50/disbursement?fiscalYear=${FY}`)).body;
    expect(event.data.rates).toEqual([
      expect.objectContaining({
        orgUnitCode: '50',
        total: expect.objectContaining({ disbursed: summary.total.disbursed, rate: summary.total.rate }),
      }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(lampangNews).toEqual([]);
    expect(othersProgress).toEqual([]);
    const mine = progress.filter((e) => e.uploadId === uploadId);
    expect([...new Set(mine.map((e) => e.phase))]).toEqual(['parsing', 'validating', 'writing', 'done']);
    expect(mine[mine.length - 1]).toEqual({ batchId, uploadId, phase: 'done', done: 6, total: 6 });
    expect(mine.filter((e) => e.phase === 'writing').every((e) => e.batchId === batchId)).toBe(true);
    // At most one event per 5 % step of each phase.
    for (const phase of ['parsing', 'validating', 'writing', 'done']) {
      expect(mine.filter((e) => e.phase === phase).length).toBeLessThanOrEqual(21);
    }
  });

  it('the same file again changes nothing', async () => {
    const before = await counts();
    const res = await upload(sample('gfmis-monthly.csv'), 'copy-of-gfmis-monthly.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unchanged: true, lines: 0, rows: 6 });
    expect(await counts()).toEqual(before);
  });

  it('an overlapping file replaces the lines it shares instead of counting them twice', async () => {
    const first = await upload(
      csv(
        HEADER,
        'P69-010,2569-M01,OV-1,1,1000.00,100.00',
        'P69-010,2569-M02,OV-1,1,0,200.00',
        'P69-010,2569-M03,OV-1,1,0,300.00',
      ),
      'first.csv',
    );
    expect(first.status).toBe(200);
    // Covers November–January: November and December again (corrected), January new.
    const second = await upload(
      csv(
        HEADER,
        'P69-010,2569-M02,OV-1,1,0,250.00',
        'P69-010,2569-M03,OV-1,1,0,300.00',
        'P69-010,2569-M04,OV-1,1,0,400.00',
      ),
      'second.csv',
    );
    expect(second.status).toBe(200);
    expect(await imported('OV-%')).toEqual([
      { month: '2025-10-01', committed: '1000.00', disbursed: '100.00', n: 1 },
      { month: '2025-11-01', committed: '0.00', disbursed: '250.00', n: 1 },
      { month: '2025-12-01', committed: '0.00', disbursed: '300.00', n: 1 },
      { month: '2026-01-01', committed: '0.00', disbursed: '400.00', n: 1 },
    ]);
    const [{ total }] = await t.dataSource.query(
      `SELECT sum(disbursed)::text AS total FROM disbursement WHERE source_document = 'OV-1'`,
    );
    expect(total).toBe('1050.00');
    // The shared lines now belong to the newer batch.
    const owners = await t.dataSource.query(
      `SELECT source_batch_id AS b, count(*)::int AS n FROM disbursement WHERE source_document = 'OV-1' GROUP BY 1 ORDER BY 2`,
    );
    expect(owners).toEqual([
      { b: first.body.batchId, n: 1 },
      { b: second.body.batchId, n: 3 },
    ]);
  });

  it('a good XLSX with transaction dates is summed per month', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('GFMIS');
    ws.addRow(['รายงานการเบิกจ่าย จังหวัดเชียงใหม่']);
    ws.addRow(['รหัสโครงการ', 'วันที่', 'เลขที่เอกสาร', 'ลำดับรายการ', 'ก่อหนี้ผูกพัน (PO)', 'เบิกจ่าย']);
    ws.addRow(['P69-011', new Date(Date.UTC(2026, 1, 3)), 'XL-1', 1, 5000, 1000.5]);
    ws.addRow(['P69-011', new Date(Date.UTC(2026, 1, 20)), 'XL-1', 1, 0, 2000.25]);
    ws.addRow(['P69-011', '05/03/2569', 'XL-1', 2, '0', '1,500.00']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'gfmis.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ layout: 'transactions', rows: 3, lines: 2, totalDisbursed: '4500.75' });
    expect(await imported('XL-%')).toEqual([
      { month: '2026-02-01', committed: '5000.00', disbursed: '3000.75', n: 1 },
      { month: '2026-03-01', committed: '0.00', disbursed: '1500.00', n: 1 },
    ]);
  });

  it('bad rows: 422 listing every bad row with its line and column, and nothing written', async () => {
    const before = await counts();
    const res = await upload(
      csv(
        HEADER,
        'P69-012,2569-M01,BAD-1,1,100.00,50.00',
        'P99-999,2569-M01,BAD-1,2,100.00,0',
        'P69-012,2570-M01,BAD-1,3,100.00,0',
        'P69-012,2569-M02,BAD-1,4,12.345,0',
        'P69-012,2569-M02,BAD-1,5,0,-10',
        'P69-012,13/2568,,6,0,0',
        'P69-012,2569-M01,BAD-1,1,1,1',
      ),
      'bad.csv',
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { row: 3, column: 'รหัสโครงการ', message: expect.any(String) },
      { row: 4, column: 'เดือน', message: 'เดือนนี้ไม่อยู่ในปีงบประมาณที่นำเข้า' },
      { row: 5, column: 'ก่อหนี้ผูกพัน (PO)', message: 'จำนวนเงินต้องเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง' },
      { row: 6, column: 'เบิกจ่าย', message: 'จำนวนเงินต้องไม่ติดลบ' },
      { row: 7, column: 'เดือน', message: expect.any(String) },
      { row: 7, column: 'เลขที่เอกสาร', message: expect.any(String) },
      { row: 8, column: 'เลขที่เอกสาร', message: expect.any(String) },
    ]);
    expect(await counts()).toEqual(before);

    const english = await as(t, f.tokens.officer50)
      .post(`/api/provinces/50/disbursement-imports?fiscalYear=${FY}`)
      .set('Accept-Language', 'en')
      .attach('file', csv(HEADER, 'P69-012,2569-M01,BAD-1,1,abc,0'), 'bad.csv');
    expect(english.status).toBe(422);
    expect(english.body.errors).toEqual([
      { row: 2, column: 'committed', message: 'The amount must be a number with at most 2 decimals.' },
    ]);
  });

  it("refuses another province's upload and a file without the GFMIS columns", async () => {
    const lampang = await as(t, f.tokens.officer52)
      .post(`/api/provinces/50/disbursement-imports?fiscalYear=${FY}`)
      .attach('file', csv(HEADER, 'P69-012,2569-M01,X-1,1,1,1'), 'x.csv');
    expect(lampang.status).toBe(403);
    const noHeader = await upload(csv('a,b,c', '1,2,3'), 'x.csv');
    expect(noHeader.status).toBe(400);
  });

  it('rolls a batch back: its rows go, the batch is marked (one audit row), and a second rollback is refused', async () => {
    const res = await upload(csv(HEADER, 'P69-013,2569-M05,RB-1,1,10,10', 'P69-013,2569-M06,RB-1,1,20,20'), 'rb.csv');
    expect(res.status).toBe(200);
    const batchId = res.body.batchId;
    const before = await counts();
    const rb = await as(t, f.tokens.approver50).post(`/api/disbursement-imports/${batchId}/rollback`);
    expect(rb.status).toBe(200);
    expect(rb.body).toMatchObject({
      id: batchId,
      status: 'rolled_back',
      rolledBackBy: f.userIds.approver50,
      version: 2,
    });
    expect(await counts()).toEqual({ rows: before.rows - 2, batches: before.batches, audits: before.audits + 1 });
    expect(await imported('RB-%')).toEqual([]);
    expect(await one(`SELECT entity, entity_id, action FROM audit_event ORDER BY at DESC, id DESC LIMIT 1`)).toEqual({
      entity: 'disbursement_batch',
      entity_id: batchId,
      action: 'update',
    });
    const again = await as(t, f.tokens.approver50).post(`/api/disbursement-imports/${batchId}/rollback`);
    expect(again.status).toBe(409);
    // A rolled-back file may be imported again.
    const reimport = await upload(
      csv(HEADER, 'P69-013,2569-M05,RB-1,1,10,10', 'P69-013,2569-M06,RB-1,1,20,20'),
      'rb.csv',
    );
    expect(reimport.body).toMatchObject({ unchanged: false, lines: 2 });
  });

  it("lists the province's batches, newest first", async () => {
    const res = await as(t, f.tokens.governor50).get(`/api/provinces/50/disbursement-imports?fiscalYear=${FY}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(6);
    expect(res.body[0]).toMatchObject({ orgUnitCode: '50', fiscalYear: FY, status: 'committed', fileName: 'rb.csv' });
    expect(res.body.map((b: { status: string }) => b.status)).toContain('rolled_back');
    expect((await as(t, f.tokens.officer52).get('/api/provinces/50/disbursement-imports')).status).toBe(403);
  });
});
