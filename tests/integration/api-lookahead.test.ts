/**
 * Look-ahead: a root lookup (`node`, `entity`, `article`) fetches the node and the relations its
 * selection asks for in one statement, and answers exactly what the list path (no look-ahead,
 * one statement per level) answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrips, startSeededApi, type SeededApi } from '../helpers/graphql.js';

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

  it('article(id) with sentences and mentions: two round trips, same answer as the list path', async () => {
    const selection = 'id sentences { index mentions { entity { id } count } }';
    const list = await api.query<{ articles: { edges: Array<{ node: { id: string } }> } }>(
      `{ articles(first: 1) { edges { node { ${selection} } } } }`,
    );
    const expected = list.articles.edges[0]!.node;
    const response = await api.raw<{ article: unknown }>(
      `query ($id: ID!) { article(id: $id) { ${selection} } }`,
      { id: expected.id },
    );
    expect(response.data?.article).toEqual(expected);
    expect(roundTrips(response)).toBe(2);
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
});
