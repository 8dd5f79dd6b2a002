/**
 * Arm D — naive: what a first attempt looks like. Plain per-field resolvers on Apollo Server 5;
 * every relationship field runs its own Cypher for its parent (no DataLoader, no batching), so a
 * nested query costs one round trip per parent object: the N+1 the togys API avoids.
 * (Charitable: a node's scalar properties come with the query that found it.)
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { FACT_RELATIONSHIP_TYPES } from '../../src/graph/schema.js';
import type { RoundTripCounter } from './counting-driver.js';
import { armDriver, readArmEnv } from './env.js';
import { hostGraphQL } from './graphql-host.js';

const env = readArmEnv();
const counter: RoundTripCounter = { count: 0 };
const driver: Driver = armDriver(env, counter, { plainIntegers: true });

type Row = Record<string, unknown>;

async function read(cypher: string, params: Record<string, unknown>): Promise<Row[]> {
  const session = driver.session({ database: env.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params));
    return result.records.map((r) => r.toObject() as Row);
  } finally {
    await session.close();
  }
}

const typeDefs = /* GraphQL */ `
  type Query {
    person(id: ID!): Person
    meetings(from: String!, to: String!, first: Int!): [Meeting!]!
    search(query: String!, fallback: String, first: Int!): [SearchHit!]!
    article(id: ID!): Article
    path(from: ID!, to: ID!, maxHops: Int!): [String!]
  }
  type Person {
    id: ID!
    nameEn: String!
    offices: [Office!]!
    "The latest meetings, by date then id."
    meetings(latest: Int!): [Meeting!]!
  }
  type Office {
    id: ID!
    nameEn: String!
  }
  type Meeting {
    id: ID!
    date: String!
    participants: [Person!]!
    subjects: [NamedThing!]!
  }
  type NamedThing {
    id: ID!
    nameEn: String!
  }
  type SearchHit {
    score: Float!
    entity: NamedThing!
  }
  type Article {
    id: ID!
    title: String!
    sentences: [Sentence!]!
  }
  type Sentence {
    id: ID!
    index: Int!
    mentions: [NamedThing!]!
  }
`;

const byId = (label: string) => `MATCH (n:${label} {id: $id}) RETURN n {.*} AS n`;
const nodes = (rows: Row[]) => rows.map((r) => r.n);

const resolvers = {
  Query: {
    person: async (_: unknown, a: { id: string }) =>
      nodes(await read(byId('Person'), a))[0] ?? null,
    article: async (_: unknown, a: { id: string }) =>
      nodes(await read(byId('Article'), a))[0] ?? null,
    meetings: async (_: unknown, a: { from: string; to: string; first: number }) =>
      nodes(
        await read(
          `MATCH (m:Meeting) WHERE m.date >= date($from) AND m.date <= date($to)
           RETURN m {.*, date: toString(m.date)} AS n ORDER BY m.date DESC, m.id DESC LIMIT $first`,
          { ...a, first: neo4j.int(a.first) },
        ),
      ),
    // As togys searches: the main pass, and the fallback instead when it finds fewer than first.
    search: async (_: unknown, a: { query: string; fallback: string | null; first: number }) => {
      const pass = (query: string) =>
        read(
          `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score
           RETURN node {.id, .nameEn} AS entity, score ORDER BY score DESC, node.id`,
          { query, first: neo4j.int(a.first) },
        );
      const found = await pass(a.query);
      return found.length < a.first && a.fallback ? pass(a.fallback) : found;
    },
    path: async (_: unknown, a: { from: string; to: string; maxHops: number }) => {
      const rows = await read(
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
         MATCH path = shortestPath((a)-[:${FACT_RELATIONSHIP_TYPES.join('|')}*1..${Math.trunc(a.maxHops)}]-(b))
         RETURN [n IN nodes(path) | n.id] AS ids`,
        a,
      );
      return (rows[0]?.ids as string[] | undefined) ?? null;
    },
  },
  Person: {
    offices: async (p: { id: string }) =>
      nodes(
        await read(
          'MATCH (:Person {id: $id})-[:HOLDS_OFFICE]->(n:Office) RETURN DISTINCT n {.*} AS n',
          p,
        ),
      ),
    meetings: async (p: { id: string }, a: { latest: number }) =>
      nodes(
        await read(
          `MATCH (:Person {id: $id})-[:PARTICIPATED_IN]->(m:Meeting)
           WITH DISTINCT m ORDER BY m.date DESC, m.id DESC LIMIT $latest
           RETURN m {.*, date: toString(m.date)} AS n`,
          { id: p.id, latest: neo4j.int(a.latest) },
        ),
      ),
  },
  Meeting: {
    participants: async (m: { id: string }) =>
      nodes(
        await read(
          'MATCH (n:Person)-[:PARTICIPATED_IN]->(:Meeting {id: $id}) RETURN DISTINCT n {.*} AS n',
          m,
        ),
      ),
    subjects: async (m: { id: string }) =>
      nodes(
        await read(
          'MATCH (:Meeting {id: $id})-[:DISCUSSED]->(n:Entity) RETURN DISTINCT n {.id, .nameEn} AS n',
          m,
        ),
      ),
  },
  Article: {
    sentences: async (a: { id: string }) =>
      nodes(
        await read(
          'MATCH (:Article {id: $id})-[:HAS_SENTENCE]->(s:Sentence) RETURN s {.id, .index} AS n ORDER BY s.index',
          a,
        ),
      ),
  },
  Sentence: {
    mentions: async (s: { id: string }) =>
      nodes(
        await read(
          'MATCH (:Sentence {id: $id})-[:MENTIONS]->(n:Entity) RETURN DISTINCT n {.id, .nameEn} AS n',
          s,
        ),
      ),
  },
};

await hostGraphQL({
  schema: { typeDefs, resolvers },
  port: env.port,
  counter,
  context: async () => ({}),
});
