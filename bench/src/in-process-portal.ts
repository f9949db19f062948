// The schema module first: it loads reflect-metadata, which the entities' decorators need.
import '../../server/src/app/schema.js';
import { loadConfig } from '../../server/src/app/config.js';
import { createLogger } from '../../server/src/app/logger.js';
import { statementRecorder } from '../../server/src/app/orm.js';
import { startPortal } from '../../server/src/app/portal.js';
import { JWT_SECRET } from './portal-process.js';

/**
 * The portal in the bench process (startPortal, as the API tests do) over a database of the
 * bench cluster, with a `statementRecorder` on its ORM, so a count or a copy of an
 * operation's SQL can be taken around one request. The outbox relay is stopped first:
 * its reads (each second and after each commit) are not the requests'.
 */
export async function startInProcessPortal(databaseUrl: string) {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED: 'demo',
    RATE_LIMIT_RPS: '0',
    JWT_SECRET,
  });
  const statements = statementRecorder();
  const portal = await startPortal({
    config,
    logger: createLogger(config),
    ormHooks: { onQuery: statements.onQuery },
    database: async () => ({ url: databaseUrl, stop: async () => undefined }),
  });
  try {
    await portal.ready;
    await portal.relay()!.stop();
  } catch (error) {
    await portal.close();
    throw error;
  }
  const platform = portal.orm()!.em.getPlatform();
  return {
    graphqlUrl: `${portal.url}/graphql`,
    /** The statements `work` made the portal send, in order, as written (`?` for values). */
    during: async (work: () => Promise<unknown>) =>
      (await statements.during(work)).map(({ sql }) => sql),
    /** The same statements with their values inline: the text MikroORM sent. */
    sentDuring: async (work: () => Promise<unknown>) =>
      (await statements.during(work)).map(({ sql, params }) =>
        platform.formatQuery(sql, [...params]),
      ),
    close: () => portal.close(),
  };
}
