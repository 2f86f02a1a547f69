import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { as, auditCount, Fixture, seedFixture } from '../testing/fixtures';
import { bootTestApp, TestApp } from '../testing/test-app';

/**
 * Bad and hostile input: every case gets a 4xx with the uniform error body and a message a person
 * can read, never a 500, and writes nothing.
 */
describe('bad and hostile input (real PostgreSQL)', () => {
  let t: TestApp;
  let f: Fixture;
  let results: string;
  const PERIOD = '2570-M02';

  beforeAll(async () => {
    t = await bootTestApp();
    f = await seedFixture(t);
    results = `/api/kpis/${f.kpis['50/K1.2.1']}/results`;
  });

  afterAll(() => t.close());

  const officer = () => as(t, f.tokens.officer50);
  const rowCount = async () => {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM kpi_result`);
    return n;
  };

  function forge(claims: object, header: object): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part(header)}.${part(claims)}.`;
  }

  const put = (path: string, body: unknown) =>
    officer()
      .put(`${results}/${path}`)
      .send(body as object);
  const adminToken = () => ({ sub: f.userIds.admin, role: 'admin', scope: 'TH', scopeCode: 'TH' });

  const cases: { name: string; status: number; send: () => Promise<request.Response> }[] = [
    { name: 'a value of the wrong type', status: 400, send: () => put(PERIOD, { value: { $gt: 1 } }) },
    { name: 'a value that is not a number', status: 400, send: () => put(PERIOD, { value: '12abc' }) },
    { name: 'a number in exponent form', status: 400, send: () => put(PERIOD, { value: 1e300 }) },
    { name: 'an unknown field', status: 400, send: () => put(PERIOD, { value: '1', status: 'approved' }) },
    { name: 'a 1 MB string', status: 413, send: () => put(PERIOD, { value: '1', narrativeTh: 'ก'.repeat(1_000_000) }) },
    {
      name: 'malformed JSON',
      status: 400,
      send: () => officer().put(`${results}/${PERIOD}`).set('Content-Type', 'application/json').send('{"value": '),
    },
    {
      name: 'an SQL fragment as id',
      status: 404,
      send: () => officer().put(`/api/kpis/1' OR '1'='1/results/${PERIOD}`).send({ value: '1' }),
    },
    {
      name: 'an SQL fragment as period',
      status: 400,
      send: () => put(`2570-M02'; DROP TABLE kpi_result; --`, { value: '1' }),
    },
    {
      name: 'an SQL fragment as unit code',
      status: 404,
      send: () => as(t, f.tokens.admin).get(`/api/audit?unit=${encodeURIComponent("50' OR 1=1 --")}`),
    },
    {
      name: 'an SQL fragment as email',
      status: 400,
      send: () => request(t.app.getHttpServer()).post('/api/auth/login').send({ email: "x' OR 1=1 --", password: 'x' }),
    },
    { name: 'a period of the wrong frequency', status: 422, send: () => put('2570-Q1', { value: '1' }) },
    { name: 'a period in the future', status: 422, send: () => put('2590-M01', { value: '1' }) },
    { name: 'an implausible value without confirmation', status: 422, send: () => put(PERIOD, { value: '-5' }) },
    {
      name: 'an evidence link that is not a URL',
      status: 400,
      send: () => put(PERIOD, { value: '1', evidence: [{ url: 'javascript:alert(1)', title: 'x' }] }),
    },
    {
      name: 'an expired token',
      status: 401,
      send: async () => {
        const token = await t.app
          .get(JwtService)
          .signAsync(
            { sub: f.userIds.officer50, role: 'province_officer', scope: 'TH/north/C15/50', scopeCode: '50' },
            { expiresIn: -10 },
          );
        return as(t, token).put(`${results}/${PERIOD}`).send({ value: '1' });
      },
    },
    {
      name: 'a token signed with another secret',
      status: 401,
      send: async () => {
        const token = await new JwtService({ secret: 'x'.repeat(40) }).signAsync(adminToken());
        return as(t, token).put(`${results}/${PERIOD}`).send({ value: '1' });
      },
    },
    {
      name: 'an unsigned token (alg: none) claiming admin',
      status: 401,
      send: () =>
        as(t, forge({ ...adminToken(), exp: 9999999999 }, { alg: 'none', typ: 'JWT' }))
          .put(`${results}/${PERIOD}`)
          .send({ value: '1' }),
    },
    {
      name: 'a garbage token',
      status: 401,
      send: () => as(t, 'not-a-token').put(`${results}/${PERIOD}`).send({ value: '1' }),
    },
  ];

  it.each(cases)('$name → $status, uniform body, nothing written', async ({ status, send }) => {
    const rows = await rowCount();
    const audits = await auditCount(t);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }),
    );
    expect(res.body.message.length).toBeGreaterThan(5);
    expect(await rowCount()).toBe(rows);
    expect(await auditCount(t)).toBe(audits);
  });

  it('names the offending fields in Thai by default and in English on request', async () => {
    const body = { value: 'abc', extra: 1 };
    const th = await officer().put(`${results}/${PERIOD}`).send(body);
    expect(th.body.message).toBe('ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบ');
    expect(th.body.details).toEqual(
      expect.arrayContaining([
        { field: 'value', messages: ['รูปแบบไม่ถูกต้อง'] },
        { field: 'extra', messages: ['ไม่รู้จักฟิลด์นี้'] },
      ]),
    );
    const en = await officer().put(`${results}/${PERIOD}`).set('Accept-Language', 'en').send(body);
    expect(en.body.message).toBe('Some fields are not valid.');
    expect(en.body.details.find((d: { field: string }) => d.field === 'extra').messages[0]).toMatch(/should not exist/);
  });

  // Far above the KPI's history but possible: -5 million baht is now impossible, refused by the hard limit.
  it('accepts the implausible value once confirmed with a note explaining it', async () => {
    const bare = await officer().put(`${results}/${PERIOD}`).send({ value: '999999', confirmOutlier: true });
    expect(bare.status).toBe(422);
    expect(bare.body.message).toMatch(/อธิบาย/);
    const res = await officer()
      .put(`${results}/${PERIOD}`)
      .send({ value: '999999', confirmOutlier: true, narrativeTh: 'ปรับปรุงยอดย้อนหลังจากการตรวจสอบ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ value: '999999', status: 'draft' });
  });

  it('sets security headers', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
