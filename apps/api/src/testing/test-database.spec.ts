import { urlFor } from '../database/server-admin';
import { assertTestDatabase } from './test-database';

describe('test database guard', () => {
  it.each(['provdash', 'postgres', 'production_copy'])('refuses %s', (name) => {
    expect(() => assertTestDatabase(name)).toThrow(/must contain "test"/);
  });

  it.each(['provdash_test_template', 'provdash_test_0a1b2c', 'TEST_db'])('accepts %s', (name) => {
    expect(() => assertTestDatabase(name)).not.toThrow();
  });

  it('points a server URL at another database, keeping credentials and port', () => {
    expect(urlFor('postgres://u:p@127.0.0.1:5544/postgres', 'provdash_test_x')).toBe(
      'postgres://u:p@127.0.0.1:5544/provdash_test_x',
    );
  });

  it('swaps the role when asked, escaping odd characters', () => {
    expect(urlFor('postgres://u:p@127.0.0.1:5544/postgres', 'db', { user: 'owner', password: 'p@ss/w' })).toBe(
      'postgres://owner:p%40ss%2Fw@127.0.0.1:5544/db',
    );
  });
});
