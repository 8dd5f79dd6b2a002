/**
 * STUB (foundation, issue 2): the API helper replaces the body and keeps the
 * exported signature. Serves a one-field schema so the HTTP layer can be tested.
 */
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type express from 'express';
import { gql } from 'graphql-tag';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';

export interface GraphQLServerDeps {
  driver: Driver;
  config: AppConfig;
  logger: Logger;
  httpServer: http.Server;
}

export interface GraphQLServer {
  middleware: express.RequestHandler;
  stop(): Promise<void>;
}

export async function createGraphQLServer(deps: GraphQLServerDeps): Promise<GraphQLServer> {
  const server = new ApolloServer({
    typeDefs: gql`
      type Query {
        ping: String!
      }
    `,
    resolvers: { Query: { ping: () => 'pong' } },
    introspection: deps.config.graphql.introspection,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer })],
  });
  await server.start();
  return {
    middleware: expressMiddleware(server),
    stop: () => server.stop(),
  };
}
