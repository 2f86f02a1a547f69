import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, Observable, of, tap, throwError } from 'rxjs';
import { langOf } from '../../common/messages';
import { ACCESS_KEY, AccessRule } from '../access/access.decorators';
import { Metrics } from '../metrics/metrics.service';
import { FRESH_FOR_KEY } from './fresh-for.decorator';

/** How old a copy may be and still stand in for a failed read. */
export const STALE_MAX_MS = 15 * 60_000;
/** Enough for the public pages (scorecards, comparisons, rankings of one or two years), bounded. */
const MAX_ENTRIES = 300;
/** Probes must report the truth, never a copy. */
const NEVER = /^\/api\/(health|metrics)(\/|\?|$)/;

interface Entry {
  body: unknown;
  status: number;
  at: number;
  /** The answer's Last-Modified, given again with the copy (conditional requests, CDNs). */
  lastModified?: string;
}

/**
 * Stale-if-error for anonymous public reads (scorecards, comparisons, rankings, open data): each
 * successful answer is remembered, and when the same read later fails on our side (PostgreSQL away)
 * the last good answer goes out instead, marked with `Age` and `Warning: 110`. A fresh answer is
 * always tried first, so nothing is ever served stale while the database answers: a client told of
 * a change by a live event and refetching gets the new snapshot, not a copy. Signed-in reads are
 * not kept: they may carry drafts that only their reader may see.
 */
@Injectable()
export class StaleReadInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reflector: Reflector,
    private readonly metrics: Metrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const freshMs = this.freshFor(context);
    const key = this.keyOf(context, freshMs > 0);
    if (!key) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    // @FreshFor routes: a copy young enough is the answer, without the handler (or the database).
    const kept = this.entries.get(key);
    if (kept && Date.now() - kept.at < freshMs) {
      res.status(kept.status);
      res.setHeader('Age', String(Math.floor((Date.now() - kept.at) / 1000)));
      if (kept.lastModified) res.setHeader('Last-Modified', kept.lastModified);
      return of(kept.body);
    }
    return next.handle().pipe(
      tap((body) => {
        if (body === undefined || body instanceof StreamableFile || Buffer.isBuffer(body)) return;
        const lastModified = res.getHeader('Last-Modified');
        this.entries.delete(key);
        this.entries.set(key, {
          body,
          status: res.statusCode,
          at: Date.now(),
          lastModified: typeof lastModified === 'string' ? lastModified : undefined,
        });
        if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      }),
      catchError((error: unknown) => {
        const ours = !(error instanceof HttpException) || error.getStatus() >= 500;
        const entry = this.entries.get(key);
        const age = entry ? Date.now() - entry.at : Infinity;
        if (!ours || !entry || age > STALE_MAX_MS || res.headersSent) return throwError(() => error);
        this.metrics.staleReads.inc();
        res.status(entry.status);
        res.setHeader('Age', String(Math.floor(age / 1000)));
        res.setHeader('Warning', '110 - "Response is Stale"');
        if (entry.lastModified) res.setHeader('Last-Modified', entry.lastModified);
        return of(entry.body);
      }),
    );
  }

  private freshFor(context: ExecutionContext): number {
    if (context.getType() !== 'http') return 0;
    return (
      this.reflector.getAllAndOverride<number | undefined>(FRESH_FOR_KEY, [context.getHandler(), context.getClass()]) ??
      0
    );
  }

  /** `sameForEveryone`: a @FreshFor route declares its answer never depends on who asks, so a token does not matter. */
  private keyOf(context: ExecutionContext, sameForEveryone: boolean): string | null {
    if (context.getType() !== 'http') return null;
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET' || (req.headers.authorization && !sameForEveryone) || NEVER.test(req.originalUrl))
      return null;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind !== 'public') return null;
    // Error texts and some labels follow Accept-Language, so the language is part of the key.
    return `${req.originalUrl}\n${langOf(req.headers['accept-language'])}`;
  }
}
