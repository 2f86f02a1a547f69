import { testServerSlot } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await testServerSlot.__provdashTestServer?.stop();
}
