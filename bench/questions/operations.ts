/**
 * Each arm's operation for each question, and how its answer is reduced to a canonical form so
 * the arms can be compared: same ids, same order where the question defines one (list pages,
 * sentences, search ranking), sorted where it does not (a meeting's participants).
 *
 * The questions (params.ts):
 * - lookup: a person by id, with the offices they hold.
 * - list: meetings dated in [from, to], newest first (date, then id, both descending), 20.
 * - nested: those 20 meetings → participants → each participant's latest meetings (a page of
 *   NESTED_MEETINGS_PER_PERSON by date, then id) → what was discussed.
 * - search: full-text over entity names; B's Lucene query builder makes the query for A, C, D.
 * - article: an article's sentences in order, each with the ids of the entities it mentions.
 * - path: a shortest path over the fact relationships (≤ maxHops); shortest paths need not be
 *   unique, so arms agree when length and endpoints agree.
 */
import { searchLucene } from '../../src/graph/search.js';
import type { QuestionName, QuestionParams } from './params.js';

export const ARMS = ['A', 'B', 'C', 'D'] as const;

/**
 * The nested question's page of each participant's meetings: the latest ones by (date, id), as
 * B's `meetings(last: …)` connection reads them. A page, not all of them: a person's meetings
 * grow with the corpus.
 */
export const NESTED_MEETINGS_PER_PERSON = 10;
export type ArmName = (typeof ARMS)[number];

export const ARM_TITLES: Record<ArmName, string> = {
  A: 'A floor (Cypher, bare node:http)',
  B: 'B togys',
  C: 'C peer (@neo4j/graphql)',
  D: 'D naive (per-field resolvers)',
};

export interface ArmRequest {
  path: string;
  body: string;
}

type Json = Record<string, unknown>;

/**
 * The Lucene queries every arm runs for the search question, from togys's own builder: the main
 * pass, and the fallback pass B runs instead when the main one finds fewer than `first` hits
 * (null when the query has no word long enough for a typo: then the main pass is the answer).
 */
export interface SearchQueries {
  main: string;
  fallback: string | null;
}

export function searchQueries(p: QuestionParams): SearchQueries {
  const lucene = searchLucene(p.searchText);
  if (!lucene)
    throw new Error(`search text ${JSON.stringify(p.searchText)} has no searchable token`);
  return { main: lucene.main, fallback: lucene.fallback };
}

/** The article question's page of sentences (B's `first`, A's LIMIT). */
export const ARTICLE_SENTENCES = 100;

const B_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { node(id: $id) { ... on Person { id name(lang: EN) offices { office { id } } } } }`,
  list: `query List($from: Date, $to: Date, $first: Int) {
  meetings(filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }, first: $first) {
    edges { node { id date } }
  }
}`,
  nested: `query Nested($from: Date, $to: Date, $first: Int) {
  meetings(filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }, first: $first) {
    edges { node { id participants { person { id
      meetings(last: ${NESTED_MEETINGS_PER_PERSON}) { edges { node { meeting { id discussed { subject { ... on Node { id } } } } } } } } } } }
  }
}`,
  search: `query Search($q: String!, $first: Int) { search(query: $q, first: $first) { score entity { id } } }`,
  article: `query Article($id: ID!) { article(id: $id) { id title sentences(first: ${ARTICLE_SENTENCES}) { edges { node { index mentions { entity { id } } } } } } }`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int) { path(from: $from, to: $to, maxHops: $maxHops) { length nodes { id } } }`,
};

// C and D answer in their own schemas' plain lists; aliases give them B's field names, and
// `plainAsTogys` below adds B's wrappers (edges, holdings, participations, mentions).
const C_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { person: people(where: { id: { eq: $id } }) { id name: nameEn offices { id } } }`,
  list: `query List($from: Date, $to: Date, $first: Int) {
  meetings(where: { date: { gte: $from, lte: $to } }, sort: [{ date: DESC }, { id: DESC }], limit: $first) { id date }
}`,
  nested: `query Nested($from: Date, $to: Date, $first: Int) {
  meetings(where: { date: { gte: $from, lte: $to } }, sort: [{ date: DESC }, { id: DESC }], limit: $first) {
    id participants { id
      meetings(sort: [{ date: DESC }, { id: DESC }], limit: ${NESTED_MEETINGS_PER_PERSON}) {
        id subjects { ... on Topic { id } ... on InfrastructureProject { id } }
      }
    }
  }
}`,
  // The peer cannot make the fallback pass depend on the main one's count: it asks both at once
  // and `plainAsTogys` keeps the one B's rule picks.
  search: `query Search($q: String!, $fallback: String!, $withFallback: Boolean!, $first: Int) {
  search: searchEntities(phrase: $q, first: $first, sort: [{ score: DESC }]) { edges { score entity: node { id } } }
  fallback: searchEntities(phrase: $fallback, first: $first, sort: [{ score: DESC }]) @include(if: $withFallback) {
    edges { score entity: node { id } }
  }
}`,
  article: `query Article($id: ID!) {
  article: articles(where: { id: { eq: $id } }) { id title sentences(sort: [{ index: ASC }]) { index mentions { id } } }
}`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int!) { path: shortestPathIds(from: $from, to: $to, maxHops: $maxHops) }`,
};

const D_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { person(id: $id) { id name: nameEn offices { id } } }`,
  list: `query List($from: String!, $to: String!, $first: Int!) { meetings(from: $from, to: $to, first: $first) { id date } }`,
  nested: `query Nested($from: String!, $to: String!, $first: Int!) {
  meetings(from: $from, to: $to, first: $first) {
    id participants { id meetings(latest: ${NESTED_MEETINGS_PER_PERSON}) { id subjects { id } } }
  }
}`,
  search: `query Search($q: String!, $fallback: String, $first: Int!) {
  search(query: $q, fallback: $fallback, first: $first) { score entity { id } }
}`,
  article: `query Article($id: ID!) { article(id: $id) { id title sentences { index mentions { id } } } }`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int!) { path(from: $from, to: $to, maxHops: $maxHops) }`,
};

function variables(arm: ArmName, q: QuestionName, p: QuestionParams, search: SearchQueries): Json {
  switch (q) {
    case 'lookup':
    case 'article':
      return { id: q === 'lookup' ? p.personId : p.articleId };
    case 'list':
    case 'nested':
      return { from: p.from, to: p.to, first: p.pageSize };
    case 'search': {
      if (arm === 'B') return { q: p.searchText, first: p.searchFirst };
      const { main, fallback } = search;
      if (arm === 'D') return { q: main, fallback, first: p.searchFirst };
      return {
        q: main,
        fallback: fallback ?? '',
        withFallback: fallback !== null,
        first: p.searchFirst,
      };
    }
    case 'path':
      return { from: p.pathFrom, to: p.pathTo, maxHops: p.maxHops };
  }
}

/** `search`: the Lucene queries A, C and D are given (togys's own unless a test says otherwise). */
export function armRequest(
  arm: ArmName,
  q: QuestionName,
  p: QuestionParams,
  search: SearchQueries | null = q === 'search' ? searchQueries(p) : null,
): ArmRequest {
  if (arm === 'A') return { path: `/q/${q}`, body: JSON.stringify({ params: p, search }) };
  const query = { B: B_OPERATIONS, C: C_OPERATIONS, D: D_OPERATIONS }[arm][q];
  const vars = variables(arm, q, p, search ?? { main: '', fallback: null });
  return { path: '/graphql', body: JSON.stringify({ query, variables: vars }) };
}

// ---- canonical answers ----
//
// One canonical form, read from B's answer shape: A answers in it (arms/floor-cypher.ts), C and
// D are brought to it by `plainAsTogys`, then `canonical` reduces it for comparison.

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
const round = (score: number) => Math.round(score * 1e4) / 1e4;

function get(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => String(v);
/** C's roots are lists (`people(where: {id})`); D's are single objects. */
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v) ?? null;
const wrapEach = (v: unknown, key: string) => list(v).map((item) => ({ [key]: item }));

/**
 * C's and D's answers in B's shape: their schemas hold plain lists where B's has a wrapper per
 * item (a connection's edges, an office holding, a participation, a discussion, a mention), and a
 * path is a list of ids where B's is `{ length, nodes }`.
 */
function plainAsTogys(q: QuestionName, data: unknown, searchFirst: number): unknown {
  switch (q) {
    case 'lookup': {
      const p = one(get(data, 'person'));
      if (!p) return { node: null };
      return {
        node: {
          id: get(p, 'id'),
          name: get(p, 'name'),
          offices: wrapEach(get(p, 'offices'), 'office'),
        },
      };
    }
    case 'list':
      return { meetings: { edges: wrapEach(get(data, 'meetings'), 'node') } };
    case 'nested':
      return {
        meetings: {
          edges: list(get(data, 'meetings')).map((m) => ({
            node: {
              id: get(m, 'id'),
              participants: list(get(m, 'participants')).map((p) => ({
                person: {
                  id: get(p, 'id'),
                  meetings: {
                    edges: list(get(p, 'meetings')).map((om) => ({
                      node: {
                        meeting: {
                          id: get(om, 'id'),
                          discussed: wrapEach(get(om, 'subjects'), 'subject'),
                        },
                      },
                    })),
                  },
                },
              })),
            },
          })),
        },
      };
    case 'search': {
      const hits = get(data, 'search');
      if (Array.isArray(hits)) return { search: hits }; // D: its resolver ran B's passes
      // C's are connections (`{ edges: [{ score, entity }] }`), both passes asked. B answers with
      // the fallback whenever the main pass finds fewer than `first`, even when the fallback finds
      // the same hits: its extra terms score them differently.
      const main = list(get(hits, 'edges'));
      const fallback = get(data, 'fallback', 'edges');
      return {
        search: fallback !== undefined && main.length < searchFirst ? list(fallback) : main,
      };
    }
    case 'article': {
      const a = one(get(data, 'article'));
      if (!a) return { article: null };
      return {
        article: {
          id: get(a, 'id'),
          title: get(a, 'title'),
          sentences: {
            edges: wrapEach(
              list(get(a, 'sentences')).map((s) => ({
                index: get(s, 'index'),
                mentions: wrapEach(get(s, 'mentions'), 'entity'),
              })),
              'node',
            ),
          },
        },
      };
    }
    case 'path': {
      const ids = get(data, 'path');
      if (!Array.isArray(ids)) return { path: null };
      return { path: { length: ids.length - 1, nodes: ids.map((id: unknown) => ({ id })) } };
    }
  }
}

/**
 * Hits ranked by score. Hits tied at the lowest score may be cut differently by each arm's
 * limit (Lucene's order among equal scores is arbitrary), so those are compared as a count.
 */
function canonicalHits(hits: { id: string; score: number }[]): unknown {
  const ranked = hits
    .map((h) => ({ id: h.id, score: round(h.score) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const cutoff = ranked.at(-1)?.score;
  return {
    above: ranked.filter((h) => h.score !== cutoff),
    atCutoff: { score: cutoff ?? null, count: ranked.filter((h) => h.score === cutoff).length },
  };
}

/** Lists a question orders keep their order; the others are sorted and deduplicated. */
function canonical(q: QuestionName, data: unknown): unknown {
  switch (q) {
    case 'lookup': {
      const n = get(data, 'node');
      if (!n) return null;
      return {
        id: get(n, 'id'),
        name: get(n, 'name'),
        offices: sorted(list(get(n, 'offices')).map((o) => str(get(o, 'office', 'id')))),
      };
    }
    case 'list':
      return list(get(data, 'meetings', 'edges')).map((e) => ({
        id: get(e, 'node', 'id'),
        date: get(e, 'node', 'date'),
      }));
    case 'nested':
      return list(get(data, 'meetings', 'edges')).map((e) => ({
        id: str(get(e, 'node', 'id')),
        participants: byId(list(get(e, 'node', 'participants')), 'person').map((p) => ({
          id: str(get(p, 'id')),
          // The page's meetings as a set: which meetings it holds is the question, not their order.
          meetings: byId(
            list(get(p, 'meetings', 'edges')).map((edge) => get(edge, 'node')),
            'meeting',
          ).map((m) => ({
            id: str(get(m, 'id')),
            subjects: sorted(list(get(m, 'discussed')).map((d) => str(get(d, 'subject', 'id')))),
          })),
        })),
      }));
    case 'search':
      return canonicalHits(
        list(get(data, 'search')).map((h) => ({
          id: str(get(h, 'entity', 'id')),
          score: Number(get(h, 'score')),
        })),
      );
    case 'article': {
      const a = get(data, 'article');
      if (!a) return null;
      return {
        id: get(a, 'id'),
        title: get(a, 'title'),
        sentences: list(get(a, 'sentences', 'edges'))
          .map((e) => get(e, 'node'))
          .map((s) => ({
            index: Number(get(s, 'index')),
            mentions: sorted(list(get(s, 'mentions')).map((m) => str(get(m, 'entity', 'id')))),
          })),
      };
    }
    case 'path': {
      const ids = list(get(data, 'path', 'nodes')).map((n) => str(get(n, 'id')));
      return ids.length ? { length: ids.length - 1, from: ids[0], to: ids.at(-1) } : null;
    }
  }
}

/** The items under `key` of each wrapper, one per id, sorted by id (an unordered list). */
function byId(wrappers: unknown[], key: string): unknown[] {
  const items = new Map(wrappers.map((w) => [str(get(w, key, 'id')), get(w, key)]));
  return [...items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, item]) => item);
}

/**
 * Throws when the response is an error; otherwise the answer in canonical form. `searchFirst` is
 * the page size the search question was asked with (C's answer holds both passes).
 */
export function canonicalAnswer(
  arm: ArmName,
  q: QuestionName,
  response: unknown,
  { searchFirst }: Pick<QuestionParams, 'searchFirst'>,
): unknown {
  const errors = get(response, 'errors') ?? get(response, 'error');
  if (errors) throw new Error(`arm ${arm}, question ${q}: ${JSON.stringify(errors).slice(0, 500)}`);
  const data = get(response, 'data');
  return canonical(q, arm === 'C' || arm === 'D' ? plainAsTogys(q, data, searchFirst) : data);
}
