import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser.js';
import { serverEntry } from './portal-process.js';

/**
 * The suites run the built server as a user would (`pnpm test` builds first) and drive
 * Debian's Chromium. Where Chromium is missing and this is a Debian machine we are root on
 * (CI), it is installed here; otherwise the run stops saying how to get it.
 */
export default function requireBuildAndBrowser(): void {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} is missing: run \`pnpm build\` first (pnpm test does).`);
  }
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'ignore',
        timeout: 600_000,
      },
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
}
