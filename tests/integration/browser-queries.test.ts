/** Every query of schema/browser-queries.cypher runs on the seeded graph and returns rows. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserQueries } from '../helpers/browser-queries.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import { seedTestCorpus } from '../helpers/seed.js';

const queries = browserQueries();
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
      /meeting at a glance/i,
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

  // Browser shows the planner's warnings (a cartesian product, an unknown label…) over the result.
  it.each(queries.map((q) => [q.title, q] as const))(
    '%s → no planner notification',
    async (_t, query) => {
      const { summary } = await driver.executeQuery(
        `EXPLAIN ${query.cypher}`,
        {},
        { database: testNeo4j().database },
      );
      const warnings = summary.notifications.filter((n) => n.severityLevel === 'WARNING');
      expect(warnings.map((n) => `${n.code}: ${n.description}`)).toEqual([]);
    },
  );
});
