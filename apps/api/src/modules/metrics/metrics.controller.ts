import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { forbidden } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { Public } from '../access/access.decorators';
import { Metrics } from './metrics.service';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Any of these means a proxy relayed the request: its socket being loopback says nothing about the caller. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Prometheus scrape endpoint. Not for the public, but outside the sign-in scheme (a scraper has no
 * user): a direct loopback caller (a sidecar or node exporter on the same host) or one presenting
 * `Authorization: Bearer <METRICS_TOKEN>`. The access guard sees it as public; this is its gate.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Prometheus text format; loopback callers or a METRICS_TOKEN bearer only, else 403' })
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.mayScrape(req)) throw forbidden();
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }

  private mayScrape(req: Request): boolean {
    const token = this.config.METRICS_TOKEN;
    const header = req.headers.authorization;
    if (token && header?.startsWith('Bearer ')) {
      const given = Buffer.from(header.slice(7).trim());
      const expected = Buffer.from(token);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    }
    const direct = !PROXY_HEADERS.some((h) => req.headers[h] !== undefined);
    return direct && LOOPBACK.has(req.socket.remoteAddress ?? '');
  }
}
