/**
 * Each arm's operation for each question, and how its answer is reduced to a canonical form so
 * the arms can be compared: same ids, same order where the question defines one (list pages,
 * sentences, search ranking), sorted where it does not (a meeting's participants).
 *
 * The questions (params.ts):
 * - lookup: a person by id, with the offices they hold.
 * - list: meetings dated in [from, to], newest first (date, then id, both descending), 20.
 * - nested: those 20 meetings → participants → each participant's meetings → what was discussed.
 * - search: full-text over entity names; B's Lucene query builder makes the query for A, C, D.
 * - article: an article's sentences in order, each with the ids of the entities it mentions.
 * - path: a shortest path over the fact relationships (≤ maxHops); shortest paths need not be
 *   unique, so arms agree when length and endpoints agree.
 */
import { luceneQuery } from '../../src/graph/search.js';
import type { QuestionName, QuestionParams } from './params.js';

export const ARMS = ['A', 'B', 'C', 'D'] as const;
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

/** The Lucene query every arm runs for the search question: togys's own builder. */
export function searchLucene(p: QuestionParams): string {
  const lucene = luceneQuery(p.searchText);
  if (!lucene)
    throw new Error(`search text ${JSON.stringify(p.searchText)} has no searchable token`);
  return lucene;
}

const B_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { node(id: $id) { ... on Person { id name(lang: EN) offices { office { id } } } } }`,
  list: `query List($from: Date, $to: Date, $first: Int) {
  meetings(filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }, first: $first) {
    edges { node { id date } }
  }
}`,
  nested: `query Nested($from: Date, $to: Date, $first: Int) {
  meetings(filter: { dateFrom: $from, dateTo: $to }, orderBy: { field: DATE, direction: DESC }, first: $first) {
    edges { node { id participants { person { id meetings { meeting { id discussed { subject { ... on Node { id } } } } } } } } }
  }
}`,
  search: `query Search($q: String!, $first: Int) { search(query: $q, first: $first) { score entity { id } } }`,
  article: `query Article($id: ID!) { article(id: $id) { id title sentences { index mentions { entity { id } } } } }`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int) { path(from: $from, to: $to, maxHops: $maxHops) { length nodes { id } } }`,
};

const C_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { people(where: { id: { eq: $id } }) { id nameEn offices { id } } }`,
  list: `query List($from: Date, $to: Date, $first: Int) {
  meetings(where: { date: { gte: $from, lte: $to } }, sort: [{ date: DESC }, { id: DESC }], limit: $first) { id date }
}`,
  nested: `query Nested($from: Date, $to: Date, $first: Int) {
  meetings(where: { date: { gte: $from, lte: $to } }, sort: [{ date: DESC }, { id: DESC }], limit: $first) {
    id participants { id meetings { id subjects { ... on Topic { id } ... on InfrastructureProject { id } } } }
  }
}`,
  search: `query Search($q: String!, $first: Int) {
  searchEntities(phrase: $q, first: $first, sort: [{ score: DESC }]) { edges { score node { id } } }
}`,
  article: `query Article($id: ID!) {
  articles(where: { id: { eq: $id } }) { id title sentences(sort: [{ index: ASC }]) { index mentions { id } } }
}`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int!) { shortestPathIds(from: $from, to: $to, maxHops: $maxHops) }`,
};

const D_OPERATIONS: Record<QuestionName, string> = {
  lookup: `query Lookup($id: ID!) { person(id: $id) { id nameEn offices { id } } }`,
  list: `query List($from: String!, $to: String!, $first: Int!) { meetings(from: $from, to: $to, first: $first) { id date } }`,
  nested: `query Nested($from: String!, $to: String!, $first: Int!) {
  meetings(from: $from, to: $to, first: $first) { id participants { id meetings { id subjects { id } } } }
}`,
  search: `query Search($q: String!, $first: Int!) { search(query: $q, first: $first) { score entity { id } } }`,
  article: `query Article($id: ID!) { article(id: $id) { id title sentences { index mentions { id } } } }`,
  path: `query Path($from: ID!, $to: ID!, $maxHops: Int!) { path(from: $from, to: $to, maxHops: $maxHops) }`,
};

function variables(arm: ArmName, q: QuestionName, p: QuestionParams): Json {
  switch (q) {
    case 'lookup':
    case 'article':
      return { id: q === 'lookup' ? p.personId : p.articleId };
    case 'list':
    case 'nested':
      return { from: p.from, to: p.to, first: p.pageSize };
    case 'search':
      return { q: arm === 'B' ? p.searchText : searchLucene(p), first: p.searchFirst };
    case 'path':
      return { from: p.pathFrom, to: p.pathTo, maxHops: p.maxHops };
  }
}

export function armRequest(arm: ArmName, q: QuestionName, p: QuestionParams): ArmRequest {
  if (arm === 'A') {
    return {
      path: `/q/${q}`,
      body: JSON.stringify({ params: p, lucene: q === 'search' ? searchLucene(p) : '' }),
    };
  }
  const query = { B: B_OPERATIONS, C: C_OPERATIONS, D: D_OPERATIONS }[arm][q];
  return { path: '/graphql', body: JSON.stringify({ query, variables: variables(arm, q, p) }) };
}

// ---- canonical answers ----

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

interface NestedMeeting {
  id: string;
  participants: { id: string; meetings: { id: string; subjects: string[] }[] }[];
}

function canonicalNested(meetings: NestedMeeting[]): unknown {
  return meetings.map((m) => ({
    id: m.id,
    participants: [...new Map(m.participants.map((p) => [p.id, p])).values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((p) => ({
        id: p.id,
        meetings: [...new Map(p.meetings.map((om) => [om.id, om])).values()]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((om) => ({ id: om.id, subjects: sorted(om.subjects) })),
      })),
  }));
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

/** Throws when the response is an error; otherwise the answer in canonical form. */
export function canonicalAnswer(arm: ArmName, q: QuestionName, response: unknown): unknown {
  const errors = get(response, 'errors') ?? get(response, 'error');
  if (errors) throw new Error(`arm ${arm}, question ${q}: ${JSON.stringify(errors).slice(0, 500)}`);
  if (arm === 'A') return canonicalFloor(q, list(get(response, 'rows')) as Json[]);
  const data = get(response, 'data');
  if (arm === 'B') return canonicalTogys(q, data);
  if (arm === 'C') return canonicalPeer(q, data);
  return canonicalNaive(q, data);
}

function canonicalFloor(q: QuestionName, rows: Json[]): unknown {
  switch (q) {
    case 'lookup': {
      const r = rows[0];
      return r ? { id: r.id, name: r.nameEn, offices: sorted(list(r.offices).map(str)) } : null;
    }
    case 'list':
      return rows.map((r) => ({ id: r.id, date: r.date }));
    case 'nested':
      return canonicalNested(
        rows.map((r) => ({
          id: str(r.id),
          participants: list(r.participants).map((p) => ({
            id: str(get(p, 'id')),
            meetings: list(get(p, 'meetings')).map((m) => ({
              id: str(get(m, 'id')),
              subjects: list(get(m, 'subjects')).map(str),
            })),
          })),
        })),
      );
    case 'search':
      return canonicalHits(rows.map((r) => ({ id: str(r.id), score: Number(r.score) })));
    case 'article': {
      const r = rows[0];
      if (!r) return null;
      return {
        id: r.id,
        title: r.title,
        sentences: list(r.sentences).map((s) => ({
          index: Number(get(s, 'index')),
          mentions: sorted(list(get(s, 'mentions')).map(str)),
        })),
      };
    }
    case 'path': {
      const ids = list(rows[0]?.ids).map(str);
      return ids.length ? { length: ids.length - 1, from: ids[0], to: ids.at(-1) } : null;
    }
  }
}

function canonicalTogys(q: QuestionName, data: unknown): unknown {
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
      return canonicalNested(
        list(get(data, 'meetings', 'edges')).map((e) => ({
          id: str(get(e, 'node', 'id')),
          participants: list(get(e, 'node', 'participants')).map((p) => ({
            id: str(get(p, 'person', 'id')),
            meetings: list(get(p, 'person', 'meetings')).map((m) => ({
              id: str(get(m, 'meeting', 'id')),
              subjects: list(get(m, 'meeting', 'discussed')).map((d) =>
                str(get(d, 'subject', 'id')),
              ),
            })),
          })),
        })),
      );
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
        sentences: list(get(a, 'sentences')).map((s) => ({
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

function canonicalPeer(q: QuestionName, data: unknown): unknown {
  switch (q) {
    case 'lookup': {
      const p = list(get(data, 'people'))[0];
      if (!p) return null;
      return {
        id: get(p, 'id'),
        name: get(p, 'nameEn'),
        offices: sorted(list(get(p, 'offices')).map((o) => str(get(o, 'id')))),
      };
    }
    case 'list':
      return list(get(data, 'meetings')).map((m) => ({ id: get(m, 'id'), date: get(m, 'date') }));
    case 'nested':
      return canonicalNested(
        list(get(data, 'meetings')).map((m) => ({
          id: str(get(m, 'id')),
          participants: list(get(m, 'participants')).map((p) => ({
            id: str(get(p, 'id')),
            meetings: list(get(p, 'meetings')).map((om) => ({
              id: str(get(om, 'id')),
              subjects: list(get(om, 'subjects')).map((s) => str(get(s, 'id'))),
            })),
          })),
        })),
      );
    case 'search':
      return canonicalHits(
        list(get(data, 'searchEntities', 'edges')).map((e) => ({
          id: str(get(e, 'node', 'id')),
          score: Number(get(e, 'score')),
        })),
      );
    case 'article': {
      const a = list(get(data, 'articles'))[0];
      if (!a) return null;
      return {
        id: get(a, 'id'),
        title: get(a, 'title'),
        sentences: list(get(a, 'sentences')).map((s) => ({
          index: Number(get(s, 'index')),
          mentions: sorted(list(get(s, 'mentions')).map((m) => str(get(m, 'id')))),
        })),
      };
    }
    case 'path': {
      const ids = list(get(data, 'shortestPathIds')).map(str);
      return ids.length ? { length: ids.length - 1, from: ids[0], to: ids.at(-1) } : null;
    }
  }
}

function canonicalNaive(q: QuestionName, data: unknown): unknown {
  switch (q) {
    case 'lookup': {
      const p = get(data, 'person');
      if (!p) return null;
      return {
        id: get(p, 'id'),
        name: get(p, 'nameEn'),
        offices: sorted(list(get(p, 'offices')).map((o) => str(get(o, 'id')))),
      };
    }
    case 'list':
      return list(get(data, 'meetings')).map((m) => ({ id: get(m, 'id'), date: get(m, 'date') }));
    case 'nested':
      return canonicalNested(
        list(get(data, 'meetings')).map((m) => ({
          id: str(get(m, 'id')),
          participants: list(get(m, 'participants')).map((p) => ({
            id: str(get(p, 'id')),
            meetings: list(get(p, 'meetings')).map((om) => ({
              id: str(get(om, 'id')),
              subjects: list(get(om, 'subjects')).map((s) => str(get(s, 'id'))),
            })),
          })),
        })),
      );
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
        sentences: list(get(a, 'sentences')).map((s) => ({
          index: Number(get(s, 'index')),
          mentions: sorted(list(get(s, 'mentions')).map((m) => str(get(m, 'id')))),
        })),
      };
    }
    case 'path': {
      const ids = list(get(data, 'path')).map(str);
      return ids.length ? { length: ids.length - 1, from: ids[0], to: ids.at(-1) } : null;
    }
  }
}
