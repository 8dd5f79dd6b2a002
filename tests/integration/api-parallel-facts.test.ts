/**
 * Parallel facts: the graph keeps one relationship per article stating an edge; the API answers
 * one item per edge, with each article's statement, and lists each related node once.
 * Seeds the repo's article plus the second fixture article, which restates that Smailov is Prime
 * Minister of Kazakhstan (asOf 2022-09-01) and adds a meeting of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';
import { FIRST_ARTICLE_YAML, SECOND_ARTICLE_YAML, seedPaths } from '../helpers/seed.js';

const FIRST = 'article/2022-08-25-smailov-mishustin';
const SECOND = 'article/fixture-smailov-investors';
const SMAILOV = 'person/alikhan-smailov';
const PM_KZ = 'office/prime-minister-of-kazakhstan';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi({ GRAPHQL_MAX_COST: '1000000' });
  await seedPaths(api.driver, [FIRST_ARTICLE_YAML, SECOND_ARTICLE_YAML]);
});
afterAll(async () => {
  await api?.close();
});

interface Holding {
  office: { id: string };
  asOf: string | null;
  statements: Array<{
    factId: string;
    article: { id: string };
    evidence: Array<{ article: { id: string } }>;
  }>;
  evidence: Array<{ article: { id: string }; excerpts: string[] }>;
}

const HOLDINGS = `offices { office { id } asOf
  statements { factId article { id } evidence { article { id } } }
  evidence { article { id } excerpts } }`;

describe('parallel fact relationships', () => {
  it('the graph does hold two HOLDS_OFFICE relationships for Smailov (the premise)', async () => {
    const { records } = await api.driver.executeQuery(
      'MATCH (:Person {id: $p})-[r:HOLDS_OFFICE]->(:Office {id: $o}) RETURN r.articleId AS a ORDER BY a',
      { p: SMAILOV, o: PM_KZ },
    );
    expect(records.map((r) => r.get('a'))).toEqual([FIRST, SECOND]);
  });

  it('Person.offices: one item per office, a statement per article, evidence from both', async () => {
    const data = await api.query<{ entity: { offices: Holding[] } }>(
      `query ($id: ID!) { entity(id: $id) { ... on Person { ${HOLDINGS} } } }`,
      { id: SMAILOV },
    );
    const pm = data.entity.offices.filter((h) => h.office.id === PM_KZ);
    expect(pm).toHaveLength(1);
    const holding = pm[0]!;
    expect(holding.statements.map((s) => s.article.id)).toEqual([FIRST, SECOND]);
    expect(holding.statements.map((s) => s.factId)).toContain('smailov-holds-prime-minister');
    for (const s of holding.statements) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.every((e) => e.article.id === s.article.id)).toBe(true);
    }
    expect(new Set(holding.evidence.map((e) => e.article.id))).toEqual(new Set([FIRST, SECOND]));
    // The latest date a statement gives (the second article's 2022-09-01).
    expect(holding.asOf).toBe('2022-09-01');
    // No office appears twice.
    const ids = data.entity.offices.map((h) => h.office.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the same through look-ahead (node) and through the list path (people)', async () => {
    const viaNode = await api.raw<{ node: { offices: Holding[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on Person { ${HOLDINGS} } } }`,
      { id: SMAILOV },
    );
    expect(roundTrips(viaNode)).toBeLessThanOrEqual(3);
    const viaList = await api.query<{
      people: { edges: Array<{ node: { id: string; offices: Holding[] } }> };
    }>(`{ people(first: 100) { edges { node { id ${HOLDINGS} } } } }`);
    const listed = viaList.people.edges.find((e) => e.node.id === SMAILOV)!.node.offices;
    expect(viaNode.data?.node.offices).toEqual(listed);
  });

  it('Office.holders and Country.officials list Smailov once for the office', async () => {
    const data = await api.query<{
      office: { holders: Array<{ person: { id: string }; statements: unknown[] }> };
      kz: { officials: Array<{ person: { id: string }; office: { id: string } }> };
    }>(`{
      office: entity(id: "${PM_KZ}") { ... on Office { holders { person { id } statements { factId } } } }
      kz: entity(id: "country/kz") { ... on Country { officials { person { id } office { id } } } }
    }`);
    const smailov = data.office.holders.filter((h) => h.person.id === SMAILOV);
    expect(smailov).toHaveLength(1);
    expect(smailov[0]!.statements).toHaveLength(2);
    const pairs = data.kz.officials.map((o) => `${o.person.id} ${o.office.id}`);
    expect(pairs).toContain(`${SMAILOV} ${PM_KZ}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('node lists (a country’s governments) list a node once, whatever the parallel relationships', async () => {
    // A second statement of an edge the fixture articles do not repeat.
    await api.driver.executeQuery(
      `MATCH (o:Organization)-[r:GOVERNMENT_OF]->(c:Country {id: 'country/kz'})
       WITH o, c, r LIMIT 1
       CREATE (o)-[:GOVERNMENT_OF {factId: 'restated', articleId: $a, sentenceIds: [], evidence: []}]->(c)`,
      { a: SECOND },
    );
    try {
      const data = await api.query<{ entity: { governments: Array<{ id: string }> } }>(
        '{ entity(id: "country/kz") { ... on Country { governments { id } } } }',
      );
      const ids = data.entity.governments.map((g) => g.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await api.driver.executeQuery("MATCH ()-[r:GOVERNMENT_OF {factId: 'restated'}]->() DELETE r");
    }
  });

  it('participations and discussions: one item per edge; a different framing is its own item', async () => {
    const meeting = 'meeting/2022-08-25-smailov-mishustin';
    // Restate, as if from the second article, one participation, one discussion with the same
    // framing and the same discussion with another framing.
    await api.driver.executeQuery(
      `MATCH (p:Person {id: $p})-[r:PARTICIPATED_IN]->(m:Meeting {id: $m})
       CREATE (p)-[r2:PARTICIPATED_IN]->(m) SET r2 = properties(r), r2.factId = 'restated', r2.articleId = $a
       WITH m
       MATCH (m)-[d:DISCUSSED]->(t) WITH m, d, t ORDER BY t.id LIMIT 1
       CREATE (m)-[d2:DISCUSSED]->(t) SET d2 = properties(d), d2.factId = 'restated', d2.articleId = $a
       CREATE (m)-[d3:DISCUSSED]->(t) SET d3 = properties(d), d3.factId = 'reframed', d3.articleId = $a,
         d3.framing = CASE d.framing WHEN 'PROSPECT' THEN 'DISCUSSED' ELSE 'PROSPECT' END`,
      { p: SMAILOV, m: meeting, a: SECOND },
    );
    try {
      const data = await api.query<{
        entity: {
          participants: Array<{ person: { id: string }; statements: Array<{ factId: string }> }>;
          discussed: Array<{
            framing: string;
            subject: { id: string };
            statements: Array<{ factId: string; article: { id: string } }>;
          }>;
        };
      }>(
        `query ($id: ID!) { entity(id: $id) { ... on Meeting {
          participants { person { id } statements { factId } }
          discussed { framing subject { ... on Node { id } } statements { factId article { id } } } } } }`,
        { id: meeting },
      );
      const smailov = data.entity.participants.filter((p) => p.person.id === SMAILOV);
      expect(smailov).toHaveLength(1);
      expect(smailov[0]!.statements.map((s) => s.factId)).toContain('restated');
      expect(smailov[0]!.statements).toHaveLength(2);

      const items = data.entity.discussed.map((d) => `${d.subject.id} ${d.framing}`);
      expect(new Set(items).size).toBe(items.length);
      const restated = data.entity.discussed.find((d) =>
        d.statements.some((s) => s.factId === 'restated'),
      )!;
      expect(restated.statements.map((s) => s.article.id)).toEqual([FIRST, SECOND]);
      const reframed = data.entity.discussed.find((d) =>
        d.statements.some((s) => s.factId === 'reframed'),
      )!;
      expect(reframed.subject.id).toBe(restated.subject.id);
      expect(reframed.framing).not.toBe(restated.framing);
      expect(reframed.statements).toHaveLength(1);
    } finally {
      await api.driver.executeQuery(
        "MATCH ()-[r:PARTICIPATED_IN|DISCUSSED]->() WHERE r.factId IN ['restated', 'reframed'] DELETE r",
      );
    }
  });
});
