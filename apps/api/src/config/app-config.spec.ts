import { ConfigError, loadConfig, PUBLISHED_JWT_SECRETS } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a new user', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ NODE_ENV: 'development', PORT: 3000, CORS_ORIGINS: [] });
    // No built-in secret: the start generates one and keeps it with the data (jwt-secret.spec.ts).
    expect(c.JWT_SECRET).toBeUndefined();
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.production).toBe(false);
  });

  it('reads and converts the environment', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'true', CORS_ORIGINS: 'https://a.go.th, https://b.go.th' });
    expect(c.PORT).toBe(8080);
    expect(c.SEED_DEMO).toBe(true);
    expect(c.CORS_ORIGINS).toEqual(['https://a.go.th', 'https://b.go.th']);
  });

  it('reads the optional settings too (logs, metrics, database)', () => {
    const c = loadConfig({ LOG_LEVEL: 'debug', METRICS_TOKEN: 't'.repeat(16), DATABASE_URL: 'postgres://db/provdash' });
    expect(c).toMatchObject({
      LOG_LEVEL: 'debug',
      METRICS_TOKEN: 't'.repeat(16),
      DATABASE_URL: 'postgres://db/provdash',
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: /);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it('names each wrong setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT: /);
      expect((e as Error).message).toMatch(/JWT_SECRET must be at least 32 characters/);
    }
  });

  it('refuses a published secret in any mode, and production without a secret or a database', () => {
    for (const published of PUBLISHED_JWT_SECRETS) {
      expect(() => loadConfig({ JWT_SECRET: published })).toThrow(/JWT_SECRET: this secret is published/);
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: published })).toThrow(/JWT_SECRET: /);
    }
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set to your own secret/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL: required/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/provdash' })
        .production,
    ).toBe(true);
  });
});
