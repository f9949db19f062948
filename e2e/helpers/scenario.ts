import fs from 'node:fs/promises';
import {
  freePort,
  startPortalProcess,
  tempDataDir,
  waitHealthy,
  type PortalProcess,
} from './portal-process.js';

/** `pnpm start` on a fresh database, for one browser scenario; `stop()` cleans up. */
export async function freshPortal(): Promise<{ portal: PortalProcess; stop: () => Promise<void> }> {
  const dataDir = await tempDataDir();
  const portal = startPortalProcess({ PORT: String(await freePort()), DATA_DIR: dataDir });
  await waitHealthy(portal);
  return {
    portal,
    async stop() {
      portal.child.kill('SIGTERM');
      await portal.exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
