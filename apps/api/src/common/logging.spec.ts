import { Writable } from 'node:stream';
import { createRootLogger, logLevel } from './logging';

function capture() {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { sink, text: () => out };
}

describe('root logger', () => {
  it('redacts secrets wherever a log object carries them', () => {
    const { sink, text } = capture();
    const log = createRootLogger({ NODE_ENV: 'production', LOG_LEVEL: 'info' }, sink);
    log.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret.jwt', cookie: 'pd_refresh=abc123secret' } },
        res: { headers: { 'set-cookie': 'pd_refresh=abc123secret; HttpOnly' } },
        body: { email: 'a@demo.go.th', password: 'hunter2-secret' },
        dto: { user: { newPassword: 'another-secret', refreshToken: 'rt-secret' } },
        token: 'top-level-secret',
      },
      'sign-in',
    );
    const line = JSON.parse(text());
    expect(text()).not.toMatch(/secret|hunter2/);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'sign-in',
      body: { email: 'a@demo.go.th', password: '[redacted]' },
    });
    expect(line.req.headers.authorization).toBe('[redacted]');
  });

  it('logs at info unless told otherwise', () => {
    expect(logLevel({ NODE_ENV: 'production' })).toBe('info');
    expect(logLevel({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toBe('debug');
  });
});
