/**
 * The one Cypher statement that writes a batch of articles' plans, and its parameters (pure).
 *
 * A unit subquery per node label and per (relationship type, end labels), each an UNWIND over a
 * list parameter that covers every article of the batch. The statement's text is the same for
 * every batch (empty lists for what a batch lacks), so Neo4j plans it once; a batch of fifty
 * articles costs one query and one commit instead of fifty — per-query and per-commit overhead,
 * not the work, dominated seeding time. The update path writes a batch of one.
 *
 * Labels and relationship types are interpolated only from the fixed lists in
 * src/graph/schema.ts and src/seed/patterns.ts; every value is a parameter.
 */
import { ENTITY_KIND_LABELS, FACT_NODE_LABELS, FACT_RELATIONSHIP_TYPES } from '../graph/schema.js';
import { matchLabel, RELATIONSHIP_PATTERNS } from './patterns.js';
import type { ArticlePlan, PlannedEntity, PlannedRelationship } from './plan.js';

/** Every (type, start label, end label) a fact relationship can have, from the patterns. */
const RELATIONSHIP_GROUPS = FACT_RELATIONSHIP_TYPES.flatMap((type) => {
  const pattern = RELATIONSHIP_PATTERNS[type];
  const froms = [...new Set(pattern.from.map(matchLabel))];
  const tos = [...new Set(pattern.to.map(matchLabel))];
  return froms.flatMap((from) => tos.map((to) => ({ type, from, to })));
});
const groupKey = (r: { type: string; from: string; to: string }) => `${r.type}|${r.from}|${r.to}`;
const GROUP_INDEX = new Map(RELATIONSHIP_GROUPS.map((g, i) => [groupKey(g), i]));

/**
 * `fresh`: no article of the batch is in the graph, so every relationship it states is new
 * (all touch its own article, sentences or facts, or carry its articleId) and is CREATEd.
 * MERGE would scan the parallel relationships of popular entities (one per article that
 * states the same fact) and lock both ends exclusively until commit. Nodes are always
 * MERGEd; an entity is SET only when its properties change, for the same lock reason.
 * Every subquery is a unit subquery driven by the single row the statement starts with, so
 * each UNWIND runs once per batch, not once per article.
 */
function batchStatement(fresh: boolean): string {
  const link = fresh ? 'CREATE' : 'MERGE';
  return [
    // Planning this statement takes seconds of server CPU, and Neo4j re-plans a cached query
    // whenever the graph's statistics drift (which seeding keeps doing). The plan does not
    // depend on them: every MERGE/MATCH is on a uniquely constrained id (an index seek).
    'CYPHER replan=skip',
    `CALL () {
     UNWIND $articles AS art
     MERGE (a:Article {id: art.id})
     SET a = art.props, a.seededAt = datetime()
     WITH a, art
     CALL (a, art) {
       UNWIND art.sentences AS row
       MERGE (s:Sentence {id: row.id})
       SET s = row.props
       ${link} (a)-[:HAS_SENTENCE]->(s)
     }
   }`,
    ...ENTITY_KIND_LABELS.map(
      (kind) => `CALL () {
     UNWIND $entities.${kind} AS row
     MERGE (n:Entity {id: row.id})
     WITH n, row
     WHERE properties(n) <> row.props OR NOT n:${kind}
     SET n = row.props, n:${kind}
     REMOVE n:${ENTITY_KIND_LABELS.filter((k) => k !== kind).join(':')}
   }`,
    ),
    // After the entities: the source is one of them, possibly new in this batch.
    `CALL () {
     UNWIND $sources AS row
     MATCH (a:Article {id: row.articleId})
     MATCH (o:Organization {id: row.sourceId})
     ${link} (a)-[:SOURCED_FROM]->(o)
   }`,
    `CALL () {
     UNWIND $mentions AS row
     MATCH (s:Sentence {id: row.sentenceId})
     MATCH (e:Entity {id: row.entityId})
     ${link} (s)-[m:MENTIONS]->(e)
     SET m.forms = row.forms, m.count = row.count
   }`,
    ...FACT_NODE_LABELS.map(
      (label) => `CALL () {
     UNWIND $factNodes.${label} AS row
     MERGE (f:${label} {id: row.id})
     SET f = row.props
     WITH f, row
     UNWIND row.sentenceIds AS sentenceId
     MATCH (s:Sentence {id: sentenceId})
     ${link} (f)-[:EVIDENCED_BY]->(s)
   }`,
    ),
    ...RELATIONSHIP_GROUPS.map(
      (g, i) => `CALL () {
     UNWIND $relationships[${i}] AS row
     MATCH (x:${g.from} {id: row.fromId})
     MATCH (y:${g.to} {id: row.toId})
     ${fresh ? `CREATE (x)-[r:${g.type}]->(y)` : `MERGE (x)-[r:${g.type} {articleId: row.props.articleId, factId: row.factId}]->(y)`}
     SET r = row.props
   }`,
    ),
  ].join('\n');
}

/** For articles already in the graph: MERGE everything onto what is there. */
export const MERGE_ARTICLES = batchStatement(false);
/** For articles not in the graph yet. */
export const CREATE_ARTICLES = batchStatement(true);

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

/** The parameters of MERGE_ARTICLES / CREATE_ARTICLES for these articles. */
export function batchParameters(plans: readonly ArticlePlan[]): Record<string, unknown> {
  const relationships: PlannedRelationship[][] = RELATIONSHIP_GROUPS.map(() => []);
  for (const plan of plans) {
    for (const r of distinctRelationships(plan)) {
      const index = GROUP_INDEX.get(groupKey({ type: r.type, from: r.fromLabel, to: r.toLabel }));
      // Unreachable after verification: a pattern the table does not allow.
      if (index === undefined) throw new Error(`no relationship group for ${r.type} ${r.factId}`);
      relationships[index]?.push(r);
    }
  }
  const entities = batchEntities(plans);
  const factNodes = plans.flatMap((p) => p.factNodes);
  return {
    articles: plans.map((p) => ({
      id: p.articleId,
      props: p.article,
      sentences: p.sentences,
    })),
    sources: plans.flatMap((p) =>
      p.sourceId === null ? [] : [{ articleId: p.articleId, sourceId: p.sourceId }],
    ),
    entities: Object.fromEntries(
      ENTITY_KIND_LABELS.map((kind) => [kind, entities.filter((e) => e.kind === kind)]),
    ),
    mentions: plans.flatMap((p) => p.mentions),
    factNodes: Object.fromEntries(
      FACT_NODE_LABELS.map((label) => [label, factNodes.filter((f) => f.label === label)]),
    ),
    relationships,
  };
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
