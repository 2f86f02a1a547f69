import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Secrets that were ever published (in this repository or its examples): anyone can sign tokens with
 * them, so none is accepted in any mode. The first was the built-in default of development starts
 * until the default became a random secret kept with the data (see jwt-secret.ts).
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  'development-only-secret-do-not-use-in-production',
  'change-me-to-64-hex-characters-from-openssl-rand-hex-32-000000',
];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true');
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting the API reads, validated once at boot from the environment. A missing or wrong
 * setting stops the start with a message naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Unset: the embedded PostgreSQL. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data/postgres';

  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = false;

  /**
   * Training: provinces the demo leaves without a plan (two-digit codes, comma-separated), each
   * with demo users officer.<code>@demo.go.th and approver.<code>@demo.go.th, so a strategy office
   * can practise building one. Read when the demo is first seeded.
   */
  @Transform(toList)
  @Matches(/^[0-9]{2}$/, {
    each: true,
    message: 'DEMO_PROVINCES_WITHOUT_PLAN: two-digit province codes, comma-separated',
  })
  DEMO_PROVINCES_WITHOUT_PLAN: string[] = [];

  /**
   * Signs the access tokens. Unset outside production: a random one generated on the first start
   * and kept with the data (`jwt-secret` beside DATA_DIR, mode 0600); production refuses to start
   * without it.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access tokens are short-lived: a disabled user loses access within this time at most. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Origins allowed by CORS; the dashboard is served from the API's own origin, so none are needed by default. */
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @IsOptional()
  @IsString()
  DASHBOARD_DIR?: string;

  /**
   * How live events reach sockets connected to other API instances: `postgres` (the default, the
   * database is already there), `redis` (with REDIS_URL) or `none` (one instance only).
   */
  @IsIn(['postgres', 'redis', 'none'])
  REALTIME_ADAPTER: 'postgres' | 'redis' | 'none' = 'postgres';

  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** Unset: `info` (an app that specs, benchmarks or drills embed: `warn`, see createApp). */
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

  /**
   * Lets a scraper read `/api/metrics` from anywhere with `Authorization: Bearer <token>`. Without it
   * only direct loopback callers may (a proxied request never counts as loopback).
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), in
   * Express's terms: a hop count (`1`) or addresses, subnets and names (`loopback`, `uniquelocal`,
   * `10.0.0.0/8`), comma-separated. Behind nginx it must be set: otherwise every caller has nginx's
   * address and the per-address limits (sign-in attempts, requests a minute) count everyone as one.
   */
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  TRUST_PROXY?: string[];

  /** The licence every open dataset is published under (catalogue, downloads, public API). */
  @IsString()
  @MinLength(3)
  OPEN_DATA_LICENCE_NAME = 'Open Government Licence – Thailand';

  @IsString()
  @MinLength(8)
  OPEN_DATA_LICENCE_URL = 'https://www.data.go.th/pages/dga-open-government-license';

  /**
   * The dashboard's address as people reach it (e.g. `https://provdash.example.go.th`): links in
   * e-mail, push and LINE messages are made absolute with it.
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL: an http(s) address, e.g. https://provdash.example.go.th' })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * E-mail notifications: an SMTP server, `smtp://user:password@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Unset: no e-mail channel.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL: smtp://user:password@host:port or smtps://…' })
  SMTP_URL?: string;

  /** The sender of notification e-mails. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'Provdash <no-reply@provdash.local>';

  /**
   * Web Push (VAPID) keys, base64url. Unset: a pair generated on the first start and kept with the
   * data (`vapid-keys.json` beside DATA_DIR), as the token secret is.
   */
  @IsOptional()
  @IsString()
  @MinLength(40, { message: 'VAPID_PUBLIC_KEY: the base64url public key (web-push generate-vapid-keys)' })
  VAPID_PUBLIC_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(20, { message: 'VAPID_PRIVATE_KEY: the base64url private key' })
  VAPID_PRIVATE_KEY?: string;

  /** Who push services may contact about this sender: `mailto:` or an https address. */
  @Matches(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: 'VAPID_SUBJECT: mailto:someone@example.go.th or an https address' })
  VAPID_SUBJECT = 'mailto:admin@provdash.local';

  /** LINE Messaging API channel access token. Unset: no LINE channel. */
  @IsOptional()
  @IsString()
  @MinLength(10)
  LINE_CHANNEL_ACCESS_TOKEN?: string;

  /** The channel secret, which signs LINE's webhook calls (account linking). */
  @IsOptional()
  @IsString()
  @MinLength(10)
  LINE_CHANNEL_SECRET?: string;

  /** LINE's API address (a proxy or, in tests, a local server). */
  @Matches(/^https?:\/\/\S+$/, { message: 'LINE_API_BASE_URL: an http(s) address' })
  LINE_API_BASE_URL = 'https://api.line.me';

  /** Days before a result's deadline that its owner is reminded. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  REMINDER_DAYS_BEFORE = 3;

  /** Days after a period ends by which its result is due. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(90)
  RESULT_DEADLINE_DAYS = 15;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // The settings are the validated properties. The instance's own keys would miss the optional ones
  // (DATABASE_URL…) where the build emits no ES2022 class fields, as the API's webpack build does.
  const known = getMetadataStorage()
    .getTargetValidationMetadatas(AppConfig, '', true, false)
    .map((m) => m.propertyName);
  const raw = Object.fromEntries(Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  if (config.JWT_SECRET && PUBLISHED_JWT_SECRETS.includes(config.JWT_SECRET)) {
    problems.push('JWT_SECRET: this secret is published; generate your own (openssl rand -hex 32)');
  } else if (config.production && !config.JWT_SECRET) {
    problems.push('JWT_SECRET: must be set to your own secret in production');
  }
  if (config.production && !config.DATABASE_URL) {
    problems.push('DATABASE_URL: required in production (the embedded PostgreSQL is for trying the product out)');
  }
  if (!config.VAPID_PUBLIC_KEY !== !config.VAPID_PRIVATE_KEY) {
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
  }
  if (config.LINE_CHANNEL_ACCESS_TOKEN && !config.LINE_CHANNEL_SECRET) {
    problems.push('LINE_CHANNEL_SECRET: required with LINE_CHANNEL_ACCESS_TOKEN (it verifies the account-linking webhook)');
  }
  if (config.REALTIME_ADAPTER === 'redis' && !config.REDIS_URL) {
    problems.push('REDIS_URL: required when REALTIME_ADAPTER is redis');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
