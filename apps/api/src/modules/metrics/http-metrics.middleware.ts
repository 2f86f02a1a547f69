import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics.service';

/** Times every API request from arrival to the last byte, whatever ends it (a guard's 401 included). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    // Nest mounts this middleware as an Express route of its own, so that is what `req.route` holds now.
    const mine = req.route;
    res.once('finish', () => {
      // Express leaves the handler's route on the request. A request no handler matched gets one label,
      // so scanners probing random URLs cannot mint new series.
      const matched = req.route !== mine ? (req.route as { path?: string } | undefined)?.path : undefined;
      const route = matched ?? '(unmatched)';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}
