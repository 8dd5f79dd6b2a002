/**
 * Hosts a GraphQL schema the way togys does (Apollo Server 5 on express 5), for the peer and
 * naive arms: differences between arms then come from resolving, not from the HTTP stack.
 */
import http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { RoundTripCounter } from './counting-driver.js';
import { announceReady, ROUND_TRIPS_PATH } from './env.js';

export async function hostGraphQL<C extends BaseContext>(options: {
  /** A ready schema (peer), or SDL + resolvers (naive) that Apollo Server assembles. */
  schema: GraphQLSchema | { typeDefs: string; resolvers: Record<string, Record<string, unknown>> };
  port: number;
  counter: RoundTripCounter;
  context: (req: express.Request) => Promise<C>;
}): Promise<http.Server> {
  const app = express();
  const httpServer = http.createServer(app);
  const plugins = [ApolloServerPluginDrainHttpServer({ httpServer })];
  const apollo =
    'typeDefs' in options.schema
      ? new ApolloServer<C>({ ...options.schema, plugins })
      : new ApolloServer<C>({ schema: options.schema, plugins });
  await apollo.start();
  app.get(ROUND_TRIPS_PATH, (_req, res) => {
    res.json({ count: options.counter.count });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req }) => options.context(req) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(options.port, '127.0.0.1', resolve));
  announceReady(options.port);
  return httpServer;
}
