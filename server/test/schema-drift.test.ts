import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app/config.js';
import { buildPortalSchema, printPortalSchema } from '../src/app/schema.js';

describe('schema/schema.graphql', () => {
  it('is exactly what the server emits (run `pnpm schema:emit` after changing the API)', async () => {
    const emitted = printPortalSchema(await buildPortalSchema());
    const checkedIn = await fs.readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8');
    expect(checkedIn).toBe(emitted);
  });
});
