import { HttpStatus, INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import webpush from 'web-push';
import { AppModule, AppOptions } from './app.module';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, FieldError } from './common/api-error';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { refuseDeepJson, refuseUnsafeText } from './common/input-guard';
import { appLogger, createRootLogger } from './common/logging';
import { apiCompression, dashboardDelivery } from './common/web-delivery';
import { RealtimeIoAdapter } from './modules/realtime/realtime-io.adapter';

/** Nested DTO errors flattened to dotted field names, e.g. `evidence.0.url`. */
function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, constraints: e.constraints }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** The one place the HTTP app is assembled, so tests boot exactly what production serves. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  // main.ts brings the configured or kept secret. An app embedded without one (specs, drills) signs
  // with a random secret for its lifetime only: never a published one.
  options.config.JWT_SECRET ??= randomBytes(32).toString('hex');
  // Likewise the Web Push keys: a pair for the app's lifetime when main.ts brought none.
  if (!options.config.VAPID_PUBLIC_KEY) {
    const keys = webpush.generateVAPIDKeys();
    Object.assign(options.config, { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey });
  }
  // Embedded in another program (specs, benchmarks, drills) the app reports only warnings unless told
  // otherwise; main.ts passes the process's own logger, at info by default.
  const logger =
    options.logger ?? createRootLogger({ ...options.config, LOG_LEVEL: options.config.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ ...options, logger }), {
    logger: appLogger(logger).logger,
    bodyParser: false,
  });
  // Small bodies only: nothing a person types is near this; file imports have their own route.
  app.useBodyParser('json', {
    limit: '100kb',
    verify: (req: IncomingMessage, res: unknown, buf: Buffer) => {
      refuseDeepJson(req, res, buf);
      // LINE signs the raw bytes of its webhook calls (modules/notifications): keep them for that route only.
      if (req.url?.startsWith('/api/line/webhook')) (req as typeof req & { rawBody?: Buffer }).rawBody = buf;
    },
  });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(refuseUnsafeText);
  // Errors of the middleware above answer here, in the API's own shape (see ApiExceptionFilter.respond).
  const earlyErrors = new ApiExceptionFilter();
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => earlyErrors.respond(err, req, res));
  app.use(cookieParser());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and Angular Material inline their styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  // Governors read on phones over mobile networks: API answers compressed, the dashboard precompressed and cached.
  app.use(apiCompression());
  if (options.dashboardDir && existsSync(options.dashboardDir)) app.use(dashboardDelivery(options.dashboardDir));
  const proxies = options.config.TRUST_PROXY;
  if (proxies?.length) app.set('trust proxy', /^\d+$/.test(proxies[0]) ? Number(proxies[0]) : proxies);
  app.enableCors({ origin: options.config.CORS_ORIGINS, credentials: true });
  const realtime = new RealtimeIoAdapter(app, options.config, options.databaseUrl);
  await realtime.connect();
  app.useWebSocketAdapter(realtime);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new ApiError(HttpStatus.BAD_REQUEST, 'validation.failed', fieldErrors(errors)),
    }),
  );
  const doc = new DocumentBuilder()
    .setTitle('Provincial strategy & KPI dashboard API')
    .setDescription(
      'REST API of the dashboard. Each operation states its access rule in `x-access`. Errors are `{ statusCode, error, message, details? }` in Thai or English by Accept-Language.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
