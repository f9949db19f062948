/**
 * The second ceiling: Apollo Server 5 (the portal's version) answering `{ __typename }`,
 * with no schema work, no context and no database. The gap between this and the bare Node
 * hello is the GraphQL layer's own cost; the gap to the grid is the portal's.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  stopOnTerminationSignals: false,
});
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(url).port) })}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
