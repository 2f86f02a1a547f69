import type { ClusterDirectoryDto } from '@provdash/shared/contracts';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer, startServer } from '../support/server';

/** What a new user does: start on an empty data folder, look, stop with Ctrl-C, start again. */
describe('npm start on a fresh data folder', () => {
  // Open for traversal: as root, PostgreSQL runs as the `postgres` user, which a 0700 folder shuts out.
  const home = mkdtempSync(join(tmpdir(), 'provdash-e2e-'));
  chmodSync(home, 0o755);
  const dataDir = join(home, 'postgres');
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.interrupt();
    rmSync(home, { recursive: true, force: true });
  });

  it('creates the database, migrates, seeds and serves the API', async () => {
    server = await startServer(dataDir);
    expect(server.output()).toContain('Creating a new PostgreSQL data folder');
    expect(server.output()).toMatch(/Seeding demo-/);
    expect(server.output()).toMatch(/Demo sign-ins \(password for all: demo-password\)/);
    expect(server.output()).toMatch(/officer\.50@demo\.go\.th\s+province_officer of 50/);

    const health = await fetch(`${server.baseUrl}/api/health`).then((r) => r.json());
    expect(health.details.database.status).toBe('up');
    expect(health.details.migrations.pending).toEqual([]);

    const dir = (await fetch(`${server.baseUrl}/api/org-units/clusters`).then((r) => r.json())) as ClusterDirectoryDto;
    expect(dir.clusters).toHaveLength(18);
    expect(dir.clusters.reduce((n, c) => n + c.provinces.length, 0) + dir.unclustered.length).toBe(77);
  });

  it('lets a demo user sign in, and documents every operation with its access rule', async () => {
    const login = await fetch(`${server?.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer.50@demo.go.th', password: 'demo-password' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = await login.json();
    const me = await fetch(`${server?.baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect((await me.json()).scope.nameTh).toBe('เชียงใหม่');

    const doc = await fetch(`${server?.baseUrl}/api/docs-json`).then((r) => r.json());
    const operations = Object.values(doc.paths as Record<string, Record<string, { 'x-access'?: string }>>).flatMap(
      (p) => Object.values(p),
    );
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.filter((o) => !o['x-access'])).toEqual([]);
  });

  it('stops API and PostgreSQL on Ctrl-C', async () => {
    const code = await server?.interrupt();
    server = undefined;
    expect(code).toBe(0);
    // PostgreSQL removes its pid file only when it has shut down cleanly.
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('starts again on the same data without re-creating or re-seeding it', async () => {
    server = await startServer(dataDir);
    expect(server.output()).not.toContain('Creating a new PostgreSQL data folder');
    expect(server.output()).not.toMatch(/Seeding /);
    const dir = (await fetch(`${server.baseUrl}/api/org-units/clusters`).then((r) => r.json())) as ClusterDirectoryDto;
    expect(dir.clusters).toHaveLength(18);
  });
});
