import pg from 'pg';
import { newApiKeySecret } from '../../server/src/modules/api-key/api-key-secret.js';

/**
 * `count` API keys (READ and SUBSCRIBE) of the organisation of the user with `email`,
 * written straight into the database: the demo data has no vendor administrator to make
 * them through `createApiKey`, and making a thousand through the API is not what is
 * measured. Returns their secrets. Each key is its own audience for the server, so
 * sockets opened with them share no execution of an event (see sharedSubscribe).
 */
export async function insertApiKeys(
  databaseUrl: string,
  email: string,
  count: number,
): Promise<string[]> {
  const keys = Array.from({ length: count }, () => newApiKeySecret());
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `INSERT INTO api_key (id, organization_id, created_by_id, name, scopes, prefix, secret_hash)
       SELECT gen_random_uuid(), u.organization_id, u.id, 'Bench audience ' || k.n,
              ARRAY['READ', 'SUBSCRIBE']::api_scope[], k.prefix, k.secret_hash
         FROM app_user u,
              unnest($2::text[], $3::text[]) WITH ORDINALITY AS k(prefix, secret_hash, n)
        WHERE u.email = $1`,
      [email, keys.map((key) => key.prefix), keys.map((key) => key.secretHash)],
    );
    if (rowCount !== count) throw new Error(`made ${rowCount} API keys for ${email}, not ${count}`);
  } finally {
    await client.end();
  }
  return keys.map((key) => key.secret);
}
