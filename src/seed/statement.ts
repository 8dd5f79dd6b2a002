/**
 * The Cypher statements that write a batch of articles' plans, and their rows (pure).
 *
 * A batch is written by a handful of small statements, the same texts for every batch:
 * the article's own nodes (Article, Sentences, fact nodes), the entities, then every
 * relationship in one statement that finds its ends by the element ids the node statements
 * returned. Few, small statements matter on a fresh server: Neo4j compiles each statement
 * text once per start, and one big statement covering every label and relationship type
 * took 3.5-12 s to compile there (seconds of a 100-article seed); these take a fraction of
 * that, and run faster warm too (element-id seeks instead of index seeks for the ends).
 *
 * Labels and relationship types in the texts are fixed: the own nodes' labels, `Entity` and
 * the kind labels come from src/graph/schema.ts; the dynamic ones (`$(row.label)`,
 * `$(row.kind)`, `$(row.type)`) are values of the plan, which verification allowed only from
 * those lists and from src/seed/patterns.ts. Every value is a parameter.
 */
import { ENTITY_KIND_LABELS, FACT_NODE_LABELS, PROVENANCE_LABELS } from '../graph/schema.js';
import type { ArticlePlan, PlannedEntity, PlannedRelationship, Properties } from './plan.js';

/** One statement of a batch's write, with its parameters. */
export interface WriteStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Labels of the nodes an article owns (ids start with its slug; no other article writes them). */
const OWN_NODE_LABELS = [...PROVENANCE_LABELS, ...FACT_NODE_LABELS] as const;
type OwnLabel = (typeof OWN_NODE_LABELS)[number];

/** A node among a batch's nodes: its MATCH label and id (ids are unique per label). */
const nodeKey = (label: string, id: string): string => `${label}|${id}`;

interface OwnNodeRow {
  key: string;
  label: OwnLabel;
  id: string;
  props: Properties;
  /** The Article: stamped with `seededAt`, the server's time of writing. */
  stamped: boolean;
}

interface RelationshipRow {
  type: string;
  /** Keys of the ends (nodeKey), replaced by their element ids when the statement is sent. */
  from: string;
  to: string;
  props: Properties;
}

/**
 * Planning these texts must stay cheap, and Neo4j re-plans a cached query whenever the
 * graph's statistics drift (which seeding keeps doing): the plans do not depend on them
 * (every MERGE/MATCH is a unique-id index seek or an element-id seek), so never re-plan.
 */
const cypher = (body: string) => `CYPHER replan=skip\n${body}`;

/** Own nodes of new articles: CREATEd (they cannot exist yet; the constraints still check). */
const CREATE_OWN_NODES = cypher(`UNWIND $rows AS row
CREATE (n:$(row.label) {id: row.id})
SET n = row.props
FOREACH (_ IN CASE WHEN row.stamped THEN [1] ELSE [] END | SET n.seededAt = datetime())
RETURN row.key AS key, elementId(n) AS elementId`);

/** Own nodes of an article already in the graph: MERGEd per label (a static label seeks the index). */
const MERGE_OWN_NODES = Object.fromEntries(
  OWN_NODE_LABELS.map((label) => [
    label,
    cypher(`UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n = row.props
FOREACH (_ IN CASE WHEN row.stamped THEN [1] ELSE [] END | SET n.seededAt = datetime())
RETURN row.key AS key, elementId(n) AS elementId`),
  ]),
) as Record<OwnLabel, string>;

/**
 * Entities are MERGEd on their ids, and SET only when their properties or kind change: an
 * unchanged SET still locks the node until commit, and popular entities are in every batch.
 * Each row also says whether the entity was new or changed, and how many stored properties
 * the new ones drop: a batch's report lines are derived from that (counts.ts).
 */
const MERGE_ENTITIES = cypher(`UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS created,
     old IS NULL OR properties(old) <> row.props OR NOT row.kind IN labels(old) AS changed,
     CASE WHEN old IS NULL THEN 0
          ELSE size([k IN keys(old) WHERE row.props[k] IS NULL]) END AS removedProps
MERGE (n:Entity {id: row.id})
WITH n, row, created, changed, removedProps
CALL (n, row, changed) {
  WITH n, row
  WHERE changed
  SET n = row.props, n:$(row.kind)
  REMOVE n:$(row.otherKinds)
}
RETURN row.key AS key, elementId(n) AS elementId, row.id AS id, created, changed, removedProps`);

const ends = `UNWIND $rows AS row
MATCH (x) WHERE elementId(x) = row.from
MATCH (y) WHERE elementId(y) = row.to`;

/**
 * New articles: every relationship touches the article's own nodes or carries its
 * articleId, so none exists yet and all are CREATEd. MERGE would scan the parallel
 * relationships of popular entities (one per article stating the same fact) and lock both
 * ends until commit.
 */
const CREATE_RELATIONSHIPS = cypher(`${ends}
CREATE (x)-[r:$(row.type)]->(y)
SET r = row.props`);

/** An article already in the graph: structural relationships are one per pair of ends... */
const MERGE_PLAIN_RELATIONSHIPS = cypher(`${ends}
MERGE (x)-[r:$(row.type)]->(y)
SET r = row.props`);
/** ...and a fact relationship is one per (ends, article, fact). */
const MERGE_FACT_RELATIONSHIPS = cypher(`${ends}
MERGE (x)-[r:$(row.type) {articleId: row.props.articleId, factId: row.props.factId}]->(y)
SET r = row.props`);

/** The statements a batch of new articles sends (what a fresh server must compile first). */
export const NEW_ARTICLE_STATEMENTS: readonly string[] = [
  CREATE_OWN_NODES,
  MERGE_ENTITIES,
  CREATE_RELATIONSHIPS,
];

/**
 * An article may state one fact twice (same type, ends and factId): MERGE writes it once,
 * with the last statement's properties, and CREATE must too. These are the ones written.
 */
export function distinctRelationships(plan: ArticlePlan): PlannedRelationship[] {
  const distinct = new Map<string, PlannedRelationship>();
  for (const r of plan.relationships)
    distinct.set(`${r.type}|${r.factId}|${r.fromId}|${r.toId}`, r);
  return [...distinct.values()];
}

/**
 * Entities a batch writes: each id once, sorted by id so that transactions lock shared
 * entities in one order. Articles carry an entity's final properties (decided in corpus
 * order before writing), so every declaration of it in the batch agrees; the last wins.
 */
export function batchEntities(plans: readonly ArticlePlan[]): PlannedEntity[] {
  const byId = new Map<string, PlannedEntity>();
  for (const plan of plans) for (const e of plan.entities) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function ownNodeRows(plans: readonly ArticlePlan[]): OwnNodeRow[] {
  const rows: OwnNodeRow[] = [];
  const add = (label: OwnLabel, id: string, props: Properties, stamped = false) =>
    rows.push({ key: nodeKey(label, id), label, id, props, stamped });
  for (const plan of plans) {
    add('Article', plan.articleId, plan.article, true);
    for (const s of plan.sentences) add('Sentence', s.id, s.props);
    for (const f of plan.factNodes) add(f.label, f.id, f.props);
  }
  return rows;
}

/**
 * The node statements of a batch, in the order they run. Each returns `key` and
 * `elementId` for every node it wrote: the relationship statements find the ends by them.
 */
export function nodeStatements(plans: readonly ArticlePlan[], fresh: boolean): WriteStatement[] {
  const own = ownNodeRows(plans);
  const statements: WriteStatement[] = fresh
    ? [{ cypher: CREATE_OWN_NODES, params: { rows: own } }]
    : OWN_NODE_LABELS.map((label) => ({
        cypher: MERGE_OWN_NODES[label],
        params: { rows: own.filter((r) => r.label === label) },
      }));
  statements.push({
    cypher: MERGE_ENTITIES,
    params: {
      rows: batchEntities(plans).map((e) => ({
        key: nodeKey('Entity', e.id),
        id: e.id,
        kind: e.kind,
        otherKinds: ENTITY_KIND_LABELS.filter((k) => k !== e.kind),
        props: e.props,
      })),
    },
  });
  return statements.filter((s) => (s.params.rows as unknown[]).length > 0);
}

/** Every relationship of the plans, its ends as node keys; `fact` tells the fact ones apart. */
function relationshipRows(
  plans: readonly ArticlePlan[],
): Array<RelationshipRow & { fact: boolean }> {
  const rows: Array<RelationshipRow & { fact: boolean }> = [];
  const add = (type: string, from: string, to: string, props: Properties, fact = false) =>
    rows.push({ type, from, to, props, fact });
  for (const plan of plans) {
    const article = nodeKey('Article', plan.articleId);
    for (const s of plan.sentences) add('HAS_SENTENCE', article, nodeKey('Sentence', s.id), {});
    // After the entities: the source is one of them, possibly new in this batch.
    if (plan.sourceId !== null) add('SOURCED_FROM', article, nodeKey('Entity', plan.sourceId), {});
    for (const m of plan.mentions)
      add('MENTIONS', nodeKey('Sentence', m.sentenceId), nodeKey('Entity', m.entityId), {
        forms: m.forms,
        count: m.count,
      });
    for (const f of plan.factNodes)
      for (const sentenceId of f.sentenceIds)
        add('EVIDENCED_BY', nodeKey(f.label, f.id), nodeKey('Sentence', sentenceId), {});
    for (const r of distinctRelationships(plan))
      add(r.type, nodeKey(r.fromLabel, r.fromId), nodeKey(r.toLabel, r.toId), r.props, true);
  }
  return rows;
}

/**
 * The relationship statements of a batch, once the node statements have run: `elementIds`
 * maps each node key they returned to the node's element id.
 */
export function relationshipStatements(
  plans: readonly ArticlePlan[],
  fresh: boolean,
  elementIds: ReadonlyMap<string, string>,
): WriteStatement[] {
  const elementId = (key: string) => {
    const id = elementIds.get(key);
    // Unreachable after verification: every end is a node of the batch's plans.
    if (id === undefined) throw new Error(`no node written for relationship end ${key}`);
    return id;
  };
  const rows = relationshipRows(plans).map((r) => ({
    fact: r.fact,
    row: { type: r.type, from: elementId(r.from), to: elementId(r.to), props: r.props },
  }));
  const statements: WriteStatement[] = fresh
    ? [{ cypher: CREATE_RELATIONSHIPS, params: { rows: rows.map((r) => r.row) } }]
    : [
        {
          cypher: MERGE_PLAIN_RELATIONSHIPS,
          params: { rows: rows.filter((r) => !r.fact).map((r) => r.row) },
        },
        {
          cypher: MERGE_FACT_RELATIONSHIPS,
          params: { rows: rows.filter((r) => r.fact).map((r) => r.row) },
        },
      ];
  return statements.filter((s) => (s.params.rows as unknown[]).length > 0);
}

/** Rows a batch writes (nodes and relationships planned): what batch sizes are measured in. */
export function plannedRows(plan: ArticlePlan): number {
  const evidence = plan.factNodes.reduce((n, f) => n + f.sentenceIds.length, 0);
  return (
    1 +
    2 * plan.sentences.length +
    plan.entities.length +
    plan.mentions.length +
    plan.factNodes.length +
    evidence +
    plan.relationships.length +
    (plan.sourceId === null ? 0 : 1)
  );
}
