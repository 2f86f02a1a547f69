/**
 * Servers the throughput and first-load benchmarks run in a process of their own, so the load
 * generator or the browser driver never shares their event loop. Modes:
 *   api <databaseUrl>  the product's API with production settings, as behind the nginx of docker/
 *                      (TRUST_PROXY=loopback); serves the dashboard in BENCH_DASHBOARD_DIR if set;
 *                      BENCH_API_ENV (JSON) adds settings (the notifications bench: SMTP, VAPID);
 *   bare-nest          the floor: a NestJS application (Express, as the API) whose one route
 *                      returns a constant, with nothing else: no guards, interceptors or database.
 * It reports its port to the parent over IPC.
 */
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { BENCH_JWT_SECRET } from './support';

async function api(databaseUrl: string): Promise<number> {
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: 'loopback',
    ...(JSON.parse(process.env['BENCH_API_ENV'] ?? '{}') as Record<string, string>),
  });
  const app = await createApp({ config, databaseUrl, dashboardDir: process.env['BENCH_DASHBOARD_DIR'] });
  await app.listen(0, '127.0.0.1');
  // Stopped by the benchmark: exit rather than die of the signal, so a --cpu-prof run writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  return (app.getHttpServer().address() as AddressInfo).port;
}

@Controller()
class ConstantController {
  @Get('constant')
  constant() {
    return { ok: true };
  }
}

@Module({ controllers: [ConstantController] })
class BareModule {}

async function bareNest(): Promise<number> {
  const app = await NestFactory.create(BareModule, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const [mode, databaseUrl] = process.argv.slice(2);
  const port = mode === 'api' ? await api(databaseUrl) : await bareNest();
  process.send?.({ port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
