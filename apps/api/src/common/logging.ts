import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as PinoNestLogger, Params, PinoLogger } from 'nestjs-pino';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestIdOf } from './request-id';

/**
 * Whatever might carry a secret, wherever it sits in a log object: request headers, the refresh
 * cookie the sign-in response sets, and any body or DTO a future log line might include.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'currentPassword',
    'newPassword',
    'token',
    'accessToken',
    'refreshToken',
    'authorization',
    'cookie',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Probes and scrapes arrive every few seconds from every balancer and scraper: not worth a line each. */
const QUIET_ROUTES = /^\/api\/(health|metrics)(\/|\?|$)/;

/** Framework start-up chatter (one line per module and route) that would bury the URL and the demo sign-ins. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

type LogSettings = Pick<AppConfig, 'NODE_ENV' | 'LOG_LEVEL'>;

export function logLevel(config: LogSettings): string {
  return config.LOG_LEVEL ?? 'info';
}

/**
 * The process's one pino logger. JSON lines on stdout, except for a person running the app in a
 * terminal in development, who gets pino-pretty (a dev dependency: absent from the production
 * image, where JSON is wanted anyway). `destination` is for tests that read what was logged.
 */
export function createRootLogger(config: LogSettings, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: logLevel(config),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const pretty = !destination && config.NODE_ENV === 'development' && process.stdout.isTTY ? prettyStream() : null;
  if (pretty) return pino(options, pretty);
  // Level names rather than numbers: what log shippers and people grepping expect.
  return pino({ ...options, formatters: { level: (label) => ({ level: label }) } }, destination);
}

function prettyStream(): DestinationStream | null {
  try {
    // Loaded only here, lazily: the production image installs no dev dependencies.
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,reqId,responseTime',
      messageFormat: '{if context}[{context}] {end}{msg}',
    });
  } catch {
    return null;
  }
}

type Req = IncomingMessage & { originalUrl?: string };

/** nestjs-pino's settings: pino-http on the root logger, keyed by the one request id. */
export function loggerParams(root: Logger): Params {
  return {
    pinoHttp: {
      logger: root,
      genReqId: (req, res) => requestIdOf(req, res),
      // Logs made while handling a request carry just its id; the completion line carries the rest.
      quietReqLogger: true,
      // A 503 is the database being away (expected in an outage, and logged once by the filter), not a bug.
      customLogLevel: (_req, res, err) =>
        res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info',
      customSuccessMessage: (req, res, ms) => `${req.method} ${urlOf(req)} ${res.statusCode} ${ms}ms`,
      customErrorMessage: (req, res) => `${req.method} ${urlOf(req)} ${res.statusCode} failed`,
      // The exception filter has logged the real error with its stack; pino-http's stand-in adds nothing.
      customErrorObject: (_req, _res, _error, value: { res: unknown; responseTime: number }) => ({
        res: value.res,
        responseTime: value.responseTime,
      }),
      autoLogging: { ignore: (req) => QUIET_ROUTES.test(urlOf(req)) },
      serializers: {
        // Chosen fields rather than every header: nothing secret gets in by default.
        req: (req: {
          id: string;
          method: string;
          url: string;
          remoteAddress?: string;
          headers: Record<string, string>;
        }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
          forwardedFor: req.headers['x-forwarded-for'],
          userAgent: req.headers['user-agent'],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
    },
  };
}

function urlOf(req: IncomingMessage): string {
  return (req as Req).originalUrl ?? req.url ?? '';
}

/** Nest's logger on pino, with the framework's start-up chatter moved down to debug. */
export class AppLogger extends PinoNestLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && CHATTER.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

/** The Nest logger for a root logger; the app's and the start-up script's share one pino instance. */
export function appLogger(root: Logger): { logger: AppLogger; params: Params } {
  const params = loggerParams(root);
  return { logger: new AppLogger(new PinoLogger(params), params), params };
}
