/**
 * Keyset pagination (first, last, empty pages; cursors that stay right when nodes are inserted
 * before them) and the N+1 bound: round trips depend on the query's shape, not on result counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNeo4j } from '../helpers/neo4j.js';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';

let api: SeededApi;
beforeAll(async () => {
  // The nested N+1 query below asks for 100 meetings: above the default cost budget on purpose.
  api = await startSeededApi({ GRAPHQL_MAX_COST: '1000000' });
});
afterAll(async () => {
  await api?.close();
});

interface Page {
  totalCount?: number;
  edges: Array<{ cursor: string; node: { id: string; name?: string } }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const TOPICS_PAGE = `query($first: Int, $after: String) {
  topics(first: $first, after: $after) {
    totalCount edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function topicsPage(first: number, after: string | null = null): Promise<Page> {
  return (await api.query<{ topics: Page }>(TOPICS_PAGE, { first, after })).topics;
}

async function write(cypher: string, params: Record<string, unknown> = {}) {
  await api.driver.executeQuery(cypher, params, { database: testNeo4j().database });
}

describe('pagination', () => {
  it('walks every page: first page, middle pages, last page; no gaps, no repeats', async () => {
    const all = await topicsPage(100);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await topicsPage(4, after);
      pages += 1;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) {
        expect(page.edges.length).toBeGreaterThan(0);
        break;
      }
      expect(page.edges).toHaveLength(4);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(all.totalCount! / 4));
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    const names = all.edges.map((e) => e.node.name!.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('pages by date both ways: dated ones in date order (ties by id), undated ones at the start', async () => {
    // Synthetic events: two share a date (tie broken by id), one has no date.
    await write(
      `UNWIND $events AS e
       CREATE (n:Entity:Event {id: e.id, kind: 'Event', nameKk: e.id, nameRu: e.id, nameEn: e.id,
         aliases: [], forms: [], startDate: CASE WHEN e.d IS NULL THEN null ELSE date(e.d) END})`,
      {
        events: [
          { id: 'event/z-2020-b', d: '2020-05-01' },
          { id: 'event/z-2020-a', d: '2020-05-01' },
          { id: 'event/z-1999', d: '1999-12-31' },
          { id: 'event/z-undated', d: null },
        ],
      },
    );
    try {
      const query = `query($dir: OrderDirection!, $after: String, $from: Date) {
        events(first: 2, after: $after, orderBy: { field: DATE, direction: $dir },
               filter: { dateFrom: $from }) {
          edges { node { id startDate } } pageInfo { hasNextPage endCursor } } }`;
      type EventsPage = {
        events: {
          edges: Array<{ node: { id: string; startDate: string | null } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const walk = async (dir: 'ASC' | 'DESC', from: string | null = null) => {
        const seen: Array<{ id: string; startDate: string | null }> = [];
        let after: string | null = null;
        for (;;) {
          const page: EventsPage = await api.query<EventsPage>(query, { dir, after, from });
          seen.push(...page.events.edges.map((e) => e.node));
          if (!page.events.pageInfo.hasNextPage) return seen;
          after = page.events.pageInfo.endCursor;
        }
      };
      const asc = await walk('ASC');
      // The order of (date, or '' when there is none; then id), compared by code point.
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const expected = [...asc].sort(
        (a, b) => cmp(a.startDate ?? '', b.startDate ?? '') || cmp(a.id, b.id),
      );
      expect(asc).toEqual(expected);
      expect(new Set(asc.map((e) => e.id)).size).toBe(asc.length);
      const mine = asc.map((e) => e.id).filter((id) => id.startsWith('event/z-'));
      expect(mine).toEqual(['event/z-undated', 'event/z-1999', 'event/z-2020-a', 'event/z-2020-b']);
      const desc = await walk('DESC');
      expect(desc.map((e) => e.id)).toEqual(asc.map((e) => e.id).reverse());
      // With a date filter no event lacks a date, and the statement orders by the date alone
      // (the index gives the order): the same sequence, from the filter's date on.
      const since = (e: { startDate: string | null }) => (e.startDate ?? '') >= '1999-01-01';
      const ascSince = await walk('ASC', '1999-01-01');
      expect(ascSince).toEqual(asc.filter(since));
      expect(ascSince.map((e) => e.id)).toContain('event/z-1999');
      expect((await walk('DESC', '1999-01-01')).map((e) => e.id)).toEqual(
        desc.filter(since).map((e) => e.id),
      );
    } finally {
      await write("MATCH (n:Event) WHERE n.id STARTS WITH 'event/z-' DETACH DELETE n");
    }
  });

  it('empty pages: no match, first: 0, and after the last edge', async () => {
    const data = await api.query<{ none: Page; zero: Page }>(`{
      none: people(filter: { nameContains: "zzz" }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      zero: people(first: 0) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`);
    expect(data.none).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(data.zero.edges).toEqual([]);
    expect(data.zero.totalCount).toBe(2);
    expect(data.zero.pageInfo.hasNextPage).toBe(true);
    const all = await topicsPage(100);
    const past = await topicsPage(10, all.pageInfo.endCursor);
    expect(past.edges).toEqual([]);
    expect(past.pageInfo.hasNextPage).toBe(false);
  });

  it('totalCount is only counted when selected (one round trip less)', async () => {
    const without = await api.raw(`{ people { edges { node { id } } } }`);
    const withCount = await api.raw(`{ people { totalCount edges { node { id } } } }`);
    expect(roundTrips(withCount)).toBe(roundTrips(without) + 1);
  });

  it('descending order pages backwards through the same items', async () => {
    const q = `query($after: String) { countries(first: 2, after: $after, orderBy: { field: NAME, direction: DESC }) {
      edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const p1 = (await api.query<{ countries: Page }>(q)).countries;
    const p2 = (await api.query<{ countries: Page }>(q, { after: p1.pageInfo.endCursor }))
      .countries;
    expect([...p1.edges, ...p2.edges].map((e) => e.node.id)).toEqual([
      'country/ru',
      'country/kg',
      'country/kz',
    ]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
  });

  it('paginates an entity’s mentions', async () => {
    const q = `query($after: String) { entity(id: "country/kz") { mentions(first: 2, after: $after) {
      totalCount edges { node { id index } } pageInfo { hasNextPage endCursor } } } }`;
    type M = {
      entity: { mentions: Page & { edges: Array<{ node: { id: string; index: number } }> } };
    };
    const first = (await api.query<M>(q)).entity.mentions;
    const second = (await api.query<M>(q, { after: first.pageInfo.endCursor })).entity.mentions;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.edges[0]!.node.index).toBeGreaterThan(first.edges[1]!.node.index);
    expect(first.totalCount).toBeGreaterThan(2);
  });

  it('a cursor stays right when nodes are inserted before it (keyset, not offset)', async () => {
    const page1 = await topicsPage(3);
    const page2Before = await topicsPage(3, page1.pageInfo.endCursor);
    // Names sorting first: an offset cursor would now return page 1's tail again.
    await write(
      `UNWIND range(1, 5) AS i
       CREATE (:Entity:Topic {id: 'topic/aaa-inserted-' + i, kind: 'Topic', nameKk: 'ААА ' + i,
         nameRu: 'ААА ' + i, nameEn: 'AAA inserted ' + i, aliases: [], forms: [], searchText: 'AAA', topicType: 'ISSUE'})`,
    );
    try {
      const page2After = await topicsPage(3, page1.pageInfo.endCursor);
      expect(page2After.edges.map((e) => e.node.id)).toEqual(
        page2Before.edges.map((e) => e.node.id),
      );
      expect(page2After.totalCount).toBe(page2Before.totalCount! + 5);
      const newFirst = await topicsPage(3);
      expect(newFirst.edges[0]!.node.id).toBe('topic/aaa-inserted-1');
    } finally {
      await write(`MATCH (t:Topic) WHERE t.id STARTS WITH 'topic/aaa-inserted-' DETACH DELETE t`);
    }
  });
});

describe('no N+1', () => {
  const NESTED = `{
    meetings(first: 100) { edges { node { id
      participants { office { id } country { id } evidence { sentence { index } }
        person { id meetings(first: 5) { edges { node { meeting { id discussed { framing subject { ... on Topic { id name } ... on InfrastructureProject { id } } } } } } } } }
    } } } }`;

  it('a nested query costs the same round trips for 1 meeting as for 31', async () => {
    const before = await api.raw<{ meetings: { edges: unknown[] } }>(NESTED);
    expect(before.errors).toBeUndefined();
    expect(before.data!.meetings.edges).toHaveLength(1);
    const small = roundTrips(before);

    // 30 more meetings, each with two new people and three topics.
    await write(
      `UNWIND range(1, 30) AS i
       CREATE (m:Entity:Meeting {id: 'meeting/synthetic-' + i, kind: 'Meeting', nameKk: 'M' + i, nameRu: 'M' + i,
         nameEn: 'Synthetic meeting ' + i, aliases: [], forms: [], searchText: 'x', date: date('2022-09-01'), meetingType: 'BILATERAL'})
       WITH m, i
       UNWIND range(1, 2) AS j
       CREATE (p:Entity:Person {id: 'person/synthetic-' + i + '-' + j, kind: 'Person', nameKk: 'P', nameRu: 'P',
         nameEn: 'Person ' + i + '-' + j, aliases: [], forms: [], searchText: 'x'})
       CREATE (p)-[:PARTICIPATED_IN {factId: 'f' + i + j, articleId: 'article/synthetic', sentenceIds: [], evidence: [],
         countryId: 'country/kz', officeId: 'office/prime-minister-of-kazakhstan'}]->(m)
       WITH DISTINCT m, i
       MATCH (t:Topic) WITH m, t ORDER BY t.id LIMIT 3
       CREATE (m)-[:DISCUSSED {factId: 'd', articleId: 'article/synthetic', sentenceIds: [], evidence: [], framing: 'DISCUSSED'}]->(t)`,
    );
    try {
      const after = await api.raw<{
        meetings: { edges: Array<{ node: { participants: unknown[] } }> };
      }>(NESTED);
      expect(after.errors).toBeUndefined();
      expect(after.data!.meetings.edges).toHaveLength(31);
      expect(after.data!.meetings.edges.flatMap((e) => e.node.participants)).toHaveLength(62);
      expect(roundTrips(after)).toBe(small);
      // The page with its look-ahead (participants → person.meetings → discussed, three
      // levels) in one statement, then one for the nodes the items name (office, country and
      // evidence sentences, batched together by the node loader).
      expect(small).toBe(2);
    } finally {
      await write(
        `MATCH (n) WHERE n.id STARTS WITH 'meeting/synthetic-' OR n.id STARTS WITH 'person/synthetic-' DETACH DELETE n`,
      );
    }
  });
});
