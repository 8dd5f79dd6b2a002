/**
 * Relationship navigation, batched: for many anchor nodes at once, the related nodes along one
 * named relation, with the relationship itself (its qualifiers and provenance).
 *
 * RELATIONS is a fixed whitelist: the patterns below are the only Cypher text interpolated, and
 * the relation name a caller passes is checked against it. Each pattern binds `b` (the related
 * node) and, unless `withRel` is false, `r`, from the anchor whose id is `anchorId`.
 *
 * The graph keeps one relationship per article that states an edge (docs/graph-model.md); a
 * relation returns one item per distinct edge, carrying all of them (its statements).
 */
import type { CypherQuery } from './cypher.js';
import { MATCH_NODES_BY_IDS, nodeRecordFor, type NodeProjection } from './nodes.js';

export interface RelationSpec {
  match: string;
  /** Sort of the related nodes (stable: ends on an id). */
  orderBy: string;
  /** False when the pattern has no relationship variable (e.g. facts of an article by id). */
  withRel?: boolean;
  /**
   * What, besides its ends, tells parallel relationships apart as separate items (e.g. the
   * framing of a discussion); parallel relationships that agree on it are one item.
   */
  qualifier?: string;
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
    // DISTINCT per hop: parallel relationships (one per article) would multiply the paths.
    match: [
      '(a:Country {id: anchorId})<-[:GOVERNMENT_OF]-(g:Organization)',
      'WITH DISTINCT g MATCH (g)<-[:OFFICE_IN]-(o:Office)',
      'WITH DISTINCT o MATCH (o)<-[r:HOLDS_OFFICE]-(b:Person)',
    ].join(' '),
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
    qualifier: 'r.framing',
    orderBy: 'b.id, qualifier',
  },
  meetingQuotes: {
    match: '(a:Meeting {id: anchorId})<-[r:SAID_AT]-(b:Quote)',
    orderBy: 'b.articleId, b.start, b.id',
  },
  meetingClaims: { match: '(a:Meeting {id: anchorId})<-[r:MADE_AT]-(b:Claim)', orderBy: 'b.id' },
  // Topic and InfrastructureProject
  discussedAt: {
    match: '(a:Entity {id: anchorId})<-[r:DISCUSSED]-(b:Meeting)',
    qualifier: 'r.framing',
    orderBy: 'b.date, b.id, qualifier',
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

/**
 * A CALL that, for the anchor bound to `anchorId`, collects the relation's items into
 * `items` and its related nodes into `nodes`.
 *
 * Parallel relationships (one per article stating the same edge) are grouped into ONE item per
 * (source, target, qualifier), with every relationship's properties in `rels`, ordered by article
 * and fact id. Without `relProps` the item carries no properties, only its ends.
 */
function relationCall(spec: RelationSpec, relProps: boolean): string {
  // Lists, not maps: a map sends (and the driver decodes) its keys again with every item. An
  // item with nothing but its node is that node's id: a nested answer has thousands of them,
  // and each list costs the driver (and the GC) two arrays.
  const viaPath = endsOfSpec(spec) === 'via-path';
  const item = viaPath
    ? '[b.id, rels, sourceId, targetId]'
    : spec.withRel === false || !relProps
      ? 'b.id'
      : '[b.id, rels]';
  const collected = `collect(${item}) AS items, collect(b) AS nodes`;
  // Ends of a relationship between the anchor and b are known without reading them (the caller
  // fills them in: endsOf); reading startNode(r).id per relationship doubles a statement's time.
  const ends =
    endsOfSpec(spec) === 'via-path'
      ? 'startNode(r).id AS sourceId, endNode(r).id AS targetId'
      : 'null AS sourceId, null AS targetId';
  if (spec.withRel === false) {
    return [
      'CALL (anchorId) {',
      `  MATCH ${spec.match}`,
      `  WITH b, null AS sourceId, null AS targetId, [] AS rels ORDER BY ${spec.orderBy}`,
      `  RETURN ${collected}`,
      '}',
    ].join('\n');
  }
  const qualifier = spec.qualifier ?? 'null';
  const grouped = relProps
    ? [
        `  WITH b, r ORDER BY r.articleId, r.factId`,
        `  WITH b, ${ends}, ${qualifier} AS qualifier, collect(properties(r)) AS rels`,
      ]
    : [
        `  WITH DISTINCT b, ${ends}, ${qualifier} AS qualifier`,
        '  WITH b, sourceId, targetId, qualifier, [] AS rels',
      ];
  return [
    'CALL (anchorId) {',
    `  MATCH ${spec.match}`,
    ...grouped,
    `  ORDER BY ${spec.orderBy}`,
    `  RETURN ${collected}`,
    '}',
  ].join('\n');
}

/**
 * Collects the nodes of the lists in `<lists>` once each into `<into>`, as much of each as
 * `projection` says (nodeRecordFor).
 */
function distinctNodes(lists: string, into: string, projection: NodeProjection): string {
  const record = nodeRecordFor('b', projection);
  return [
    `CALL (${lists}) {`,
    `  UNWIND ${lists} AS list UNWIND list AS b`,
    '  WITH DISTINCT b',
    `  RETURN collect(${record}) AS ${into}`,
    '}',
  ].join('\n');
}

/**
 * Where a relation's item ends are: `from-anchor` (anchor → related node), `to-anchor`
 * (related node → anchor), `via-path` (a relationship further along the pattern: its ends are
 * read from the graph), `none` (relations by id, without a relationship).
 */
export type RelationEnds = 'from-anchor' | 'to-anchor' | 'via-path' | 'none';

function endsOfSpec(spec: RelationSpec): RelationEnds {
  if (spec.withRel === false) return 'none';
  if (/^\(a[:\s][^)]*\)-\[r:[^\]]*\]->\(b[:)]/.test(spec.match)) return 'from-anchor';
  if (/^\(a[:\s][^)]*\)<-\[r:[^\]]*\]-\(b[:)]/.test(spec.match)) return 'to-anchor';
  return 'via-path';
}

export function endsOf(relation: RelationName): RelationEnds {
  return endsOfSpec(specOf(relation));
}

/** One relation to fetch, and how much of it the selection reads. */
export interface RelationFetch {
  relation: RelationName;
  /** The relationships' properties (provenance, qualifiers); false: only their ends. */
  relProps: boolean;
  /**
   * The related nodes' properties: all (true), none beyond labels and ids (false: a selection of
   * ids), or those listed (the properties the selected fields read).
   */
  nodeProps: NodeProjection;
}

function specOf(relation: RelationName): RelationSpec {
  if (!isRelationName(relation)) throw new Error(`unknown relation "${relation}"`);
  return RELATIONS[relation];
}

// ---- what the statements send (lists, not maps: see relationCall) ----

/**
 * One item: the related node's id alone, when there is nothing else to send (no `relProps`, or
 * a relation without relationships); else with its relationships' properties (`relProps`) and,
 * for `via-path` relations, the ends' ids, which the caller knows otherwise (endsOf).
 */
export type WireItem =
  | string
  | [nodeId: string, rels: Array<Record<string, unknown>>]
  | [nodeId: string, rels: Array<Record<string, unknown>>, sourceId: string, targetId: string];
/** An anchor and its items; every anchor asked about is there, with [] when it has none. */
export type WireAnchor = [anchorId: string, items: WireItem[]];

/**
 * A relation to fetch, with the relations to fetch in turn from its related nodes: the shape of
 * a nested selection (meetings → participants → their meetings → what was discussed).
 */
export interface PrefetchTree {
  fetch: RelationFetch;
  children: PrefetchTree[];
}

/** The fetches of `trees` in the order their results come back: depth first, parents first. */
export function flattenPrefetch(trees: readonly PrefetchTree[]): RelationFetch[] {
  return trees.flatMap((tree) => [tree.fetch, ...flattenPrefetch(tree.children)]);
}

/**
 * CALLs fetching each tree's relation from the ids in `rootIds` (a list expression), and each
 * child's from the distinct related nodes of its parent, and so on: several levels of a nested
 * selection in one statement. `root.imports`: the variables `root.ids` reads (a parameter
 * needs none). Binds `anchors<k>` (WireAnchor list) and `nodes<k>` (WireNode
 * list, each related node once) for k in flattenPrefetch order; returns the k's.
 */
function prefetchCalls(
  trees: readonly PrefetchTree[],
  root: { ids: string; imports: string },
): { lines: string[]; outputs: number[] } {
  const lines: string[] = [];
  const outputs: number[] = [];
  const emit = (tree: PrefetchTree, parentLists: string | null) => {
    const k = outputs.length;
    outputs.push(k);
    const { relation, relProps, nodeProps } = tree.fetch;
    lines.push(
      `CALL (${parentLists ?? root.imports}) {`,
      ...(parentLists
        ? [
            // A child's anchors: every node its parent reached, once.
            `  UNWIND ${parentLists} AS list UNWIND list AS parent`,
            '  WITH DISTINCT parent.id AS anchorId',
          ]
        : [`  UNWIND ${root.ids} AS anchorId`]),
      relationCall(specOf(relation), relProps),
      `  RETURN collect([anchorId, items]) AS anchors${k}, collect(nodes) AS nodeLists${k}`,
      '}',
      distinctNodes(`nodeLists${k}`, `nodes${k}`, nodeProps),
    );
    for (const child of tree.children) emit(child, `nodeLists${k}`);
  };
  for (const tree of trees) emit(tree, null);
  return { lines, outputs };
}

function prefetchReturn(outputs: readonly number[]): string[] {
  return [
    `[${outputs.map((k) => `anchors${k}`).join(', ')}] AS anchors,`,
    `  [${outputs.map((k) => `nodes${k}`).join(', ')}] AS nodes`,
  ];
}

/**
 * Several levels of relations from `anchorIds` in one statement (see PrefetchTree). One row:
 * `anchors` and `nodes`, a list per fetch in flattenPrefetch order: the anchors with their
 * items (WireAnchor), and every related node once (WireNode) — a node reached from many anchors,
 * like a topic discussed at 400 meetings, is sent and decoded once.
 */
export function prefetchRelated(
  anchorIds: readonly string[],
  trees: readonly PrefetchTree[],
): CypherQuery {
  const { lines, outputs } = prefetchCalls(trees, { ids: '$anchorIds', imports: '' });
  return {
    cypher: [
      ...lines.map((l) => l.replace('CALL ($anchorIds)', 'CALL ()')),
      'RETURN',
      ...prefetchReturn(outputs),
    ].join('\n'),
    params: { anchorIds: [...new Set(anchorIds)] },
  };
}

/** One relation from many anchors: prefetchRelated with a single tree without children. */
export function relatedNodes(fetch: RelationFetch, anchorIds: readonly string[]): CypherQuery {
  return prefetchRelated(anchorIds, [{ fetch, children: [] }]);
}

/**
 * For a statement that has bound `idsVar` to a list of node ids: the CALLs fetching `trees` from
 * those nodes, and the RETURN items giving their results as prefetchRelated does (`anchors`,
 * `nodes`). The look-ahead of a root field, in the statement that finds the root's nodes.
 */
export function relatedFromIds(
  idsVar: string,
  trees: readonly PrefetchTree[],
): { calls: string[]; returns: string[] } {
  const { lines, outputs } = prefetchCalls(trees, { ids: idsVar, imports: idsVar });
  return { calls: lines, returns: prefetchReturn(outputs) };
}

/**
 * Nodes by id (as nodesByIds) with, in the same statement, the relations `trees` asks for from
 * them (the look-ahead of a root lookup). A relation whose anchor label a node lacks gives it an
 * empty list. One row: `found` (WireNode list, the nodes found, as much of each as
 * `projection` says) and, as prefetchRelated,
 * `anchors` and `nodes`.
 */
export function nodesWithRelated(
  ids: readonly string[],
  trees: readonly PrefetchTree[],
  projection: NodeProjection = true,
): CypherQuery {
  const related = relatedFromIds('foundIds', trees);
  return {
    cypher: [
      MATCH_NODES_BY_IDS,
      `WITH collect(${nodeRecordFor('n', projection)}) AS found, collect(n.id) AS foundIds`,
      ...related.calls,
      'RETURN found,',
      ...related.returns,
    ].join('\n'),
    params: { ids: [...new Set(ids)] },
  };
}
