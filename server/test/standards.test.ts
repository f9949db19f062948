/**
 * The server as third parties meet it: GraphQL over HTTP as the spec says (graphql-http's
 * audit is the yardstick), the SDL served even with introspection off, and the contract
 * of ../shared/contract.graphql kept.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app/config.js';
import { graphql } from './helpers/client.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

const contractCopy = path.join(repoRoot, 'schema/contract.graphql');

let server: TestServer;
let production: TestServer;
beforeAll(async () => {
  [server, production] = await Promise.all([
    createTestServer(),
    createTestServer({ env: { NODE_ENV: 'production' } }),
  ]);
});
afterAll(() => Promise.all([server.close(), production.close()]));

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('passes every MUST of the audit', async () => {
    const results = await auditServer({ url: server.graphqlUrl });
    const mustFailures = results
      .filter((result) => result.name.startsWith('MUST') && result.status !== 'ok')
      .map((result) => `${result.name}: ${result.status === 'ok' ? '' : result.reason}`);
    expect(mustFailures).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});

describe('schema for third parties', () => {
  it('serves the SDL at GET /schema.graphql even when introspection is off', async () => {
    const introspection = await graphql(
      production.graphqlUrl,
      '{ __schema { queryType { name } } }',
    );
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const sdl = await (await fetch(`${production.url}/schema.graphql`)).text();
    expect(sdl).toContain('type ChangeOrder implements Node');
  });

  it('keeps the public contract: findBreakingChanges(contract, emitted) is empty', async () => {
    const contract = buildSchema(await fs.readFile(contractCopy, 'utf8'));
    const emitted = buildSchema(
      await fs.readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8'),
    );
    expect(findBreakingChanges(contract, emitted).map((change) => change.description)).toEqual([]);
  });

  it("checks against the team's contract: schema/contract.graphql is a copy of ../shared/contract.graphql", async () => {
    // The shared folder sits beside every checkout here and in CI; the copy lets the
    // check above run in a checkout without it too.
    const shared = path.join(repoRoot, '../shared/contract.graphql');
    const copy = await fs.readFile(contractCopy, 'utf8');
    const original = existsSync(shared) ? await fs.readFile(shared, 'utf8') : copy;
    expect(copy).toBe(original);
  });
});
