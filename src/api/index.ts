/**
 * The GraphQL server: Apollo Server over schema/*.graphql with the resolvers of ./resolvers,
 * abuse limits (tokens in the parser; graphql-armor: depth, aliases, directives; the cost with
 * the real page sizes in ./cost.ts; a per-operation deadline in the executor), error codes
 * (./errors.ts) and a per-operation Cypher round-trip count (logged; returned in
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
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.js';
import type { Neo4jReachability } from '../graph/driver.js';
import type { RecentStatements } from '../graph/replan.js';
import type { Logger } from '../logger.js';
import { createContext, type GraphQLContext } from './context.js';
import { costLimitPlugin } from './cost.js';
import { createFormatError } from './errors.js';
import { jitGateway } from './jit-executor.js';
import { resolvers } from './resolvers/index.js';
import { knownOperationTypesRule } from './rules.js';
import { registryMismatches } from './relation-fields.js';
import { relationResolvers } from './resolvers/relations.js';
import { loadTypeDefs } from './schema.js';
import { jsonError } from '../server/http-errors.js';

interface GraphQLServerDeps {
  driver: Driver;
  config: AppConfig;
  logger: Logger;
  /** The HTTP app: GET and POST `path` are mounted on it; stopping Apollo drains its server. */
  app: FastifyInstance;
  path: string;
  /** Told of each statement's outcome; tells timeouts from outages (createNeo4jMonitor). */
  reachability?: Neo4jReachability;
  /** Remembers the statements run, to re-plan them when Neo4j restarts. */
  statements?: RecentStatements;
}

interface GraphQLServer {
  /** Stops Apollo after draining the HTTP server: no new requests; those in flight finish. */
  stop(): Promise<void>;
}

export async function createGraphQLServer(deps: GraphQLServerDeps): Promise<GraphQLServer> {
  const { config, logger } = deps;
  const production = config.nodeEnv === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth },
    maxAliases: { n: config.graphql.maxAliases },
    // The cost needs the variables: ./cost.ts checks it per request, with armor's own rule.
    costLimit: { enabled: false },
    // Armor counts tokens in a parse of its own, whose errors (even a plain syntax error)
    // escape Apollo as HTTP 500: Apollo's parser counts them instead (parseOptions below).
    maxTokens: { enabled: false },
    // Armor rewrites messages in place, which throws on a read-only error; suggestions are
    // removed by formatError instead, whenever introspection is off.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();

  const server = new ApolloServer<GraphQLContext>({
    gateway: jitGateway(createSchema()),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    formatError: createFormatError({
      timeoutMs: config.graphql.operationTimeoutMs,
      development: config.nodeEnv === 'development',
      // Suggestions ("Did you mean …?") would map the schema that introspection hides.
      hideSuggestions: !config.graphql.introspection,
      logger,
    }),
    parseOptions: { maxTokens: config.graphql.maxTokens },
    allowBatchedHttpRequests: false,
    // src/main.ts owns SIGINT/SIGTERM (stop HTTP, then the driver, then the local Neo4j);
    // Apollo's own handlers (on outside NODE_ENV=test) would race it and hang the shutdown.
    stopOnTerminationSignals: false,
    validationRules: [...protection.validationRules, knownOperationTypesRule],
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
      costLimitPlugin({
        maxCost: config.graphql.maxCost,
        maxPageSize: config.graphql.maxPageSize,
      }) as ApolloServerPlugin<GraphQLContext>,
      roundTripPlugin(logger, !production),
    ],
  });
  await server.start();
  const apollo = fastifyApolloHandler(server, {
    context: async () =>
      createContext({
        driver: deps.driver,
        config,
        logger,
        reachability: deps.reachability,
        statements: deps.statements,
      }),
  });
  deps.app.route<{ Reply: string }>({
    // HEAD answered here (405), not by fastify's automatic HEAD-as-GET.
    method: ['GET', 'POST', 'HEAD'],
    exposeHeadRoute: false,
    url: deps.path,
    handler: async function (this: FastifyInstance, request, reply) {
      // Apollo would answer HEAD like a GET without a query (400); it is not a GraphQL method.
      if (request.method === 'HEAD') {
        return reply
          .code(405)
          .header('allow', 'GET, POST')
          .type('application/json; charset=utf-8')
          .send(
            JSON.stringify(
              jsonError('Send a GET or POST request to /graphql.', 'METHOD_NOT_ALLOWED'),
            ),
          );
      }
      const body = await apollo.call(this, request, reply);
      if (isRequestErrorForPlainJson(reply, body)) void reply.code(200);
      return body;
    },
  });
  return { stop: () => server.stop() };
}

/**
 * The executable schema: schema/*.graphql with the resolvers of ./resolvers. An interface's
 * relation field (`Entity.statementsAbout`) has its resolver on the interface: inherited.
 */
export function createSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [resolvers, relationResolvers()],
    inheritResolversFromInterfaces: true,
  });
  // A registry out of step with the SDL would answer with blanks: refuse to start instead.
  const mismatches = registryMismatches(schema);
  if (mismatches.length > 0) {
    throw new Error(`relation registry and schema disagree:\n${mismatches.join('\n')}`);
  }
  return schema;
}

/** Apollo's codes for a request that could not become an execution (nothing was run). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type)
 * should get 200 for a document that does not parse or validate, or for variables that do not
 * coerce (a proxy in between could swallow a 4xx's body); one that accepts
 * `application/graphql-response+json` gets Apollo's 400. Other 400s (no query, a CSRF refusal)
 * stay 400.
 */
function isRequestErrorForPlainJson(reply: FastifyReply, body: unknown): boolean {
  if (reply.statusCode !== 400 || typeof body !== 'string') return false;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !/^application\/json\b/.test(type)) return false;
  const parsed = JSON.parse(body) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: unknown } }>;
  };
  return (
    parsed.data === undefined &&
    Array.isArray(parsed.errors) &&
    parsed.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))
  );
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
