/** Every query of schema/browser-queries.cypher runs on the seeded graph and returns rows. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';

const FILE = path.resolve(import.meta.dirname, '../../schema/browser-queries.cypher');

interface BrowserQuery {
  title: string;
  cypher: string;
}

/** Blocks separated by blank lines; a block is `// title` then the query (comment-only blocks are notes). */
function parseQueries(source: string): BrowserQuery[] {
  return source
    .split(/\n\s*\n/)
    .map((block) => block.trim().split('\n'))
    .filter((lines) => lines.some((l) => !l.startsWith('//')))
    .map((lines) => {
      const first = lines[0] ?? '';
      if (!first.startsWith('// '))
        throw new Error(`query without a // title:\n${lines.join('\n')}`);
      return {
        title: first.slice(3).trim(),
        cypher: lines.slice(1).join('\n').replace(/;\s*$/, ''),
      };
    });
}

const queries = parseQueries(readFileSync(FILE, 'utf8'));
let driver: Driver;

beforeAll(async () => {
  driver = createTestDriver();
  await seedTestCorpus(driver);
});

afterAll(async () => {
  await driver.close();
});

describe('schema/browser-queries.cypher', () => {
  it('has titled queries covering the meeting, quotes, topics, figures and mentions', () => {
    const titles = queries.map((q) => q.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const topic of [
      /meeting and everything/i,
      /said what/i,
      /discussed/i,
      /trade figures/i,
      /mentioning/i,
    ]) {
      expect(
        titles.some((t) => topic.test(t)),
        String(topic),
      ).toBe(true);
    }
  });

  it.each(queries.map((q) => [q.title, q] as const))('%s → returns rows', async (_title, query) => {
    const { records } = await driver.executeQuery(
      query.cypher,
      {},
      { database: testNeo4j().database },
    );
    expect(records.length).toBeGreaterThan(0);
  });
});
