import { existsSync } from 'node:fs';
import { serverEntry } from './portal-process.js';

/** The suites run the built server as a user would; `pnpm test` builds first. */
export default function requireBuild(): void {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} is missing: run \`pnpm build\` first (pnpm test does).`);
  }
}
