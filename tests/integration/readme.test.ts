/**
 * The README cannot rot: its GraphQL examples are copies of docs/queries files (which
 * docs-queries.test.ts executes with their own assertions), and each of its Cypher examples
 * runs against the seeded graph and returns rows.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { execute } from '../../client/execute.js';
import { WhoMetWhomDocument } from '../../client/generated/graphql.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';
import { startTestServer } from '../helpers/server.js';

const readme = readFileSync('README.md', 'utf8');

function codeBlocks(language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...readme.matchAll(fence)].map((m) => m[1]!.trim());
}

const QUERIES_DIR = 'docs/queries';
const exampleFiles = new Map(
  readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => [readFileSync(path.join(QUERIES_DIR, f), 'utf8').trim(), f] as const),
);

describe('README.md examples', () => {
  const graphqlBlocks = codeBlocks('graphql');
  const cypherBlocks = codeBlocks('cypher');

  it('has GraphQL and Cypher examples', () => {
    expect(graphqlBlocks.length).toBeGreaterThan(0);
    expect(cypherBlocks.length).toBeGreaterThan(0);
  });

  it.each(
    graphqlBlocks.map((block) => [
      block.split('\n').find((l) => l.startsWith('query')) ?? block.slice(0, 40),
      block,
    ]),
  )('GraphQL example "%s" is a verbatim copy of a docs/queries file', (_title, block) => {
    expect(exampleFiles.has(block), `README block not found in ${QUERIES_DIR}:\n${block}`).toBe(
      true,
    );
  });

  it('links every docs/queries file', () => {
    for (const file of exampleFiles.values()) expect(readme).toContain(`docs/queries/${file}`);
  });

  it('its curl call answers as the README says, run by a real shell against the real server', async () => {
    const curl = codeBlocks('sh').find((block) => block.startsWith('curl '));
    expect(curl).toBeDefined();
    const driver = createTestDriver();
    await seedTestCorpus(driver);
    const server = await startTestServer();
    try {
      const command = curl!.replaceAll('http://localhost:4000', server.url);
      const { stdout } = await promisify(execFile)('sh', ['-c', command]);
      const answer = JSON.parse(stdout) as {
        data: { search: Array<{ entity: { id: string; name: string } }> };
      };
      expect(answer.data.search).toEqual([
        { entity: { id: 'person/mikhail-mishustin', name: 'Mikhail Mishustin' } },
      ]);
    } finally {
      await server.close();
      await driver.close();
    }
  });

  it('its typed TypeScript client call (client/example.ts) prints what the README says, run by tsx against the real server', async () => {
    const example = readFileSync('client/example.ts', 'utf8').trim();
    const tsBlocks = codeBlocks('ts');
    expect(tsBlocks, 'the README shows client/example.ts verbatim').toContain(example);
    const printed = readme.split('```ts\n' + example + '\n```')[1]!;
    const expected = /^```text\n([\s\S]*?)^```$/m.exec(printed)?.[1];
    expect(expected, 'a ```text block after the example shows what it prints').toBeDefined();
    const driver = createTestDriver();
    await seedTestCorpus(driver);
    const server = await startTestServer();
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'client/example.ts'],
        { env: { ...process.env, GRAPHQL_URL: server.graphqlUrl } },
      );
      expect(stdout).toBe(expected);
    } finally {
      await server.close();
      await driver.close();
    }
  });

  it('the typed client answers with the types of its operation', async () => {
    const driver = createTestDriver();
    await seedTestCorpus(driver);
    const server = await startTestServer();
    try {
      const { meetings } = await execute(server.graphqlUrl, WhoMetWhomDocument);
      // Checked by tsc (npm test type-checks first): the answer's types follow the SDL.
      expectTypeOf(meetings.totalCount).toEqualTypeOf<number>();
      expectTypeOf(meetings.edges[0]!.node.date).toEqualTypeOf<string | null | undefined>();
      // A body taking part has no person: the type says so.
      expectTypeOf(meetings.edges[0]!.node.participants[0]!.person?.kk).toEqualTypeOf<
        string | undefined
      >();
      const first = meetings.edges.find(({ node }) => node.date === '2022-08-25')!.node;
      expect(new Set(first.participants.map((p) => p.person?.kk))).toEqual(
        new Set(['Әлихан Смайылов', 'Михаил Мишустин']),
      );
    } finally {
      await server.close();
      await driver.close();
    }
  });

  describe('Cypher examples on the seeded graph', () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = createTestDriver();
      await seedTestCorpus(driver);
    });
    afterAll(() => driver.close());

    it.each(cypherBlocks.map((block) => [block.split('\n')[0]!, block]))(
      '"%s" returns rows',
      async (_title, block) => {
        const { records } = await driver.executeQuery(
          block,
          {},
          { database: testNeo4j().database },
        );
        expect(records.length).toBeGreaterThan(0);
      },
    );
  });
});
