/** The README tells the truth about how to run things: its commands are the ones CI and pnpm run. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/portal-process.js';

const readme = await fs.readFile(path.join(repoRoot, 'README.md'), 'utf8');
const quickStart = [...readme.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]);

describe('README quick start', () => {
  it('has exactly two one-line commands: start, then test', () => {
    expect(quickStart).toHaveLength(2);
    expect(quickStart[0]).toMatch(/ start$/);
    expect(quickStart[1]).toMatch(/ test$/);
  });

  it('is what .ci/run runs', async () => {
    const ci = await fs.readFile(path.join(repoRoot, '.ci/run'), 'utf8');
    expect(ci.split('\n')).toContain(quickStart[1]);
  });

  it('documents every variable the server reads', async () => {
    const config = await fs.readFile(path.join(repoRoot, 'server/src/app/config.ts'), 'utf8');
    const variables = [...config.matchAll(/^ {2}([A-Z_]+): z/gm)].map((match) => match[1]);
    expect(variables).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'SMTP_URL', 'SEED', 'NODE_ENV', 'LOG_LEVEL']),
    );
    for (const variable of variables) expect(readme).toContain(`| \`${variable}\``);
  });
});
