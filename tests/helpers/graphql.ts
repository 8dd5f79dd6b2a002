/**
 * GraphQL test helpers: a seeded graph behind the real HTTP server, and a client that fails
 * loudly when an operation expected to succeed returns errors.
 */
import type { Driver } from 'neo4j-driver';
import { createTestDriver } from './neo4j.js';
import { FIRST_ARTICLE_YAML, seedTestCorpus } from './seed.js';
import { postGraphQL, startTestServer, type GraphQLResponse, type TestServer } from './server.js';

export interface SeededApi {
  server: TestServer;
  driver: Driver;
  /** Runs an operation; throws with the errors when any came back. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<TData>;
  /** Runs an operation and returns the whole response (for error cases). */
  raw<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * Clears the graph, seeds articles and starts the server: by default the first article alone
 * (with the entity registry), the graph most API tests were written against; `{ corpus:
 * 'all' }` seeds the whole seeds/ corpus, as `npm start` does.
 */
export async function startSeededApi(
  env: Partial<Record<string, string>> = {},
  { corpus = 'first-article' }: { corpus?: 'first-article' | 'all' } = {},
): Promise<SeededApi> {
  const driver = createTestDriver();
  await seedTestCorpus(driver, corpus === 'all' ? undefined : [FIRST_ARTICLE_YAML]);
  const server = await startTestServer(env);
  const raw = <TData>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<TData>(server.graphqlUrl, { query, variables });
  return {
    server,
    driver,
    raw,
    async query<TData>(query: string, variables?: Record<string, unknown>) {
      const response = await raw<TData>(query, variables);
      if (response.errors?.length || !response.data) {
        throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
      }
      return response.data;
    },
    async close() {
      await server.close();
      await driver.close();
    },
  };
}

/** The Cypher round trips an operation cost (the server reports them outside production). */
export function roundTrips(response: GraphQLResponse): number {
  const value = (response as { extensions?: { cypherRoundTrips?: unknown } }).extensions
    ?.cypherRoundTrips;
  if (typeof value !== 'number') throw new Error('response has no extensions.cypherRoundTrips');
  return value;
}
