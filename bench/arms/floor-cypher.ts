/**
 * Arm A's hand-written Cypher: one statement per question, the floor any API on this graph
 * pays. Pure: each builder returns `{ cypher, params }`.
 */
import neo4j from 'neo4j-driver';
import { FACT_RELATIONSHIP_TYPES } from '../../src/graph/schema.js';
import type { QuestionName, QuestionParams } from '../questions/params.js';

export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export function floorQuery(question: QuestionName, p: QuestionParams, lucene: string): CypherQuery {
  switch (question) {
    case 'lookup':
      return {
        cypher: `MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:HOLDS_OFFICE]->(o:Office)
RETURN p.id AS id, p.nameEn AS nameEn, collect(DISTINCT o.id) AS offices`,
        params: { id: p.personId },
      };
    case 'list':
      return {
        cypher: `MATCH (m:Meeting) WHERE m.date >= date($from) AND m.date <= date($to)
RETURN m.id AS id, toString(m.date) AS date
ORDER BY m.date DESC, m.id DESC LIMIT $first`,
        params: { from: p.from, to: p.to, first: neo4j.int(p.pageSize) },
      };
    case 'nested':
      return {
        cypher: `MATCH (m:Meeting) WHERE m.date >= date($from) AND m.date <= date($to)
WITH m ORDER BY m.date DESC, m.id DESC LIMIT $first
CALL (m) {
  MATCH (person:Person)-[:PARTICIPATED_IN]->(m)
  WITH DISTINCT person
  CALL (person) {
    MATCH (person)-[:PARTICIPATED_IN]->(other:Meeting)
    WITH DISTINCT other
    CALL (other) {
      OPTIONAL MATCH (other)-[:DISCUSSED]->(subject)
      RETURN collect(DISTINCT subject.id) AS subjects
    }
    RETURN collect({id: other.id, subjects: subjects}) AS meetings
  }
  RETURN collect({id: person.id, meetings: meetings}) AS participants
}
RETURN m.id AS id, participants`,
        params: {
          from: p.from,
          to: p.to,
          first: neo4j.int(p.pageSize),
        },
      };
    case 'search':
      return {
        cypher: `CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $first})
YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, node.id`,
        params: { lucene, first: neo4j.int(p.searchFirst) },
      };
    case 'article':
      return {
        cypher: `MATCH (a:Article {id: $id})
CALL (a) {
  MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)
  CALL (s) {
    OPTIONAL MATCH (s)-[:MENTIONS]->(e:Entity)
    RETURN collect(DISTINCT e.id) AS mentions
  }
  WITH s, mentions ORDER BY s.index
  RETURN collect({index: s.index, mentions: mentions}) AS sentences
}
RETURN a.id AS id, a.title AS title, sentences`,
        params: { id: p.articleId },
      };
    case 'path':
      return {
        cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = shortestPath((a)-[:${FACT_RELATIONSHIP_TYPES.join('|')}*1..${Math.trunc(p.maxHops)}]-(b))
RETURN [n IN nodes(path) | n.id] AS ids`,
        params: { from: p.pathFrom, to: p.pathTo },
      };
  }
}
