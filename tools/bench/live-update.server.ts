/**
 * The server side of the live-update benchmark, in a process of its own so the thousands of client
 * sockets in the benchmark process do not share its event loop. Two modes:
 *   api <databaseUrl>  the product's API (production settings, the PostgreSQL adapter on);
 *   bare               the floor: a bare Socket.IO server whose only HTTP route broadcasts the
 *                      body it receives to the room named in it.
 * It reports its port to the parent over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

export const BENCH_JWT_SECRET = 'live-update-bench-'.padEnd(40, 'x');

async function api(databaseUrl: string): Promise<number> {
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, DATABASE_URL: databaseUrl });
  const app = await createApp({ config, databaseUrl });
  app.useLogger(['error']);
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function bare(): Promise<number> {
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { room, event, payload } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      io.to(room).emit(event, payload);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const io = new Server(http, { path: '/socket.io', serveClient: false, transports: ['websocket', 'polling'] });
  io.on('connection', (socket) => {
    socket.on('join', async (body: { room: string }, ack: (r: unknown) => void) => {
      await socket.join(body.room);
      ack({ ok: true, room: body.room, seq: 0, missed: [], refetch: false });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return (http.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const [mode, databaseUrl] = process.argv.slice(2);
  const port = mode === 'api' ? await api(databaseUrl) : await bare();
  process.send?.({ port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
