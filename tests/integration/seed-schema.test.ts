/** The graph schema: every constraint and index of docs/graph-model.md, applied idempotently. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyGraphSchema,
  ENTITY_NAMES_INDEX,
  graphSchemaStatements,
  ID_UNIQUE_LABELS,
  type SchemaProgress,
} from '../../src/graph/schema.js';
import { createTestDriver, testNeo4j } from '../helpers/neo4j.js';

let driver: Driver;
const database = () => testNeo4j().database;

async function rows(cypher: string) {
  const { records } = await driver.executeQuery(cypher, {}, { database: database() });
  return records.map((r) => r.toObject());
}

beforeAll(async () => {
  driver = createTestDriver();
  await applyGraphSchema(driver, database());
});

afterAll(async () => {
  await driver.close();
});

describe('applyGraphSchema', () => {
  it('makes id unique for Entity, every kind label, Article, Sentence and the fact nodes', async () => {
    const constraints = await rows(
      `SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
       WHERE type = 'UNIQUENESS' AND properties = ['id']
       RETURN labelsOrTypes[0] AS label`,
    );
    expect(constraints.map((c) => c.label).sort()).toEqual(
      expect.arrayContaining([...ID_UNIQUE_LABELS].sort()),
    );
  });

  it('creates the full-text index over the search keys, with the no-stop-words analyzer, online', async () => {
    const [index] = await rows(
      `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state
       WHERE name = '${ENTITY_NAMES_INDEX}'
       RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state`,
    );
    expect(index).toEqual({
      labelsOrTypes: ['Entity'],
      properties: ['searchWords', 'searchStems', 'searchNames'],
      analyzer: 'standard-no-stop-words',
      state: 'ONLINE',
    });
  });

  it('creates the range indexes the API and the clean-up use', async () => {
    const indexes = await rows(
      `SHOW RANGE INDEXES YIELD labelsOrTypes, properties, entityType
       RETURN entityType + ':' + labelsOrTypes[0] + '.' + properties[0] AS key`,
    );
    const keys = indexes.map((i) => i.key);
    for (const key of [
      'NODE:Sentence.articleId',
      'NODE:Meeting.date',
      'NODE:Article.publishedAt',
      'RELATIONSHIP:DISCUSSED.articleId',
      'RELATIONSHIP:PARTICIPATED_IN.articleId',
      'RELATIONSHIP:PARTICIPATED_IN.countryId',
    ]) {
      expect(keys).toContain(key);
    }
  });

  it('is idempotent: a second application changes nothing', async () => {
    const before = await rows('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    await applyGraphSchema(driver, database());
    expect(await rows('SHOW INDEXES YIELD name RETURN name ORDER BY name')).toEqual(before);
    // And each statement on its own is a no-op now (IF NOT EXISTS).
    let added = 0;
    for (const statement of graphSchemaStatements()) {
      const { summary } = await driver.executeQuery(statement, {}, { database: database() });
      added +=
        summary.counters.updates().indexesAdded + summary.counters.updates().constraintsAdded;
    }
    expect(added).toBe(0);
  });

  it('reports its progress: what exists, each constraint or index it creates, then online', async () => {
    const total = graphSchemaStatements().length;
    const heard: SchemaProgress[] = [];
    await applyGraphSchema(driver, database(), (p) => heard.push(p));
    expect(heard).toEqual([
      { inPlace: total, total, created: 0, just: null, online: false },
      { inPlace: total, total, created: 0, just: null, online: true },
    ]);

    await driver.executeQuery('DROP INDEX meeting_date', {}, { database: database() });
    await driver.executeQuery('DROP INDEX claim_article_id', {}, { database: database() });
    heard.length = 0;
    await applyGraphSchema(driver, database(), (p) => heard.push(p));
    expect(heard).toEqual([
      { inPlace: total - 2, total, created: 0, just: null, online: false },
      { inPlace: total - 1, total, created: 1, just: 'meeting_date', online: false },
      { inPlace: total, total, created: 2, just: 'claim_article_id', online: false },
      { inPlace: total, total, created: 2, just: null, online: true },
    ]);
  });
});
