/** `pnpm schema:emit`: writes the server's SDL to schema/schema.graphql (checked in, diffed in tests). */
import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './app/config.js';
import { buildPortalSchema, printPortalSchema } from './app/schema.js';

export const schemaFile = path.join(repoRoot, 'schema/schema.graphql');

await fs.writeFile(schemaFile, printPortalSchema(await buildPortalSchema()));
console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
