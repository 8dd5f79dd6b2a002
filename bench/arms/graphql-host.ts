/**
 * Hosts a GraphQL schema the way togys does (Apollo Server 5 on fastify 5), for the peer and
 * naive arms: differences between arms then come from resolving, not from the HTTP stack.
 */
import type http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { RoundTripCounter } from './counting-driver.js';
import { announceReady, ROUND_TRIPS_PATH } from './env.js';

export async function hostGraphQL<C extends BaseContext>(options: {
  /** A ready schema (peer), or SDL + resolvers (naive) that Apollo Server assembles. */
  schema: GraphQLSchema | { typeDefs: string; resolvers: Record<string, Record<string, unknown>> };
  port: number;
  counter: RoundTripCounter;
  context: () => Promise<C>;
}): Promise<http.Server> {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  const plugins = [fastifyApolloDrainPlugin(app)];
  const apollo =
    'typeDefs' in options.schema
      ? new ApolloServer<C>({ ...options.schema, plugins })
      : new ApolloServer<C>({ schema: options.schema, plugins });
  await apollo.start();
  app.get(ROUND_TRIPS_PATH, async () => ({ count: options.counter.count }));
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: fastifyApolloHandler(apollo, { context: options.context }),
  });
  await app.listen({ port: options.port, host: '127.0.0.1' });
  announceReady(options.port);
  return app.server;
}
