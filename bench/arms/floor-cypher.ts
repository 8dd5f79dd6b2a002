/**
 * Arm A's hand-written Cypher: one auto-commit statement per question, the floor any API on this
 * graph pays. Each reads only what B's operation selects and returns one row whose `data` column
 * is B's GraphQL `data`, shape and field names included, so A serializes the same answer B does
 * and its answer needs no translation (questions/operations.ts). Pure: `{ cypher, params }`.
 */
import neo4j from 'neo4j-driver';
import { RELATION_SPECS, type RelationSpec } from '../../src/graph/relations.js';
import { ENTITY_NAMES_INDEX, FACT_RELATIONSHIP_TYPES } from '../../src/graph/schema.js';
import {
  ARTICLE_SENTENCES,
  NESTED_MEETINGS_PER_PERSON,
  type SearchQueries,
} from '../questions/operations.js';
import type { QuestionName, QuestionParams } from '../questions/params.js';

export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** The column every floor statement answers in. */
export const FLOOR_COLUMN = 'data';

/** The page of meetings of the list and nested questions, newest first (meeting_date index). */
const MEETING_PAGE = `MATCH (m:Meeting) WHERE m.date >= date($from) AND m.date <= date($to)
WITH m ORDER BY m.date DESC, m.id DESC LIMIT $first`;

/**
 * `MATCH` of the items of B's relation field `key` below `anchor`, read as B's registry entry
 * has them (src/graph/relations.ts): one per related node `b` (and qualifier), however many
 * parallel relationships lead to it, in the entry's order. `RETURN` what B selects of `b`.
 */
function related(key: keyof typeof RELATION_SPECS, anchor: string, b: string): string {
  const spec: RelationSpec = RELATION_SPECS[key];
  const r = `r_${b}`;
  const arrows = spec.dir === 'in' ? ['<-', '-'] : ['-', '->'];
  const qualifier = spec.qualifier
    ? `, coalesce(${r}.${spec.qualifier}, ${spec.qualifierDefault ?? 'null'}) AS ${b}_qualifier`
    : '';
  const by = spec.qualifier ? `${order(key, b)}, ${b}_qualifier` : order(key, b);
  return `MATCH (${anchor})${arrows[0]}[${r}:${spec.rel}]${arrows[1]}(${b}:${spec.node})
  WITH DISTINCT ${b}${qualifier} ORDER BY ${by}`;
}

/** The sort keys of `key`'s related node `b` (without the qualifier). */
function order(key: keyof typeof RELATION_SPECS, b: string): string {
  const spec: RelationSpec = RELATION_SPECS[key];
  return (spec.order ?? ['id']).map((property) => `${b}.${property}`).join(', ');
}

/** The same sort keys, each descending (the last items of a page asked with `last`). */
function descending(keys: string): string {
  return keys
    .split(', ')
    .map((key) => `${key} DESC`)
    .join(', ');
}

/** One full-text pass, its hits in B's shape, best first. */
const searchPass = (param: string) =>
  `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', ${param}, {limit: $first})
  YIELD node, score
  WITH node, score ORDER BY score DESC, node.id
  RETURN collect({score: score, entity: {id: node.id}})`;

export function floorQuery(
  question: QuestionName,
  p: QuestionParams,
  search: SearchQueries | null,
): CypherQuery {
  const page = { from: p.from, to: p.to, first: neo4j.int(p.pageSize) };
  switch (question) {
    case 'lookup':
      // B's holdings: one per office and acting spell, however many articles state it (a
      // much-reported person has hundreds of parallel HOLDS_OFFICE relationships).
      return {
        cypher: `OPTIONAL MATCH (p:Person {id: $id})
RETURN {node: CASE WHEN p IS NULL THEN null ELSE {id: p.id, name: p.nameEn,
  offices: COLLECT {
    ${related('Person.offices', 'p', 'o')}
    RETURN {office: {id: o.id}} }
} END} AS data`,
        params: { id: p.personId },
      };
    case 'list':
      return {
        cypher: `${MEETING_PAGE}
RETURN {meetings: {edges: collect({node: {id: m.id, date: toString(m.date)}})}} AS data`,
        params: page,
      };
    case 'nested':
      // The answer repeats subtrees (a participant under each of its page's meetings, a meeting
      // under each of its participants): each is read once, as B does, and placed by lookup.
      return {
        cypher: `${MEETING_PAGE}
CALL (m) {
  ${related('Meeting.participants', 'm', 'person')}
  RETURN collect(person) AS participants
}
WITH collect(m) AS page, collect(participants) AS participantLists
CALL (participantLists) {
  UNWIND participantLists AS list UNWIND list AS anchor
  WITH DISTINCT anchor
  CALL (anchor) {
    ${related('Person.meetings', 'anchor', 'other')}
    WITH other ORDER BY ${descending(order('Person.meetings', 'other'))} LIMIT $perPerson
    RETURN other
  }
  WITH other, collect(anchor) AS anchors
  CALL (other) {
    ${related('Meeting.discussed', 'other', 'subject')}
    RETURN collect({subject: {id: subject.id}}) AS discussed
  }
  UNWIND anchors AS person
  WITH person, other, discussed ORDER BY ${order('Person.meetings', 'other')}
  WITH person, collect({node: {meeting: {id: other.id, discussed: discussed}}}) AS meetings
  RETURN collect(person) AS people,
    collect({person: {id: person.id, meetings: {edges: meetings}}}) AS answers
}
RETURN {meetings: {edges: [i IN range(0, size(page) - 1) | {node: {id: page[i].id,
  participants: [person IN participantLists[i] |
    [j IN range(0, size(people) - 1) WHERE people[j] = person | answers[j]][0]]
}}]}} AS data`,
        params: { ...page, perPerson: neo4j.int(NESTED_MEETINGS_PER_PERSON) },
      };
    case 'search':
      // B's passes: the main one, and the fallback instead when the main finds fewer than first.
      if (!search) throw new Error('the search question needs its Lucene queries');
      return {
        cypher: `CALL () { ${searchPass('$main')} AS found }
CALL (found) {
  WITH found WHERE size(found) < $first AND $fallback IS NOT NULL
  ${searchPass('$fallback')} AS fallen
}
RETURN {search: CASE WHEN size(found) < $first AND $fallback IS NOT NULL THEN fallen ELSE found END} AS data`,
        params: { main: search.main, fallback: search.fallback, first: neo4j.int(p.searchFirst) },
      };
    case 'article':
      return {
        cypher: `OPTIONAL MATCH (a:Article {id: $id})
RETURN {article: CASE WHEN a IS NULL THEN null ELSE {id: a.id, title: a.title,
  sentences: {edges: COLLECT {
    ${related('Article.sentences', 'a', 's')} LIMIT $sentences
    RETURN {node: {index: s.index, mentions: COLLECT {
      ${related('Sentence.mentions', 's', 'e')} RETURN {entity: {id: e.id}}
    }}}
  }}
} END} AS data`,
        params: { id: p.articleId, sentences: neo4j.int(ARTICLE_SENTENCES) },
      };
    case 'path':
      return {
        cypher: `OPTIONAL MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH path = shortestPath((a)-[:${FACT_RELATIONSHIP_TYPES.join('|')}*1..${Math.trunc(p.maxHops)}]-(b))
RETURN {path: CASE WHEN path IS NULL THEN null ELSE
  {length: length(path), nodes: [n IN nodes(path) | {id: n.id}]} END} AS data`,
        params: { from: p.pathFrom, to: p.pathTo },
      };
  }
}
