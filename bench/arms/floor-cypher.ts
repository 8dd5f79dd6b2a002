/**
 * Arm A's hand-written Cypher: one auto-commit statement per question, the floor any API on this
 * graph pays. Each reads only what B's operation selects and returns one row whose `data` column
 * is B's GraphQL `data`, shape and field names included, so A serializes the same answer B does
 * and its answer needs no translation (questions/operations.ts). Pure: `{ cypher, params }`.
 */
import neo4j from 'neo4j-driver';
import { ENTITY_NAMES_INDEX, FACT_RELATIONSHIP_TYPES } from '../../src/graph/schema.js';
import { NESTED_MEETINGS_PER_PERSON, type SearchQueries } from '../questions/operations.js';
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
      return {
        cypher: `OPTIONAL MATCH (p:Person {id: $id})
RETURN {node: CASE WHEN p IS NULL THEN null ELSE {
  id: p.id, name: p.nameEn,
  offices: [(p)-[:HOLDS_OFFICE]->(o:Office) | {office: {id: o.id}}]
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
      return {
        cypher: `${MEETING_PAGE}
RETURN {meetings: {edges: collect({node: {id: m.id,
  participants: [(person:Person)-[:PARTICIPATED_IN]->(m) | {person: {id: person.id,
    meetings: {edges: COLLECT {
      MATCH (person)-[:PARTICIPATED_IN]->(other:Meeting)
      WITH DISTINCT other ORDER BY other.date DESC, other.id DESC LIMIT $perPerson
      RETURN {node: {meeting: {id: other.id,
        discussed: [(other)-[:DISCUSSED]->(subject) | {subject: {id: subject.id}}]
      }}}
    }}
  }}]
}})}} AS data`,
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
    MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)
    WITH s ORDER BY s.index
    RETURN {node: {index: s.index, mentions: [(s)-[:MENTIONS]->(e:Entity) | {entity: {id: e.id}}]}}
  }}
} END} AS data`,
        params: { id: p.articleId },
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
