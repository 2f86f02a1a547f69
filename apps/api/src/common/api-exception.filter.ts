import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ErrorBodyDto } from '@provdash/shared/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { OptimisticLockVersionMismatchError } from 'typeorm';
import { ApiError } from './api-error';
import { FIELD_MESSAGES_TH, Lang, langOf, message, MessageKey } from './messages';

const STATUS_KEYS: Partial<Record<number, MessageKey>> = {
  400: 'validation.malformed',
  401: 'auth.required',
  403: 'access.denied',
  404: 'notFound.route',
  409: 'conflict.version',
  413: 'validation.tooLarge',
  429: 'auth.tooManyAttempts',
};

/** PostgreSQL errors that mean bad input rather than a broken server. */
const PG_CODES: Record<string, [HttpStatus, MessageKey]> = {
  '22P02': [HttpStatus.BAD_REQUEST, 'validation.malformed'], // invalid text representation (e.g. not a uuid)
  '22003': [HttpStatus.BAD_REQUEST, 'validation.malformed'], // numeric out of range
  // Backstops only: DTOs refuse these first, but a 500 for a caller's bad text or date is never right.
  '22001': [HttpStatus.BAD_REQUEST, 'validation.malformed'], // value too long for the column
  '22007': [HttpStatus.BAD_REQUEST, 'validation.malformed'], // invalid date/time format
  '22008': [HttpStatus.BAD_REQUEST, 'validation.malformed'], // date/time field out of range (2026-02-30)
  '22021': [HttpStatus.BAD_REQUEST, 'validation.badText'], // NUL or invalid byte sequence for UTF-8
  '22P05': [HttpStatus.BAD_REQUEST, 'validation.badText'], // untranslatable character
  '23505': [HttpStatus.CONFLICT, 'conflict.duplicate'],
  '23503': [HttpStatus.CONFLICT, 'conflict.duplicate'],
};

/** Node socket errors and PostgreSQL's connection-exception and shutdown codes: the database is away, not broken. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  // too many connections: retry later, like a server starting up.
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not currently accepting connections/;

/** True when the database could not be reached: a 503 the client may retry, not a 500. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; message?: string }) : e;
  const { code = '', message = '' } = (driver ?? {}) as { code?: string; message?: string };
  return UNAVAILABLE_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_MESSAGES.test(message);
}

function isHealthReport(e: unknown): e is HttpException {
  if (!(e instanceof HttpException) || e.getStatus() !== HttpStatus.SERVICE_UNAVAILABLE) return false;
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'details' in body && 'status' in body;
}

/**
 * One error shape for every failure — `{ statusCode, error, message, details? }` — in the
 * caller's language. Unknown errors become a 500 that says nothing was saved, and are logged.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.respond(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }

  /**
   * Also called as an Express error middleware for errors raised before routing (body parsing, the
   * input guard): ServeStaticModule's error handler would otherwise turn every one of them on an
   * `/api` path into a 404 (malformed or oversized JSON answered "not found").
   */
  respond(exception: unknown, req: Request, res: Response): void {
    if (isHealthReport(exception)) {
      // Health probes read terminus' own report (which check is down), not a sentence for a person.
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json(exception.getResponse());
      return;
    }
    const lang = langOf(req.headers['accept-language']);
    if (isDatabaseUnavailable(exception)) {
      // One line, not a stack per request: during an outage every request fails the same way.
      this.log.warn(`database unavailable: ${(exception as Error).message}`);
      if (!res.headersSent)
        res
          .status(503)
          .setHeader('Retry-After', '5')
          .json(this.plain(503, 'server.unavailable', lang));
      return;
    }
    const body = this.toBody(exception, lang);
    if (body.statusCode >= 500) this.log.error(exception instanceof Error ? exception.stack : String(exception));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, lang: Lang): ErrorBodyDto {
    if (exception instanceof ApiError) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: message(exception.key, lang, exception.params),
        // The key too: the dashboard answers some errors with a step of its own (an outlier asks to confirm).
        code: exception.key,
        ...(exception.fields && {
          details: exception.fields.map((f) => ({
            field: f.field,
            messages: Object.entries(f.constraints).map(([k, en]) =>
              lang === 'th' ? (FIELD_MESSAGES_TH[k] ?? en) : en,
            ),
          })),
        }),
      };
    }
    if (exception instanceof ThrottlerException) return this.plain(429, 'auth.tooManyAttempts', lang);
    if (exception instanceof OptimisticLockVersionMismatchError) return this.plain(409, 'conflict.version', lang);
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const mapped = PG_CODES[code];
      if (mapped) return this.plain(mapped[0], mapped[1], lang);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return this.plain(status, STATUS_KEYS[status] ?? (status >= 500 ? 'server.error' : 'validation.malformed'), lang);
    }
    // body-parser's own errors (malformed JSON, payload too large) carry a status of their own.
    const status = (exception as { status?: number; statusCode?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return this.plain(status, STATUS_KEYS[status] ?? 'validation.malformed', lang);
    }
    return this.plain(500, 'server.error', lang);
  }

  private plain(status: number, key: MessageKey, lang: Lang): ErrorBodyDto {
    return { statusCode: status, error: HttpStatus[status] ?? 'Error', message: message(key, lang) };
  }
}
