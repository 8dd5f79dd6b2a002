/**
 * The GraphQL server: Apollo Server over schema/*.graphql with the resolvers of ./resolvers,
 * abuse limits (graphql-armor: depth, cost, aliases; a per-operation deadline in the executor),
 * error codes (./errors.ts) and a per-operation Cypher round-trip count (logged; returned in
 * `extensions.cypherRoundTrips` outside production, for tests and debugging). Operations are
 * executed by graphql-jit (./jit-executor.ts), compiled once per distinct operation.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createContext, type GraphQLContext } from './context.js';
import { createFormatError } from './errors.js';
import { jitGateway } from './jit-executor.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';

export interface GraphQLServerDeps {
  driver: Driver;
  config: AppConfig;
  logger: Logger;
  /** The HTTP app: GET and POST `path` are mounted on it; stopping Apollo drains its server. */
  app: FastifyInstance;
  path: string;
}

export interface GraphQLServer {
  /** Stops Apollo after draining the HTTP server: no new requests; those in flight finish. */
  stop(): Promise<void>;
}

export async function createGraphQLServer(deps: GraphQLServerDeps): Promise<GraphQLServer> {
  const { config, logger } = deps;
  const production = config.nodeEnv === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth },
    // Cost: objects 2, scalars 1, ×1.5 per level, × a literal `first` (armor's model).
    costLimit: { maxCost: config.graphql.maxCost, flattenFragments: true },
    maxAliases: { n: config.graphql.maxAliases },
    // Field suggestions help developers; in production they would map the schema for anyone.
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();

  const server = new ApolloServer<GraphQLContext>({
    gateway: jitGateway(createSchema()),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    formatError: createFormatError({
      timeoutMs: config.graphql.operationTimeoutMs,
      development: config.nodeEnv === 'development',
      logger,
    }),
    allowBatchedHttpRequests: false,
    // src/main.ts owns SIGINT/SIGTERM (stop HTTP, then the driver, then the local Neo4j);
    // Apollo's own handlers (on outside NODE_ENV=test) would race it and hang the shutdown.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same objects.
      ...(protection.plugins as unknown as Array<ApolloServerPlugin<GraphQLContext>>),
      // Apollo's drain: stop accepting, let in-flight requests finish and close their sockets
      // (fastify's own close leaves a keep-alive socket open until the client drops it).
      ApolloServerPluginDrainHttpServer({ httpServer: deps.app.server }),
      // The schema sets no cache hints; Apollo's default cache-control plugin would still wrap
      // every field resolver (willResolveField) to compute them: ~8% of a nested query's CPU.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo Sandbox explores the schema by introspection: offered exactly when that is on.
      config.graphql.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      roundTripPlugin(logger, !production),
    ],
  });
  await server.start();
  deps.app.route({
    method: ['GET', 'POST'],
    url: deps.path,
    handler: fastifyApolloHandler(server, {
      context: async () => createContext({ driver: deps.driver, config, logger }),
    }),
  });
  return { stop: () => server.stop() };
}

/** The executable schema: schema/*.graphql with the resolvers of ./resolvers. */
export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/** Logs each operation's Cypher round trips and, when `expose`, returns them in extensions. */
function roundTripPlugin(logger: Logger, expose: boolean): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, request }) {
          const roundTrips = contextValue.executor.roundTrips;
          logger.debug({ operationName: request.operationName, roundTrips }, 'graphql operation');
          if (expose && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cypherRoundTrips: roundTrips,
            };
          }
        },
      };
    },
  };
}
