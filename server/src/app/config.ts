import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: `.data/` and the built web app are found from here, whatever the cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting the server reads, all from the environment. README's table mirrors this. */
const configSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  SEED: z.enum(['demo', 'none'], { error: 'must be "demo" or "none"' }).default('demo'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be development, production or test',
    })
    .default('development'),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAIL_FROM: z.string().min(3).default('Change-order portal <no-reply@change-order.example>'),
  MAIL_RETRY_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  MAIL_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  MICRO_FRONTENDS: z
    .string()
    .transform((value, ctx) => {
      try {
        const parsed = JSON.parse(value) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          if (Object.values(parsed).every((url) => typeof url === 'string'))
            return parsed as Record<string, string>;
        }
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of name to URL' });
      return z.NEVER;
    })
    .default({}),
  WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'web/shell/dist')),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  RATE_LIMIT_RPS: z.coerce
    .number({ error: 'must be a number of operations a second' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(50),
  TRUST_PROXY: z
    .string()
    .min(1)
    .transform((value): boolean | number | string =>
      value === 'true'
        ? true
        : value === 'false'
          ? false
          : /^\d+$/.test(value)
            ? Number(value)
            : value,
    )
    .default('loopback'),
  MAX_IN_FLIGHT: z.coerce
    .number({ error: 'must be a number of requests' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(64),
  RESPONSE_CACHE_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .max(4096, 'must be at most 4096')
    .default(64),
});

export type Config = z.infer<typeof configSchema>;

/** A setting that cannot be used; the message names the variable, for a one-line start failure. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from an environment (process.env by default).
 * Empty strings count as unset, so `PORT= pnpm start` means the default.
 * @throws ConfigError naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name} ${issue.message} (got ${JSON.stringify(present[name])})`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
