/**
 * Relationship navigation, batched: for many anchor nodes at once, the related nodes along one
 * named relation, with the relationship itself (its qualifiers and provenance).
 *
 * RELATIONS is a fixed whitelist: the patterns below are the only Cypher text interpolated, and
 * the relation name a caller passes is checked against it. Each pattern binds `a` (the anchor,
 * whose id is `anchorId`), `b` (the related node) and, unless `withRel` is false, `r`.
 */
import type { CypherQuery } from './cypher.js';
import { MATCH_NODES_BY_IDS } from './nodes.js';

export interface RelationSpec {
  match: string;
  /** Sort of the related nodes (stable: ends on an id). */
  orderBy: string;
  /** False when the pattern has no relationship variable (e.g. facts of an article by id). */
  withRel?: boolean;
}

const FACT_LABELS = 'Quote|Claim|NumericFact';

export const RELATIONS = {
  // Person
  personOffices: {
    match: '(a:Person {id: anchorId})-[r:HOLDS_OFFICE]->(b:Office)',
    orderBy: 'b.id',
  },
  personMeetings: {
    match: '(a:Person {id: anchorId})-[r:PARTICIPATED_IN]->(b:Meeting)',
    orderBy: 'b.date, b.id',
  },
  personQuotes: {
    match: '(a:Person {id: anchorId})-[r:SAID]->(b:Quote)',
    orderBy: 'b.articleId, b.start, b.id',
  },
  personClaims: { match: '(a:Person {id: anchorId})-[r:MADE_CLAIM]->(b:Claim)', orderBy: 'b.id' },
  personFigures: {
    match: '(a:Person {id: anchorId})-[r:STATED]->(b:NumericFact)',
    orderBy: 'b.id',
  },
  // Office
  officeHolders: {
    match: '(a:Office {id: anchorId})<-[r:HOLDS_OFFICE]-(b:Person)',
    orderBy: 'b.id',
  },
  officeOrganization: {
    match: '(a:Office {id: anchorId})-[r:OFFICE_IN]->(b:Organization)',
    orderBy: 'b.id',
  },
  // Organization
  organizationGovernmentOf: {
    match: '(a:Organization {id: anchorId})-[r:GOVERNMENT_OF]->(b:Country)',
    orderBy: 'b.id',
  },
  organizationPartOf: {
    match: '(a:Organization {id: anchorId})-[r:PART_OF]->(b:Organization)',
    orderBy: 'b.id',
  },
  organizationParts: {
    match: '(a:Organization {id: anchorId})<-[r:PART_OF]-(b:Organization)',
    orderBy: 'b.id',
  },
  organizationOffices: {
    match: '(a:Organization {id: anchorId})<-[r:OFFICE_IN]-(b:Office)',
    orderBy: 'b.id',
  },
  organizationReportedMeetings: {
    match: '(a:Organization {id: anchorId})<-[r:REPORTED_BY]-(b:Meeting)',
    orderBy: 'b.date, b.id',
  },
  organizationSessions: {
    match: '(a:Organization {id: anchorId})<-[r:SESSION_OF]-(b:Event)',
    orderBy: 'b.startDate, b.id',
  },
  organizationArticles: {
    match: '(a:Organization {id: anchorId})<-[r:SOURCED_FROM]-(b:Article)',
    orderBy: 'b.publishedAt, b.id',
  },
  // Country
  countryGovernments: {
    match: '(a:Country {id: anchorId})<-[r:GOVERNMENT_OF]-(b:Organization)',
    orderBy: 'b.id',
  },
  countryOfficials: {
    match:
      '(a:Country {id: anchorId})<-[:GOVERNMENT_OF]-(:Organization)<-[:OFFICE_IN]-(:Office)<-[r:HOLDS_OFFICE]-(b:Person)',
    orderBy: 'b.id',
  },
  countryRepresentedAt: {
    match:
      '(a:Country {id: anchorId}) MATCH (b:Person)-[r:PARTICIPATED_IN]->(:Meeting) WHERE r.countryId = anchorId',
    orderBy: 'b.id',
  },
  placesIn: { match: '(a:Entity {id: anchorId})<-[r:LOCATED_IN]-(b:Place)', orderBy: 'b.id' },
  // Place
  placeLocatedIn: { match: '(a:Place {id: anchorId})-[r:LOCATED_IN]->(b:Entity)', orderBy: 'b.id' },
  placeEvents: {
    match: '(a:Place {id: anchorId})<-[r:HELD_IN]-(b:Event)',
    orderBy: 'b.startDate, b.id',
  },
  placeMeetings: {
    match: '(a:Place {id: anchorId})<-[r:HELD_IN]-(b:Meeting)',
    orderBy: 'b.date, b.id',
  },
  // Event and Meeting
  heldIn: { match: '(a:Entity {id: anchorId})-[r:HELD_IN]->(b:Place)', orderBy: 'b.id' },
  eventSessionOf: {
    match: '(a:Event {id: anchorId})-[r:SESSION_OF]->(b:Organization)',
    orderBy: 'b.id',
  },
  eventSideMeetings: {
    match: '(a:Event {id: anchorId})<-[r:ON_SIDELINES_OF]-(b:Meeting)',
    orderBy: 'b.date, b.id',
  },
  meetingParticipants: {
    match: '(a:Meeting {id: anchorId})<-[r:PARTICIPATED_IN]-(b:Person)',
    orderBy: 'b.id',
  },
  meetingOnSidelinesOf: {
    match: '(a:Meeting {id: anchorId})-[r:ON_SIDELINES_OF]->(b:Event)',
    orderBy: 'b.id',
  },
  meetingReportedBy: {
    match: '(a:Meeting {id: anchorId})-[r:REPORTED_BY]->(b:Organization)',
    orderBy: 'b.id',
  },
  meetingDiscussed: {
    match: '(a:Meeting {id: anchorId})-[r:DISCUSSED]->(b:Topic|InfrastructureProject)',
    orderBy: 'r.factId, b.id',
  },
  meetingQuotes: {
    match: '(a:Meeting {id: anchorId})<-[r:SAID_AT]-(b:Quote)',
    orderBy: 'b.articleId, b.start, b.id',
  },
  meetingClaims: { match: '(a:Meeting {id: anchorId})<-[r:MADE_AT]-(b:Claim)', orderBy: 'b.id' },
  // Topic and InfrastructureProject
  discussedAt: {
    match: '(a:Entity {id: anchorId})<-[r:DISCUSSED]-(b:Meeting)',
    orderBy: 'b.date, b.id',
  },
  topicAbout: { match: '(a:Topic {id: anchorId})-[r:ABOUT]->(b:Entity)', orderBy: 'b.id' },
  // Any entity
  statementsAbout: {
    match: `(a:Entity {id: anchorId})<-[r:ABOUT]-(b:${FACT_LABELS})`,
    orderBy: 'b.id',
  },
  // Facts
  factEvidence: {
    match: `(a:${FACT_LABELS} {id: anchorId})-[r:EVIDENCED_BY]->(b:Sentence)`,
    orderBy: 'b.index, b.id',
  },
  factAbout: { match: `(a:${FACT_LABELS} {id: anchorId})-[r:ABOUT]->(b:Entity)`, orderBy: 'b.id' },
  quoteSpeaker: { match: '(a:Quote {id: anchorId})<-[r:SAID]-(b:Person)', orderBy: 'b.id' },
  quoteMeeting: { match: '(a:Quote {id: anchorId})-[r:SAID_AT]->(b:Meeting)', orderBy: 'b.id' },
  quoteClaims: { match: '(a:Quote {id: anchorId})-[r:CONTAINS]->(b:Claim)', orderBy: 'b.id' },
  quoteFigures: {
    match: '(a:Quote {id: anchorId})-[r:CONTAINS]->(b:NumericFact)',
    orderBy: 'b.id',
  },
  claimMadeBy: { match: '(a:Claim {id: anchorId})<-[r:MADE_CLAIM]-(b:Person)', orderBy: 'b.id' },
  claimMadeAt: { match: '(a:Claim {id: anchorId})-[r:MADE_AT]->(b:Meeting)', orderBy: 'b.id' },
  containingQuote: {
    match: '(a:Claim|NumericFact {id: anchorId})<-[r:CONTAINS]-(b:Quote)',
    orderBy: 'b.id',
  },
  figureStatedBy: {
    match: '(a:NumericFact {id: anchorId})<-[r:STATED]-(b:Person)',
    orderBy: 'b.id',
  },
  // Articles and sentences
  articleSentences: {
    match: '(a:Article {id: anchorId})-[r:HAS_SENTENCE]->(b:Sentence)',
    orderBy: 'b.index',
  },
  articleSource: {
    match: '(a:Article {id: anchorId})-[r:SOURCED_FROM]->(b:Organization)',
    orderBy: 'b.id',
  },
  articleQuotes: {
    match: '(b:Quote {articleId: anchorId})',
    orderBy: 'b.start, b.id',
    withRel: false,
  },
  articleClaims: { match: '(b:Claim {articleId: anchorId})', orderBy: 'b.id', withRel: false },
  articleNumericFacts: {
    match: '(b:NumericFact {articleId: anchorId})',
    orderBy: 'b.id',
    withRel: false,
  },
  sentenceMentions: {
    match: '(a:Sentence {id: anchorId})-[r:MENTIONS]->(b:Entity)',
    orderBy: 'b.id',
  },
  sentenceFacts: {
    match: `(a:Sentence {id: anchorId})<-[r:EVIDENCED_BY]-(b:${FACT_LABELS})`,
    orderBy: 'b.id',
  },
} as const satisfies Record<string, RelationSpec>;

export type RelationName = keyof typeof RELATIONS;

export function isRelationName(name: string): name is RelationName {
  return Object.hasOwn(RELATIONS, name);
}

/** The MATCH … ORDER BY lines of one relation, binding `anchorId`, `r` and `b`. */
function relationLines(spec: RelationSpec): string[] {
  const withRel = spec.withRel !== false;
  return [
    `MATCH ${spec.match}`,
    `WITH anchorId, ${withRel ? 'r' : 'null AS r'}, b ORDER BY ${spec.orderBy}`,
  ];
}

/**
 * The item a relation returns per related node: `{rel, sourceId, targetId, nodeId}`. The nodes
 * come once each in a separate list: one node reached by many relationships (an office held in
 * 200 articles) would otherwise be sent, and decoded, 200 times.
 */
function relationItem(spec: RelationSpec, relProps: boolean): string {
  if (spec.withRel === false) return '{rel: null, sourceId: null, targetId: null, nodeId: b.id}';
  const ends = 'sourceId: startNode(r).id, targetId: endNode(r).id, nodeId: b.id';
  // Without its properties (evidence, sentence ids…) a relationship is a fraction of the bytes.
  return relProps
    ? `{rel: r, ${ends}}`
    : `{rel: null, elementId: elementId(r), type: type(r), ${ends}}`;
}

/** One relation to fetch, and whether its relationships' properties are needed. */
export interface RelationFetch {
  relation: RelationName;
  relProps: boolean;
}

function specOf(relation: RelationName): RelationSpec {
  if (!isRelationName(relation)) throw new Error(`unknown relation "${relation}"`);
  return RELATIONS[relation];
}

/**
 * For each anchor id, the related nodes along `relation`, in the relation's order. One row per
 * anchor that has any: `anchorId`, `items` = list of `{rel, sourceId, targetId, nodeId}` and
 * `nodes` = the distinct related nodes.
 */
export function relatedNodes(
  relation: RelationName,
  anchorIds: readonly string[],
  relProps = true,
): CypherQuery {
  const spec = specOf(relation);
  return {
    cypher: [
      'UNWIND $anchorIds AS anchorId',
      ...relationLines(spec),
      `RETURN anchorId, collect(${relationItem(spec, relProps)}) AS items, collect(DISTINCT b) AS nodes`,
    ].join('\n'),
    params: { anchorIds: [...new Set(anchorIds)] },
  };
}

/**
 * Nodes by id (as nodesByIds) with, in the same statement, their related nodes along each of
 * `relations` (the look-ahead of a query that asks for those fields). A relation whose anchor
 * label the node lacks gives an empty list. One row per node found: `n`, `related` (a list of
 * item lists, in the order of `relations`) and `relatedNodes` (their distinct nodes, likewise).
 */
export function nodesWithRelated(
  ids: readonly string[],
  relations: readonly RelationFetch[],
): CypherQuery {
  // Each subquery imports only the id: the relation patterns bind a, b and r themselves.
  const subqueries = relations.map(({ relation, relProps }, i) => {
    const spec = specOf(relation);
    return [
      `CALL (anchorId) {`,
      ...relationLines(spec),
      `  RETURN collect(${relationItem(spec, relProps)}) AS related${i}, collect(DISTINCT b) AS nodes${i}`,
      '}',
    ].join('\n');
  });
  return {
    cypher: [
      MATCH_NODES_BY_IDS,
      'WITH n, n.id AS anchorId',
      ...subqueries,
      `RETURN n, [${relations.map((_, i) => `related${i}`).join(', ')}] AS related,`,
      `  [${relations.map((_, i) => `nodes${i}`).join(', ')}] AS relatedNodes`,
    ].join('\n'),
    params: { ids: [...new Set(ids)] },
  };
}
