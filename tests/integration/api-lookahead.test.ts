/**
 * Look-ahead: a root lookup (`node`, `entity`, `article`) or a list page fetches its nodes and
 * the relations its selection asks for, several levels deep, in one statement, and answers
 * exactly what the loaders answer level by level (`nodes(ids:)`, which has no look-ahead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';
import type { GraphQLResponse } from '../helpers/server.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi({ GRAPHQL_MAX_COST: '1000000' });
});
afterAll(async () => {
  await api?.close();
});

interface Holder {
  id: string;
  offices: Array<{ office: { id: string } }>;
}

async function personWithOffices(): Promise<Holder> {
  const data = await api.query<{ people: { edges: Array<{ node: Holder }> } }>(
    '{ people(first: 100) { edges { node { id offices { office { id } } } } } }',
  );
  const person = data.people.edges.map((e) => e.node).find((p) => p.offices.length > 0);
  if (!person) throw new Error('the seed corpus has no person holding an office');
  return person;
}

describe('look-ahead on root lookups', () => {
  it('node(id) with offices: one round trip, same offices as the list path', async () => {
    const person = await personWithOffices();
    const response = await api.raw<{ node: Holder }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { id offices { office { id } } } } }',
      { id: person.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toEqual(person);
    expect(roundTrips(response)).toBe(1);
  });

  it('entity(id) through a named fragment: one round trip', async () => {
    const person = await personWithOffices();
    const response = await api.raw<{ entity: Holder }>(
      `query ($id: ID!) { entity(id: $id) { ...Holdings } }
       fragment Holdings on Person { id offices { office { id } } }`,
      { id: person.id },
    );
    expect(response.data?.entity).toEqual(person);
    expect(roundTrips(response)).toBe(1);
  });

  it('article(id) with sentences and mentions: one round trip (two levels), same answer as the list path', async () => {
    const selection =
      'id sentences(first: 100) { edges { node { index mentions { entity { id } count } } } }';
    const list = await api.query<{ articles: { edges: Array<{ node: { id: string } }> } }>(
      `{ articles(first: 1) { edges { node { ${selection} } } } }`,
    );
    const expected = list.articles.edges[0]!.node;
    const response = await api.raw<{ article: unknown }>(
      `query ($id: ID!) { article(id: $id) { ${selection} } }`,
      { id: expected.id },
    );
    expect(response.data?.article).toEqual(expected);
    expect(roundTrips(response)).toBe(1);
  });

  it('a node of another type than the fragment asks about: the node, no relations', async () => {
    const person = await personWithOffices();
    const response = await api.raw<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { id ... on Meeting { participants { person { id } } } } }',
      { id: person.id },
    );
    expect(response.data?.node).toEqual({ id: person.id });
    expect(roundTrips(response)).toBe(1);
  });

  it('relationships come with their properties exactly when the selection reads them', async () => {
    const person = await personWithOffices();
    const withFacts = await api.query<{
      node: {
        offices: Array<{
          office: { id: string };
          statements: Array<{ factId: string }>;
          asOf: string | null;
        }>;
      };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { offices { office { id } statements { factId } asOf } } } }',
      { id: person.id },
    );
    expect(withFacts.node.offices.map((o) => o.office)).toEqual(
      person.offices.map((o) => o.office),
    );
    for (const holding of withFacts.node.offices) {
      expect(holding.statements.length).toBeGreaterThan(0);
      for (const statement of holding.statements) expect(statement.factId).not.toBe('');
    }
  });

  it('three levels in one statement answer what the loaders answer level by level', async () => {
    // `nodes(ids:)` has no look-ahead: each level is its own batched statement.
    const selection = `id ... on Meeting {
      participants { office { id } person { id name
        meetings { edges { node { meeting { id name discussed { framing subject { ... on Node { id } } } } } } }
        offices { office { id organization { id } } } } }
      heldIn { id name places { id } } }`;
    const meeting = 'meeting/2022-08-25-smailov-mishustin';
    const levelByLevel = await api.raw<{ nodes: unknown[] }>(
      `query ($id: ID!) { nodes(ids: [$id]) { ${selection} } }`,
      { id: meeting },
    );
    const lookedAhead = await api.raw<{ node: unknown }>(
      `query ($id: ID!) { node(id: $id) { ${selection} } }`,
      { id: meeting },
    );
    expect(levelByLevel.errors).toBeUndefined();
    expect(lookedAhead.errors).toBeUndefined();
    expect(lookedAhead.data?.node).toEqual(levelByLevel.data?.nodes[0]);
    expect(JSON.stringify(lookedAhead.data)).toContain('person/alikhan-smailov');
    // Level by level: node, 2 relations, 3 below person, discussed, organization, office.
    expect(roundTrips(levelByLevel)).toBeGreaterThanOrEqual(5);
    // Looked ahead: the node with participants → person → meetings → discussed, offices →
    // organization and heldIn → places (three levels) in one statement, plus the office of
    // each participation (a node the item names).
    expect(roundTrips(lookedAhead)).toBe(2);
  });

  it('a person’s quotes, their claims and subjects: one statement, as level by level', async () => {
    const quotes = await api.query<{
      quotes: { edges: Array<{ node: { speaker: { id: string } | null; claims: unknown[] } }> };
    }>('{ quotes(first: 100) { edges { node { speaker { id } claims { id } } } } }');
    const speaker = quotes.quotes.edges.find((e) => e.node.speaker && e.node.claims.length > 0)
      ?.node.speaker?.id;
    if (!speaker) throw new Error('the seed corpus has no quote containing a claim');
    const selection =
      '... on Person { id quotes(first: 100) { edges { node { id claims { id about { id } } about { id } } } } }';
    const levelByLevel = await api.raw<{ nodes: unknown[] }>(
      `query ($id: ID!) { nodes(ids: [$id]) { ${selection} } }`,
      { id: speaker },
    );
    const lookedAhead = await api.raw<{ node: unknown }>(
      `query ($id: ID!) { node(id: $id) { ${selection} } }`,
      { id: speaker },
    );
    expect(lookedAhead.errors).toBeUndefined();
    expect(lookedAhead.data?.node).toEqual(levelByLevel.data?.nodes[0]);
    expect(JSON.stringify(lookedAhead.data)).toMatch(/"claims":\[\{"id":"/);
    expect(roundTrips(levelByLevel)).toBeGreaterThanOrEqual(4);
    // Quote.claims and the facts' about come with the person: no round trip of their own.
    expect(roundTrips(lookedAhead)).toBe(1);
  });

  it('the same relation asked twice with different selections (aliases) gives each its answer', async () => {
    const data = await api.query<{
      node: {
        ids: Array<{ office: { id: string } }>;
        names: Array<{ office: { name: string }; statements: Array<{ factId: string }> }>;
      };
    }>(
      `{ node(id: "person/alikhan-smailov") { ... on Person {
        ids: offices { office { id } }
        names: offices { office { name } statements { factId } } } } }`,
    );
    expect(data.node.ids.map((o) => o.office.id)).toContain('office/prime-minister-of-kazakhstan');
    expect(data.node.names.map((o) => o.office.name)).toContain('Prime Minister of Kazakhstan');
    expect(data.node.names.every((o) => o.statements.length > 0)).toBe(true);
  });
});

describe('look-ahead on list pages', () => {
  const SELECTION = `id participants { person { id
    meetings { edges { node { meeting { id discussed { subject { ... on Node { id } } } } } } } } }`;

  it('the page and three levels below it in one statement, the same answer as level by level', async () => {
    const listed = await api.raw<{
      meetings: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } };
    }>(`{ meetings(first: 1) { edges { node { ${SELECTION} } } pageInfo { hasNextPage } } }`);
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data!.meetings.edges.map((e) => e.node);
    expect(nodes).toHaveLength(1);
    expect(JSON.stringify(nodes)).toContain('person/alikhan-smailov');
    const levelByLevel = await api.raw<{ nodes: unknown[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Meeting { ${SELECTION} } } }`,
      { ids: nodes.map((n) => n.id) },
    );
    expect(levelByLevel.errors).toBeUndefined();
    expect(nodes).toEqual(levelByLevel.data!.nodes);
    expect(roundTrips(levelByLevel)).toBeGreaterThanOrEqual(4);
    // The items' ends are the nodes at hand: nothing more to load.
    expect(roundTrips(listed)).toBe(1);
  });

  it('pages through a list with a look-ahead selection: no gaps, no repeats, same answers', async () => {
    const PEOPLE = `query ($after: String) { people(first: 1, after: $after) {
      edges { node { id offices { office { id holders { person { id } } } } } }
      pageInfo { hasNextPage endCursor } } }`;
    type Person = { id: string; offices: unknown[] };
    type PeoplePage = {
      people: {
        edges: Array<{ node: Person }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: Person[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const response: GraphQLResponse<PeoplePage> = await api.raw<PeoplePage>(PEOPLE, { after });
      expect(response.errors).toBeUndefined();
      expect(roundTrips(response)).toBe(1);
      const { edges, pageInfo } = response.data!.people;
      seen.push(...edges.map((e) => e.node));
      if (!pageInfo.hasNextPage) break;
      // The extra row that tells a next page exists is not on the page.
      expect(edges).toHaveLength(1);
      after = pageInfo.endCursor;
    }
    const all = await api.raw<{ people: { edges: Array<{ node: Person }> } }>(
      `{ people(first: 100) { edges { node { id offices { office { id holders { person { id } } } } } } } }`,
    );
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual(all.data!.people.edges.map((e) => e.node));
    expect(seen.some((p) => p.offices.length > 0)).toBe(true);
  });

  it('an empty page with a look-ahead selection: no edges, one round trip', async () => {
    const empty = await api.raw<{ meetings: { edges: unknown[] } }>(
      `{ meetings(filter: { dateFrom: "2999-01-01" }) { edges { node { ${SELECTION} } } } }`,
    );
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.meetings.edges).toEqual([]);
    expect(roundTrips(empty)).toBe(1);
  });
});
