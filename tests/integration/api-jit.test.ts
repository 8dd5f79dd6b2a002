/**
 * The server executes operations with graphql-jit (src/api/jit-executor.ts). These tests run the
 * same operations through graphql-js's own `execute` on the same schema, resolvers and seeded
 * graph, and require the same answer: data, errors (message, path, code) and all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  execute,
  getIntrospectionQuery,
  parse,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/api/context.js';
import { createSchema } from '../../src/api/index.js';
import { createJitExecutor, type OperationExecutor } from '../../src/api/jit-executor.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';

const schema = createSchema();
let driver: Driver;
let config: AppConfig;
let jit: OperationExecutor;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
  const neo4j = testNeo4j();
  config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  });
  jit = createJitExecutor(schema);
});
afterAll(async () => {
  await driver?.close();
});

/** A fresh per-operation context, as the server makes one per request. */
const context = () => createContext({ driver, config, logger: createLogger(config) });

/** The result as a client receives it (errors serialised by graphql-js's toJSON). */
const asJson = (result: ExecutionResult) => JSON.parse(JSON.stringify(result)) as ExecutionResult;

async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  const byJs = await execute({
    schema,
    document,
    variableValues: variables,
    contextValue: context(),
  });
  const byJit = await jit({ document, operation, variables, contextValue: context() });
  return { byJs: asJson(byJs), byJit: asJson(byJit) };
}

const DOCS_QUERIES = path.resolve('docs/queries');

describe('graphql-jit answers exactly as graphql-js', () => {
  it.each(readdirSync(DOCS_QUERIES).filter((f) => f.endsWith('.graphql')))(
    'docs/queries/%s',
    async (file) => {
      const { byJs, byJit } = await bothWays(readFileSync(path.join(DOCS_QUERIES, file), 'utf8'));
      expect(byJs.errors).toBeUndefined();
      expect(JSON.stringify(byJs.data).length).toBeGreaterThan(100);
      expect(byJit).toEqual(byJs);
    },
  );

  it('abstract types, fragments, aliases, variables and arguments', async () => {
    const { byJs, byJit } = await bothWays(
      `query Mixed($id: ID!, $lang: Language!, $withKk: Boolean!) {
        node(id: $id) { __typename ...Holder }
        skipped: node(id: $id) @skip(if: true) { id }
        maybe: node(id: $id) { id ... on Entity { name(lang: KK) @include(if: $withKk) } }
        again: node(id: $id) { ... on Entity { kk: name(lang: KK) en: name(lang: $lang) } }
        search(query: "Мишустин", first: 3) { entity { __typename id } }
      }
      fragment Holder on Person { id offices { office { id name } statements { factId } asOf } }`,
      { id: 'person/mikhail-mishustin', lang: 'EN', withKk: false },
    );
    expect(byJs.errors).toBeUndefined();
    expect((byJs.data?.node as { __typename?: string } | null)?.__typename).toBe('Person');
    expect(byJit).toEqual(byJs);
  });

  it('introspection (what Apollo Sandbox and codegen clients ask)', async () => {
    const { byJs, byJit } = await bothWays(getIntrospectionQuery({ descriptions: true }));
    expect(byJs.errors).toBeUndefined();
    expect(JSON.stringify(byJs.data)).toContain('"name":"MeetingConnection"');
    expect(byJit).toEqual(byJs);
  });

  it('a resolver error: same message, path and code, and the rest of the answer', async () => {
    const { byJs, byJit } = await bothWays(
      '{ people(first: -1) { totalCount } meetings(first: 1) { totalCount } }',
    );
    expect(byJs.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(byJs.errors?.[0]?.path).toEqual(['people']);
    expect(byJit).toEqual(byJs);
  });

  it('a bad variable: the same error as graphql-js, pointing at the variable', async () => {
    const query = 'query($d: Date) { meetings(filter: { dateFrom: $d }) { totalCount } }';
    const { byJs, byJit } = await bothWays(query, { d: '2022-02-30' });
    expect(byJs.errors?.[0]?.message).toContain('$d');
    expect(byJit).toEqual(byJs);
  });
});
