/**
 * Writing plans inside a transaction: a batch of new articles (`writeNewArticles`), or one
 * article already in the graph (`rewriteArticle`: one statement finds the entities it used
 * and removes what it no longer states, then the plan is MERGEd, then entities no article
 * uses any more go). The node and relationship statements are in statement.ts.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { FACT_NODE_LABELS, FACT_RELATIONSHIP_TYPES } from '../graph/schema.js';
import { newArticleCounts, type ArticleCounts, type EntityWrite } from './counts.js';
import type { ArticlePlan } from './plan.js';
import { nodeStatements, relationshipStatements, type WriteStatement } from './statement.js';

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

function addCounters(into: WriteCounters, result: QueryResult): void {
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

interface BatchWrite {
  /** What the database reports the batch changed. */
  counters: WriteCounters;
  /** Per article, in batch order: what it changed (as a run writing them one by one reports). */
  perArticle: ArticleCounts[];
}

/**
 * Runs the plans' node statements, then their relationship statements (which find their
 * ends by the element ids the node statements return), in `tx`; returns every result.
 * Statements in a transaction run in the order sent: the node statements are sent together.
 */
async function writePlans(
  tx: ManagedTransaction,
  plans: readonly ArticlePlan[],
  fresh: boolean,
): Promise<QueryResult[]> {
  const run = (s: WriteStatement) => Promise.resolve(tx.run(s.cypher, s.params));
  const nodes = await Promise.all(nodeStatements(plans, fresh).map(run));
  const elementIds = new Map<string, string>();
  for (const result of nodes)
    for (const r of result.records)
      elementIds.set(r.get('key') as string, r.get('elementId') as string);
  const relationships = await Promise.all(
    relationshipStatements(plans, fresh, elementIds).map(run),
  );
  return [...nodes, ...relationships];
}

/**
 * Writes articles that are not in the graph yet, all in `tx`. The database counts changes
 * per statement, for the whole batch, so each article's share is derived from its plan
 * and from which of the batch's entities were new or changed (the entity statement says).
 */
export async function writeNewArticles(
  tx: ManagedTransaction,
  plans: readonly ArticlePlan[],
): Promise<BatchWrite> {
  const written = await writePlans(tx, plans, true);
  const entityWrites = new Map<string, EntityWrite>();
  for (const result of written)
    for (const r of result.records)
      if (r.has('changed') && r.get('changed') === true)
        entityWrites.set(r.get('id') as string, {
          created: r.get('created') as boolean,
          removedProps: Number(r.get('removedProps')),
        });
  const counters = zeroCounters();
  for (const result of written) addCounters(counters, result);
  return { counters, perArticle: newArticleCounts(plans, entityWrites) };
}

/**
 * Brings an article already in the graph to exactly its plan inside `tx`; returns what the
 * database reports it changed. Find the entities the stored article uses and remove what the
 * plan no longer states (one statement); MERGE the plan; delete those entities if nothing
 * uses them any more.
 */
export async function rewriteArticle(
  tx: ManagedTransaction,
  plan: ArticlePlan,
): Promise<WriteCounters> {
  const removal = await tx.run(REMOVE_STALE, staleParameters(plan));
  // Entities this article touched before: candidates for removal if nothing uses them after.
  const previouslyUsed = (removal.records[0]?.get('used') ?? []) as string[];
  const results = [removal, ...(await writePlans(tx, [plan], false))];
  if (previouslyUsed.length > 0) {
    results.push(
      await tx.run(
        `UNWIND $ids AS id
         MATCH (e:Entity {id: id})
         WHERE NOT EXISTS { (e)--() }
         DELETE e`,
        { ids: previouslyUsed },
      ),
    );
  }
  const counters = zeroCounters();
  for (const result of results) addCounters(counters, result);
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
