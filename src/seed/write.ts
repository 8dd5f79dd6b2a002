/**
 * Writing one article's plan in one transaction.
 *
 * The writes are one Cypher statement (`MERGE_ARTICLE`, or `CREATE_ARTICLE` for a new article):
 * a unit subquery per node label and per (relationship type, end labels), each an UNWIND over a
 * list parameter, MERGE on ids.
 * The statement's text is the same for every article (empty lists for what an article lacks),
 * so Neo4j plans it once and an article costs one query instead of forty — per-query overhead,
 * not the work, dominated seeding time. For an article already in the graph, clean-up queries
 * first remove what it no longer states; afterwards, entities no article uses any more go.
 *
 * Labels and relationship types are interpolated only from the fixed lists in
 * src/graph/schema.ts and src/seed/patterns.ts; every value is a parameter.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { ENTITY_KIND_LABELS, FACT_NODE_LABELS, FACT_RELATIONSHIP_TYPES } from '../graph/schema.js';
import { matchLabel, RELATIONSHIP_PATTERNS } from './patterns.js';
import type { ArticlePlan, PlannedRelationship } from './plan.js';

export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
}

export function zeroCounters(): WriteCounters {
  return {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
  };
}

export function addCounters(into: WriteCounters, result: QueryResult): void {
  const u = result.summary.counters.updates();
  into.nodesCreated += u.nodesCreated;
  into.nodesDeleted += u.nodesDeleted;
  into.relationshipsCreated += u.relationshipsCreated;
  into.relationshipsDeleted += u.relationshipsDeleted;
  into.propertiesSet += u.propertiesSet;
  into.labelsAdded += u.labelsAdded;
  into.labelsRemoved += u.labelsRemoved;
}

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
 * The one statement that writes a whole article (see the module comment). `fresh`: the
 * article is not in the graph, so every relationship it states is new (all touch its own
 * article, sentences or facts, or carry its articleId) and is CREATEd. MERGE would scan the
 * parallel relationships of popular entities (one per article that states the same fact)
 * and lock both ends exclusively until commit, serializing articles that share an entity.
 * Nodes are always MERGEd; an entity is SET only when its properties change, for the same
 * lock reason.
 */
function articleStatement(fresh: boolean): string {
  const link = fresh ? 'CREATE' : 'MERGE';
  return [
    `MERGE (a:Article {id: $articleId})
   SET a = $article, a.seededAt = datetime()
   WITH a`,
    `CALL (a) {
     UNWIND $sentences AS row
     MERGE (s:Sentence {id: row.id})
     SET s = row.props
     ${link} (a)-[:HAS_SENTENCE]->(s)
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
    `CALL (a) {
     UNWIND $sourceIds AS sourceId
     MATCH (o:Organization {id: sourceId})
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
     ${fresh ? `CREATE (x)-[r:${g.type}]->(y)` : `MERGE (x)-[r:${g.type} {articleId: $articleId, factId: row.factId}]->(y)`}
     SET r = row.props
   }`,
    ),
  ].join('\n');
}

/** For an article already in the graph: MERGE everything onto what is there. */
export const MERGE_ARTICLE = articleStatement(false);
/** For an article not in the graph yet. */
export const CREATE_ARTICLE = articleStatement(true);

export function mergeParameters(plan: ArticlePlan): Record<string, unknown> {
  const relationships: PlannedRelationship[][] = RELATIONSHIP_GROUPS.map(() => []);
  // An article may state one fact twice (same type, ends and factId): MERGE wrote it once, with
  // the last statement's properties, and CREATE must too.
  const distinct = new Map<string, PlannedRelationship>();
  for (const r of plan.relationships)
    distinct.set(`${r.type}|${r.factId}|${r.fromId}|${r.toId}`, r);
  for (const r of distinct.values()) {
    const index = GROUP_INDEX.get(groupKey({ type: r.type, from: r.fromLabel, to: r.toLabel }));
    // Unreachable after verification: a pattern the table does not allow.
    if (index === undefined) throw new Error(`no relationship group for ${r.type} ${r.factId}`);
    relationships[index]?.push(r);
  }
  return {
    articleId: plan.articleId,
    article: plan.article,
    sentences: plan.sentences,
    entities: Object.fromEntries(
      ENTITY_KIND_LABELS.map((kind) => [kind, plan.entities.filter((e) => e.kind === kind)]),
    ),
    sourceIds: plan.sourceId === null ? [] : [plan.sourceId],
    mentions: plan.mentions,
    factNodes: Object.fromEntries(
      FACT_NODE_LABELS.map((label) => [label, plan.factNodes.filter((f) => f.label === label)]),
    ),
    relationships,
  };
}

/**
 * Executes the plan inside `tx`; returns what the database reports it changed.
 * `isNew`: the article is not in the graph yet, so there is nothing stale to look for.
 */
export async function writeArticle(
  tx: ManagedTransaction,
  plan: ArticlePlan,
  { isNew }: { isNew: boolean },
): Promise<WriteCounters> {
  // Queries are sent without waiting for each answer: the driver pipelines them on the
  // connection and the server runs them in order.
  const pending: Array<Promise<QueryResult>> = [];
  const run = (cypher: string, params: Record<string, unknown>) => {
    pending.push(Promise.resolve(tx.run(cypher, params)));
  };
  const articleId = plan.articleId;

  // Entities this article touched before: candidates for removal if nothing uses them after.
  const previouslyUsed = isNew ? [] : await usedEntityIds(tx, articleId);
  if (!isNew) removeStale(run, plan);
  run(isNew ? CREATE_ARTICLE : MERGE_ARTICLE, mergeParameters(plan));
  if (previouslyUsed.length > 0) {
    run(
      `UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       WHERE NOT EXISTS { (e)--() }
       DELETE e`,
      { ids: previouslyUsed },
    );
  }

  const counters = zeroCounters();
  for (const result of await Promise.all(pending)) addCounters(counters, result);
  return counters;
}

/** Queues the deletion of what the stored article states and the plan no longer does. */
function removeStale(
  run: (cypher: string, params: Record<string, unknown>) => void,
  plan: ArticlePlan,
): void {
  const articleId = plan.articleId;
  run(
    `MATCH (a:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)
     WHERE NOT s.id IN $ids
     DETACH DELETE s`,
    { articleId, ids: plan.sentences.map((s) => s.id) },
  );
  run(
    `MATCH (a:Article {id: $articleId})-[r:SOURCED_FROM]->(o)
     WHERE $sourceId IS NULL OR o.id <> $sourceId
     DELETE r`,
    { articleId, sourceId: plan.sourceId },
  );
  run(
    `MATCH (:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)-[m:MENTIONS]->(e:Entity)
     WHERE NOT s.id + '|' + e.id IN $keys
     DELETE m`,
    { articleId, keys: plan.mentions.map((m) => `${m.sentenceId}|${m.entityId}`) },
  );
  for (const label of FACT_NODE_LABELS) {
    run(
      `MATCH (f:${label} {articleId: $articleId})
       WHERE NOT f.id IN $ids
       DETACH DELETE f`,
      { articleId, ids: plan.factNodes.filter((f) => f.label === label).map((f) => f.id) },
    );
  }
  run(
    `MATCH (f)-[r:EVIDENCED_BY]->(s:Sentence {articleId: $articleId})
     WHERE NOT f.id + '|' + s.id IN $keys
     DELETE r`,
    {
      articleId,
      keys: plan.factNodes.flatMap((f) => f.sentenceIds.map((s) => `${f.id}|${s}`)),
    },
  );
  for (const type of FACT_RELATIONSHIP_TYPES) {
    run(
      `MATCH (x)-[r:${type} {articleId: $articleId}]->(y)
       WHERE NOT r.factId + '|' + x.id + '|' + y.id IN $keys
       DELETE r`,
      {
        articleId,
        keys: plan.relationships
          .filter((r) => r.type === type)
          .map((r) => `${r.factId}|${r.fromId}|${r.toId}`),
      },
    );
  }
}

/** Ids of the entities an article's stored graph touches (mentions, source, fact relationships). */
async function usedEntityIds(tx: ManagedTransaction, articleId: string): Promise<string[]> {
  const queries = [
    tx.run(
      `MATCH (a:Article {id: $articleId})
       CALL (a) {
         MATCH (a)-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS]->(e:Entity) RETURN e.id AS id
         UNION
         MATCH (a)-[:SOURCED_FROM]->(e:Entity) RETURN e.id AS id
       }
       RETURN collect(DISTINCT id) AS ids`,
      { articleId },
    ),
    ...FACT_RELATIONSHIP_TYPES.map((type) =>
      tx.run(
        `MATCH (x)-[r:${type} {articleId: $articleId}]->(y)
         RETURN collect(DISTINCT x.id) + collect(DISTINCT y.id) AS ids`,
        { articleId },
      ),
    ),
  ];
  const ids = new Set<string>();
  for (const result of await Promise.all(queries)) {
    for (const id of (result.records[0]?.get('ids') ?? []) as string[]) ids.add(id);
  }
  return [...ids];
}
