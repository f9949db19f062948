/**
 * The portal's process: configuration from the environment, one HTTP server, graceful
 * shutdown on SIGTERM/SIGINT. A start that cannot succeed prints one line and exits 1.
 * Loaded by main.ts once the Node version is known to be new enough.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './app/config.js';
import { DatabaseUnavailableError } from './app/database.js';
import { createLogger } from './app/logger.js';
import { ListenError, startPortal, type Portal } from './app/portal.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const logger = createLogger(config);
const expected = (error: unknown): error is ListenError | DatabaseUnavailableError =>
  error instanceof ListenError || error instanceof DatabaseUnavailableError;

let portal: Portal;
try {
  portal = await startPortal({ config, logger });
} catch (error) {
  if (expected(error)) fail(error.message);
  throw error;
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  force.unref();
  try {
    await portal.close();
    clearTimeout(force);
    logger.flush();
    process.exitCode = 0;
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await portal.ready;
} catch (error) {
  await portal.close().catch(() => undefined);
  if (expected(error)) fail(error.message);
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
}
