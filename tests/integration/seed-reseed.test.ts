/**
 * Several articles and changed annotations: shared entities merge on ids; re-seeding a
 * changed annotation brings the graph to exactly what it now says, and nothing else moves.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus } from '../../src/seed/index.js';
import { clearGraph, createTestDriver, testNeo4j } from '../helpers/neo4j.js';
import {
  copyAnnotation,
  FIRST_ARTICLE_YAML,
  graphDump,
  indexOfId,
  SECOND_ARTICLE_YAML,
} from '../helpers/seed.js';

const FIRST = 'article/2022-08-25-smailov-mishustin';
const SECOND = 'article/fixture-smailov-investors';

let driver: Driver;
const seed = (paths: string[]) => seedCorpus(driver, { database: testNeo4j().database, paths });

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, params, {
    database: testNeo4j().database,
  });
  return records.map((r) => r.toObject());
}

/** Lines of `after` not in `before`, and of `before` not in `after`. */
function diff(before: string[], after: string[]) {
  return {
    added: after.filter((l) => !before.includes(l)),
    removed: before.filter((l) => !after.includes(l)),
  };
}

let firstCopy: string;
let secondCopy: string;

beforeAll(async () => {
  driver = createTestDriver();
  await clearGraph(driver);
  firstCopy = copyAnnotation(FIRST_ARTICLE_YAML);
  secondCopy = copyAnnotation(SECOND_ARTICLE_YAML);
  const report = await seed([firstCopy, secondCopy]);
  expect(report.articles.map((a) => a.status)).toEqual(['created', 'created']);
});

afterAll(async () => {
  await driver.close();
});

describe('two articles sharing entities', () => {
  it('merges shared entities on their ids: one node, mentioned by both articles', async () => {
    const kz = await rows(
      `MATCH (c:Country {id: 'country/kz'})
       OPTIONAL MATCH (s:Sentence)-[:MENTIONS]->(c)
       RETURN count(DISTINCT c) AS nodes, collect(DISTINCT s.articleId) AS articles`,
    );
    expect(Number(kz[0]?.nodes)).toBe(1);
    expect([...(kz[0]?.articles as string[])].sort()).toEqual([FIRST, SECOND]);
  });

  it("keeps each article's statement of the same edge as its own relationship", async () => {
    const holds = await rows(
      `MATCH (:Person {id: 'person/alikhan-smailov'})-[r:HOLDS_OFFICE]->(:Office {id: 'office/prime-minister-of-kazakhstan'})
       RETURN r.articleId AS article, toString(r.asOf) AS asOf ORDER BY article`,
    );
    expect(holds).toEqual([
      { article: FIRST, asOf: '2022-08-25' },
      { article: SECOND, asOf: '2022-09-01' },
    ]);
  });
});

describe('re-seeding a changed annotation', () => {
  it('removes a deleted fact, applies a corrected translation, and changes nothing else', async () => {
    const before = await graphDump(driver);
    copyAnnotation(
      FIRST_ARTICLE_YAML,
      {
        doc: (doc) => {
          doc.deleteIn(['facts', indexOfId(doc, 'facts', 'meeting-reported-by-press-service')]);
          doc.setIn(
            ['quotes', indexOfId(doc, 'quotes', 'continue-joint-work'), 'translation', 'en'],
            'We need to continue consistent joint work that takes mutual interests into account.',
          );
        },
      },
      path.dirname(firstCopy),
    );
    const report = await seed([firstCopy, secondCopy]);
    expect(report.articles.map((a) => [a.articleId, a.status])).toEqual([
      [FIRST, 'updated'],
      [SECOND, 'skipped'],
    ]);
    expect(report.articles[0]?.removed).toEqual({ nodes: 0, relationships: 1 });
    expect(report.articles[0]?.created).toEqual({ nodes: 0, relationships: 0 });

    const after = await graphDump(driver);
    const nodes = diff(before.nodes, after.nodes);
    const rels = diff(before.relationships, after.relationships);
    // The REPORTED_BY fact is gone; nothing else about relationships changed.
    expect(rels.added).toEqual([]);
    expect(rels.removed).toHaveLength(1);
    expect(rels.removed[0]).toMatch(/-REPORTED_BY-> organization\/kz-government-press-service/);
    // Two nodes changed: the quote (its translation) and the article (its content hash).
    expect(nodes.added).toHaveLength(2);
    expect(nodes.removed).toHaveLength(2);
    expect(nodes.added.find((n) => n.startsWith('Quote'))).toContain('We need to continue');
    expect(nodes.added.find((n) => n.startsWith('Article'))).toContain(FIRST);
    // The press service itself stays: the article still names it as its source.
    expect(
      await rows(`MATCH (o {id: 'organization/kz-government-press-service'}) RETURN o.id AS id`),
    ).toHaveLength(1);
  });

  it('removes an entity no article uses any more, keeps the shared ones', async () => {
    // The second article drops Astana (used by it alone) and its office claim (the office is
    // also used by the first article). Both are registered entities: an article stops using
    // one by no longer naming it.
    copyAnnotation(
      SECOND_ARTICLE_YAML,
      {
        doc: (doc) => {
          doc.deleteIn(['facts', indexOfId(doc, 'facts', 'astana-in-kazakhstan')]);
          doc.deleteIn(['facts', indexOfId(doc, 'facts', 'meeting-in-astana')]);
          doc.deleteIn(['facts', indexOfId(doc, 'facts', 'smailov-holds-prime-minister')]);
          const participated = indexOfId(doc, 'facts', 'smailov-participated');
          doc.deleteIn(['facts', participated, 'officeId']);
        },
      },
      path.dirname(secondCopy),
    );
    const report = await seed([firstCopy, secondCopy]);
    expect(report.articles.map((a) => a.status)).toEqual(['skipped', 'updated']);
    expect(await rows(`MATCH (p {id: 'place/astana'}) RETURN p`)).toEqual([]);
    const office = await rows(
      `MATCH (o:Office {id: 'office/prime-minister-of-kazakhstan'})<-[r:HOLDS_OFFICE]-()
       RETURN collect(r.articleId) AS articles`,
    );
    expect(office[0]?.articles).toEqual([FIRST]);
    // Mentions of the office from the second article are gone with it.
    expect(
      await rows(
        `MATCH (s:Sentence {articleId: $second})-[:MENTIONS]->(:Office) RETURN s.id AS id`,
        { second: SECOND },
      ),
    ).toEqual([]);
    // Smailov and Kazakhstan are still there, used by both.
    const shared = await rows(
      `MATCH (s:Sentence)-[:MENTIONS]->(e:Entity) WHERE e.id IN ['person/alikhan-smailov', 'country/kz']
       RETURN e.id AS id, collect(DISTINCT s.articleId) AS articles ORDER BY id`,
    );
    expect(shared.map((s) => [s.id, [...(s.articles as string[])].sort()])).toEqual([
      ['country/kz', [FIRST, SECOND]],
      ['person/alikhan-smailov', [FIRST, SECOND]],
    ]);
  });

  it("the first article is unaffected by the second's change", async () => {
    const first = await rows(`MATCH ()-[r]->() WHERE r.articleId = $first RETURN count(r) AS n`, {
      first: FIRST,
    });
    const fresh = copyAnnotation(FIRST_ARTICLE_YAML);
    const planned = await seedCorpus(driver, {
      database: testNeo4j().database,
      paths: [fresh],
      dryRun: true,
    });
    const plannedFactRels = Object.entries(planned.articles[0]?.planned.relationships ?? {})
      .filter(
        ([type]) => !['HAS_SENTENCE', 'MENTIONS', 'EVIDENCED_BY', 'SOURCED_FROM'].includes(type),
      )
      .reduce((n, [, count]) => n + count, 0);
    // The stored first article lacks the one REPORTED_BY fact removed above.
    expect(Number(first[0]?.n)).toBe(plannedFactRels - 1);
  });
});
