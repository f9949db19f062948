import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      SEED: 'demo',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      MAIL_RETRY_MS: 5_000,
      MAIL_LEASE_MS: 60_000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/\.data$/);
  });

  it('throttles by default (50 a second per client, 64 in flight), with 0 turning either off', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_RPS: 50, MAX_IN_FLIGHT: 64 });
    expect(loadConfig({ RATE_LIMIT_RPS: '0', MAX_IN_FLIGHT: '0' })).toMatchObject({
      RATE_LIMIT_RPS: 0,
      MAX_IN_FLIGHT: 0,
    });
    expect(() => loadConfig({ RATE_LIMIT_RPS: '-1' })).toThrow(
      /RATE_LIMIT_RPS must be 0 \(off\) or more/,
    );
    expect(() => loadConfig({ MAX_IN_FLIGHT: 'lots' })).toThrow(/MAX_IN_FLIGHT must be a number/);
  });

  it('reads TRUST_PROXY as Express does: a hop count, true/false, or addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, loopback',
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', SEED: '' })).toMatchObject({ PORT: 4000, SEED: 'demo' });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/portal',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SEED: 'none',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u:p@db.internal:5432/portal',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SEED: 'none',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://localhost/portal'],
    ['DATABASE_URL', 'not a url'],
    ['SMTP_URL', 'http://mail.example'],
    ['SEED', 'everything'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s, naming the variable and the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} .*\\(got "${value.replace('.', '\\.')}"\\)$`),
    );
  });

  it('names every bad variable at once, in one line', () => {
    let message = '';
    try {
      loadConfig({ PORT: '-1', SEED: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('SEED');
    expect(message).not.toContain('\n');
  });
});
