/**
 * Writing plans inside a transaction: a batch of new articles in one statement
 * (`writeNewArticles`), or one article already in the graph (`rewriteArticle`: one statement
 * finds the entities it used and removes what it no longer states, then the MERGE statement,
 * then entities no article uses any more go). The article statements are in statement.ts.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { FACT_NODE_LABELS, FACT_RELATIONSHIP_TYPES } from '../graph/schema.js';
import { newArticleCounts, type ArticleCounts, type EntityWrite } from './counts.js';
import type { ArticlePlan } from './plan.js';
import { batchEntities, batchParameters, CREATE_ARTICLES, MERGE_ARTICLES } from './statement.js';

export type { ArticleCounts } from './counts.js';

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

export function countsOf(c: WriteCounters): ArticleCounts {
  return {
    nodesCreated: c.nodesCreated,
    nodesDeleted: c.nodesDeleted,
    relationshipsCreated: c.relationshipsCreated,
    relationshipsDeleted: c.relationshipsDeleted,
    propertiesSet: c.propertiesSet,
  };
}

export interface BatchWrite {
  /** What the database reports the batch changed. */
  counters: WriteCounters;
  /** Per article, in batch order: what it changed (as a run writing them one by one reports). */
  perArticle: ArticleCounts[];
}

/**
 * Writes articles that are not in the graph yet, all in `tx` with one statement. The
 * database counts changes per statement, so each article's share is derived from its plan
 * and from which of the batch's entities are new or changed (read first, in `tx`).
 */
export async function writeNewArticles(
  tx: ManagedTransaction,
  plans: readonly ArticlePlan[],
): Promise<BatchWrite> {
  // Sent without waiting for the read's answer: the driver pipelines both on the connection
  // and the server runs them in order.
  const reading = tx.run(
    `UNWIND $entities AS row
     OPTIONAL MATCH (old:Entity {id: row.id})
     WITH row, old
     WHERE old IS NULL OR properties(old) <> row.props OR NOT row.kind IN labels(old)
     RETURN row.id AS id, old IS NULL AS created,
            CASE WHEN old IS NULL THEN 0
                 ELSE size([k IN keys(old) WHERE row.props[k] IS NULL]) END AS removedProps`,
    { entities: batchEntities(plans).map((e) => ({ id: e.id, kind: e.kind, props: e.props })) },
  );
  const writing = tx.run(CREATE_ARTICLES, batchParameters(plans));
  const [read, written] = await Promise.all([reading, writing]);
  const entityWrites = new Map<string, EntityWrite>(
    read.records.map((r) => [
      r.get('id') as string,
      { created: r.get('created') as boolean, removedProps: Number(r.get('removedProps')) },
    ]),
  );
  const counters = zeroCounters();
  addCounters(counters, written);
  return { counters, perArticle: newArticleCounts(plans, entityWrites) };
}

/**
 * Brings an article already in the graph to exactly its plan inside `tx`; returns what the
 * database reports it changed. Three statements: find the entities the stored article uses
 * and remove what the plan no longer states; MERGE the plan; delete those entities if
 * nothing uses them any more.
 */
export async function rewriteArticle(
  tx: ManagedTransaction,
  plan: ArticlePlan,
): Promise<WriteCounters> {
  const removal = await tx.run(REMOVE_STALE, staleParameters(plan));
  // Entities this article touched before: candidates for removal if nothing uses them after.
  const previouslyUsed = (removal.records[0]?.get('used') ?? []) as string[];
  const pending = [Promise.resolve(tx.run(MERGE_ARTICLES, batchParameters([plan])))];
  if (previouslyUsed.length > 0) {
    pending.push(
      Promise.resolve(
        tx.run(
          `UNWIND $ids AS id
           MATCH (e:Entity {id: id})
           WHERE NOT EXISTS { (e)--() }
           DELETE e`,
          { ids: previouslyUsed },
        ),
      ),
    );
  }
  const counters = zeroCounters();
  addCounters(counters, removal);
  for (const result of await Promise.all(pending)) addCounters(counters, result);
  return counters;
}

/**
 * One statement: first the ids of the entities the stored article touches (mentions, source,
 * fact relationships, each type found through its `articleId` index), then the deletion of
 * what it states and the plan no longer does.
 */
const REMOVE_STALE = [
  `CALL () {
     MATCH (:Article {id: $articleId})-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS]->(e:Entity)
     RETURN e.id AS id
     UNION
     MATCH (:Article {id: $articleId})-[:SOURCED_FROM]->(e:Entity) RETURN e.id AS id
     ${FACT_RELATIONSHIP_TYPES.map(
       (type) => `UNION
     MATCH (x)-[:${type} {articleId: $articleId}]->(y) UNWIND [x.id, y.id] AS id RETURN id`,
     ).join('\n     ')}
   }
   WITH collect(id) AS used`,
  `CALL () {
     MATCH (:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)
     WHERE NOT s.id IN $sentenceIds
     DETACH DELETE s
   }`,
  `CALL () {
     MATCH (:Article {id: $articleId})-[r:SOURCED_FROM]->(o)
     WHERE $sourceId IS NULL OR o.id <> $sourceId
     DELETE r
   }`,
  `CALL () {
     MATCH (:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)-[m:MENTIONS]->(e:Entity)
     WHERE NOT s.id + '|' + e.id IN $mentionKeys
     DELETE m
   }`,
  ...FACT_NODE_LABELS.map(
    (label) => `CALL () {
     MATCH (f:${label} {articleId: $articleId})
     WHERE NOT f.id IN $factIds.${label}
     DETACH DELETE f
   }`,
  ),
  `CALL () {
     MATCH (f)-[r:EVIDENCED_BY]->(s:Sentence {articleId: $articleId})
     WHERE NOT f.id + '|' + s.id IN $evidenceKeys
     DELETE r
   }`,
  ...FACT_RELATIONSHIP_TYPES.map(
    (type) => `CALL () {
     MATCH (x)-[r:${type} {articleId: $articleId}]->(y)
     WHERE NOT r.factId + '|' + x.id + '|' + y.id IN $relationshipKeys.${type}
     DELETE r
   }`,
  ),
  'RETURN used',
].join('\n');

function staleParameters(plan: ArticlePlan): Record<string, unknown> {
  return {
    articleId: plan.articleId,
    sentenceIds: plan.sentences.map((s) => s.id),
    sourceId: plan.sourceId,
    mentionKeys: plan.mentions.map((m) => `${m.sentenceId}|${m.entityId}`),
    factIds: Object.fromEntries(
      FACT_NODE_LABELS.map((label) => [
        label,
        plan.factNodes.filter((f) => f.label === label).map((f) => f.id),
      ]),
    ),
    evidenceKeys: plan.factNodes.flatMap((f) => f.sentenceIds.map((s) => `${f.id}|${s}`)),
    relationshipKeys: Object.fromEntries(
      FACT_RELATIONSHIP_TYPES.map((type) => [
        type,
        plan.relationships
          .filter((r) => r.type === type)
          .map((r) => `${r.factId}|${r.fromId}|${r.toId}`),
      ]),
    ),
  };
}
