import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { testServerSlot } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const server = testServerSlot.__provdashTestServer;
  if (!server) return;
  await server.stop();
  // The throwaway server removed its data; its temporary parent folder goes too.
  rmSync(dirname(server.dataDir), { recursive: true, force: true });
}
