/**
 * Reading only what the selection needs: relation statements read whole nodes, or only their
 * labels and ids when the selection below asks for nothing else, and relationships' properties
 * only when read. Every mode must give the same items, and a node read by id only must never
 * stand in for the whole node elsewhere in the operation.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endsOf,
  RELATIONS,
  prefetchRelated,
  type RelationName,
  type WireAnchor,
} from '../../src/graph/relations.js';
import { nodeRecordOf, type WireNode } from '../../src/graph/nodes.js';
import { startSeededApi, type SeededApi } from '../helpers/graphql.js';

const SMAILOV = 'person/alikhan-smailov';
const MEETING = 'meeting/2022-08-25-smailov-mishustin';

let api: SeededApi;
let driver: Driver;
beforeAll(async () => {
  api = await startSeededApi({ GRAPHQL_MAX_COST: '1000000' });
  driver = api.driver;
  const { records } = await driver.executeQuery(
    'MATCH (n) WHERE n.id IS NOT NULL RETURN collect(n.id) AS ids',
  );
  ids = records[0]!.get('ids') as string[];
});
afterAll(async () => {
  await api?.close();
});

let ids: string[] = [];

/** An answer without the fields named `keys`, at every depth. */
function withoutKeys(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.includes(k))
      .map(([k, v]) => [k, withoutKeys(v, keys)]),
  );
}

/**
 * One relation per distinct statement: an evidence twin (`Meeting.heldInFacts`) reads exactly
 * its bare field's pattern (tests/unit/api/relations.test.ts), so it would give the same items
 * again, and make the one statement below twice as long to plan.
 */
const RELATION_NAMES: RelationName[] = [];
const statementsSeen = new Set<string>();
for (const name of Object.keys(RELATIONS) as RelationName[]) {
  const r = RELATIONS[name];
  const statement = `${r.match} ${r.orderBy} ${r.qualifier ?? ''}`;
  if (!statementsSeen.has(statement)) RELATION_NAMES.push(name);
  statementsSeen.add(statement);
}

/**
 * Every relation from every node, read as `relProps` and `nodeProps` say: ONE statement for all
 * relations (prefetchRelated with a tree per relation), so a mode is planned once, not once per
 * relation. Results by relation.
 */
async function fetchAll(relProps: boolean, nodeProps: boolean) {
  const trees = RELATION_NAMES.map((relation) => ({
    fetch: { relation, relProps, nodeProps },
    children: [],
  }));
  const q = prefetchRelated(ids, trees);
  const result = await driver.executeQuery(q.cypher, q.params);
  const row = result.records[0]!;
  const anchorLists = row.get('anchors') as WireAnchor[][];
  const nodeLists = row.get('nodes') as WireNode[][];
  return new Map(
    RELATION_NAMES.map((relation, k) => {
      const anchors = anchorLists[k]!.map(([anchorId, items]) => ({
        anchorId,
        // A bare id: an item without relationship properties whose ends are the anchor and it.
        items: items.map((item) => {
          if (typeof item === 'string') return { nodeId: item, rels: [], bare: true };
          const [nodeId, rels, sourceId, targetId] = item;
          return { nodeId, rels, sourceId, targetId, bare: false };
        }),
      }));
      const wire = nodeLists[k]!;
      return [relation, { anchors, nodes: wire.map(nodeRecordOf), wire }];
    }),
  );
}

describe('relation statements in every read mode', () => {
  it('give the same items for every relation, with properties only when asked', async () => {
    let itemsSeen = 0;
    const wholeRead = await fetchAll(true, true);
    type Anchors = NonNullable<ReturnType<(typeof wholeRead)['get']>>['anchors'];
    const ends = (a: Anchors) =>
      a.map((x) => [x.anchorId, x.items.map((i) => [i.sourceId, i.targetId, i.nodeId])]);
    const modes = [
      [true, false],
      [false, true],
      [false, false],
    ] as const;
    for (const [relProps, nodeProps] of modes) {
      const otherRead = await fetchAll(relProps, nodeProps);
      for (const relation of RELATION_NAMES) {
        const whole = wholeRead.get(relation)!;
        const other = otherRead.get(relation)!;
        expect(ends(other.anchors), `${relation} ${relProps} ${nodeProps}`).toEqual(
          ends(whole.anchors),
        );
        for (const anchor of other.anchors) {
          for (const item of anchor.items) {
            if (!relProps) expect(item.rels, relation).toEqual([]);
            // Only via-path items carry ends; without properties the others are bare ids.
            const itemEnds = endsOf(relation);
            expect(item.bare, relation).toBe(
              itemEnds === 'none' || (!relProps && itemEnds !== 'via-path'),
            );
          }
        }
        if (!nodeProps) {
          // Labels and the id alone, not a properties map.
          for (const [labels, id] of other.wire) {
            expect(labels.length).toBeGreaterThan(0);
            expect(typeof id).toBe('string');
          }
        }
        expect(other.nodes.map((n) => n.properties.id).sort()).toEqual(
          whole.nodes.map((n) => n.properties.id).sort(),
        );
      }
    }
    for (const relation of RELATION_NAMES) {
      const whole = wholeRead.get(relation)!;
      for (const anchor of whole.anchors) {
        for (const item of anchor.items) {
          itemsSeen += 1;
          if (RELATIONS[relation].withRel) {
            expect(item.rels.length, relation).toBeGreaterThan(0);
          }
        }
      }
      for (const node of whole.nodes) {
        expect(node.properties).not.toHaveProperty('searchWords', expect.any(Array));
        expect(node.properties).not.toHaveProperty('searchStems', expect.any(Array));
        expect(Object.keys(node.properties).length).toBeGreaterThan(1);
      }
    }
    // The corpus exercises the relations (not a vacuous loop).
    expect(itemsSeen).toBeGreaterThan(100);
    // Four statements of one CALL per relation: Neo4j plans each cold, slowly on a busy machine
    // (the facts-in-time vocabulary added relations: DISMISSED, a country's signatures…).
  }, 240_000);
});

describe('id-only nodes through the API', () => {
  it('a node read by id only never answers a later field that needs the whole node', async () => {
    // offices { office { id } } reads the offices by id only; meetings { … office { name } } then
    // loads the same office through the node loader and must get its real name.
    const data = await api.query<{
      entity: {
        offices: Array<{ office: { id: string } }>;
        meetings: {
          edges: Array<{ node: { office: { id: string; name: string; names: { kk: string } } } }>;
        };
      };
    }>(`{ entity(id: "${SMAILOV}") { ... on Person {
      offices { office { id } }
      meetings { edges { node { office { id name names { kk } } } } } } } }`);
    const officeIds = data.entity.offices.map((o) => o.office.id);
    expect(officeIds).toContain('office/prime-minister-of-kazakhstan');
    const atMeeting = data.entity.meetings.edges[0]!.node.office;
    expect(officeIds).toContain(atMeeting.id);
    expect(atMeeting.name).toBe('Prime Minister of Kazakhstan');
    expect(atMeeting.names.kk).not.toBe('');
  });

  it('ids-only and whole selections of the same lists agree, and names are real', async () => {
    const q = (fields: string) => `{ entity(id: "${MEETING}") { ... on Meeting {
      participants { person { ${fields} meetings { edges { node { meeting { ${fields} discussed { subject { ... on Node { id } ... on Entity { ${fields} } } } } } } } } } } } }`;
    const idsOnly = await api.query<{ entity: unknown }>(q('id'));
    const withNames = await api.query<{ entity: unknown }>(q('id name'));
    expect(withoutKeys(withNames, ['name'])).toEqual(idsOnly);
    const names = JSON.stringify(withNames).match(/"name":"[^"]*"/g) ?? [];
    expect(names.length).toBeGreaterThan(5);
    expect(names).not.toContain('"name":""');
  });
});

describe('nodes read with only the properties the selection reads', () => {
  /** Every answer of `fields` on the root article, its list page and its sentences. */
  const askArticle = (fields: string, sentenceFields: string) =>
    api.query<Record<string, unknown>>(`{
      article(id: "article/2022-08-25-smailov-mishustin") { id ${fields} sentences(first: 100) { edges { node { ${sentenceFields} } } } }
      articles(first: 5) { edges { node { id ${fields} } } }
      meetings(first: 5) { edges { node { id date name(lang: KK) participants { person { id name } } } } }
    }`);

  it('the same answer as whole nodes (a field outside the table forces whole nodes)', async () => {
    // `url` and `start` are not in the property table: the second query reads whole nodes.
    const partial = await askArticle('title', 'index text');
    const whole = await askArticle('title url', 'index text start');
    expect(withoutKeys(whole, ['url', 'start'])).toEqual(partial);
    const json = JSON.stringify(partial);
    expect(json).toContain('"title":"');
    expect(json).toContain('"date":"2022-08-25"');
    expect(json).not.toMatch(/"(title|text|name)":""/);
  });

  it('a node read in part never answers a later field that needs the whole node', async () => {
    // The root article is read with its title only; each sentence's article is loaded after it,
    // through the node loader, and must be the whole article.
    const data = await api.query<{
      article: {
        title: string;
        sentences: { edges: Array<{ node: { article: { text: string; language: string } } }> };
      };
    }>(`{
      article(id: "article/2022-08-25-smailov-mishustin") {
        title sentences(first: 100) { edges { node { index article { text language } } } }
      }
    }`);
    expect(data.article.title.length).toBeGreaterThan(10);
    const sentences = data.article.sentences.edges.map((e) => e.node);
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) {
      expect(sentence.article.text.length).toBeGreaterThan(1000);
      expect(sentence.article.language).toBe('kk');
    }
  });
});

describe('a node answers again through its items’ anchor field', () => {
  it('meeting → participants → meeting reads what is selected there, not only the ids', async () => {
    // The meetings below the person are read for `id participants`; their participations'
    // `meeting` is that same node, and asks for its name and date.
    const data = await api.query<{
      entity: {
        meetings: {
          edges: Array<{
            node: {
              meeting: {
                id: string;
                participants: Array<{ meeting: { id: string; name: string; date: string } }>;
              };
            };
          }>;
        };
      };
    }>(`{ entity(id: "${SMAILOV}") { ... on Person {
      meetings { edges { node { meeting { id participants { meeting { id name date } } } } } } } } }`);
    const meeting = data.entity.meetings.edges.find((e) => e.node.meeting.id === MEETING)!.node
      .meeting;
    expect(meeting.participants.length).toBeGreaterThan(1);
    for (const p of meeting.participants) {
      expect(p.meeting.id).toBe(MEETING);
      expect(p.meeting.name).toMatch(/Smailov/);
      expect(p.meeting.date).toBe('2022-08-25');
    }
  });

  it('a list page’s nodes too, and a partial node is never cached for the node loader', async () => {
    const data = await api.query<{
      meetings: {
        edges: Array<{ node: { id: string; participants: Array<{ meeting: { name: string } }> } }>;
      };
      nodes: Array<{ id: string; name: string; description: string | null }>;
    }>(`{
      meetings(first: 1) { edges { node { id participants { meeting { name } } } } }
      nodes(ids: ["${MEETING}"]) { id ... on Meeting { name description } }
    }`);
    const page = data.meetings.edges[0]!.node;
    expect(page.participants.length).toBeGreaterThan(1);
    for (const p of page.participants) expect(p.meeting.name).not.toBe('');
    expect(data.nodes[0]!.name).toMatch(/Smailov/);
  });
});

describe('path nodes read as their selection needs', () => {
  it('ids and captions from part of each node, the same as from whole nodes', async () => {
    const ask = (extra: string) =>
      api.query<{ path: { nodes: Array<Record<string, unknown>> } | null }>(`{
        path(from: "${SMAILOV}", to: "person/mikhail-mishustin") {
          length nodes { id type caption ${extra} } } }`);
    const partial = await ask('');
    // `description` is outside the property table: the second query reads whole nodes.
    const whole = await ask('node { ... on Entity { description } }');
    expect(partial.path?.nodes.length).toBeGreaterThan(1);
    expect(withoutKeys(whole, ['node'])).toEqual(partial);
    for (const node of partial.path!.nodes) expect(node.caption).not.toBe('');
  });
});

describe('search hits read as their selection needs', () => {
  const ask = (fields: string) =>
    api.query<{ search: Array<Record<string, unknown>> }>(`{
      search(query: "Мишустинмен", first: 5) { score ${fields} } }`);

  it('ids, names and matchedName from part of each entity, the same as from whole entities', async () => {
    const partial = await ask('matchedName entity { id name(lang: RU) }');
    // `description` is outside the property table: the second query reads whole entities.
    const whole = await ask(
      'matchedName entity { id name(lang: RU) ... on Entity { description } }',
    );
    expect(partial.search.length).toBeGreaterThan(0);
    expect(withoutKeys(whole, ['description'])).toEqual(partial);
    const top = partial.search[0]!;
    expect(top.entity).toEqual({ id: 'person/mikhail-mishustin', name: 'Михаил Мишустин' });
    expect(top.matchedName).toMatch(/Мишустин/);
    // Without the entity's names selected, matchedName still reads them.
    const idsOnly = await ask('matchedName entity { id }');
    expect(idsOnly.search.map((h) => h.matchedName)).toEqual(
      partial.search.map((h) => h.matchedName),
    );
  });

  it('a hit read by id only is never cached for the node loader', async () => {
    const data = await api.query<{
      search: Array<{ entity: { id: string } }>;
      nodes: Array<{ id: string; name: string; description: string }>;
    }>(`{
      search(query: "Мишустинмен", first: 1) { entity { id } }
      nodes(ids: ["person/mikhail-mishustin"]) { id ... on Person { name description } }
    }`);
    expect(data.search[0]!.entity.id).toBe('person/mikhail-mishustin');
    expect(data.nodes[0]!.name).toBe('Mikhail Mishustin');
    expect(data.nodes[0]!.description).toMatch(/Chairman of the Government/);
  });
});
