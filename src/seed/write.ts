/**
 * Writing one article's plan in one transaction: MERGE everything on ids (batched with
 * UNWIND), then remove what the article no longer states, then entities nobody uses any more.
 * Labels and relationship types are interpolated only from the fixed lists in
 * src/graph/schema.ts (via the plan's typed fields); every value is a parameter.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { ENTITY_KIND_LABELS, FACT_NODE_LABELS, FACT_RELATIONSHIP_TYPES } from '../graph/schema.js';
import type { ArticlePlan } from './plan.js';

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

/**
 * Executes the plan inside `tx`; returns what the database reports it changed.
 * `isNew`: the article is not in the graph yet, so there is nothing stale to look for
 * (saves a round trip per relationship type on a first seed of a large corpus).
 */
export async function writeArticle(
  tx: ManagedTransaction,
  plan: ArticlePlan,
  { isNew }: { isNew: boolean },
): Promise<WriteCounters> {
  const counters = zeroCounters();
  const run = async (cypher: string, params: Record<string, unknown>) => {
    addCounters(counters, await tx.run(cypher, params));
  };
  const cleanUp = async (cypher: string, params: Record<string, unknown>) => {
    if (!isNew) await run(cypher, params);
  };
  const articleId = plan.articleId;

  // Entities this article touched before: candidates for removal if nothing uses them after.
  const previouslyUsed = new Set<string>();
  if (!isNew) await collectUsedEntityIds(tx, articleId, previouslyUsed);

  // ---- the article and its sentences ----
  await run(
    `MERGE (a:Article {id: $articleId})
     SET a = $props, a.seededAt = datetime()`,
    { articleId, props: plan.article },
  );
  await cleanUp(
    `MATCH (a:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)
     WHERE NOT s.id IN $ids
     DETACH DELETE s`,
    { articleId, ids: plan.sentences.map((s) => s.id) },
  );
  await run(
    `MATCH (a:Article {id: $articleId})
     UNWIND $rows AS row
     MERGE (s:Sentence {id: row.id})
     SET s = row.props
     MERGE (a)-[:HAS_SENTENCE]->(s)`,
    { articleId, rows: plan.sentences },
  );

  // ---- entities, one batch per kind (the kind label comes from the fixed list) ----
  for (const kind of ENTITY_KIND_LABELS) {
    const rows = plan.entities.filter((e) => e.kind === kind);
    if (rows.length === 0) continue;
    const otherKinds = ENTITY_KIND_LABELS.filter((k) => k !== kind).join(':');
    await run(
      `UNWIND $rows AS row
       MERGE (n:Entity {id: row.id})
       SET n = row.props, n:${kind}
       REMOVE n:${otherKinds}`,
      { rows },
    );
  }

  // ---- source ----
  await cleanUp(
    `MATCH (a:Article {id: $articleId})-[r:SOURCED_FROM]->(o)
     WHERE $sourceId IS NULL OR o.id <> $sourceId
     DELETE r`,
    { articleId, sourceId: plan.sourceId },
  );
  if (plan.sourceId !== null) {
    await run(
      `MATCH (a:Article {id: $articleId}), (o:Organization {id: $sourceId})
       MERGE (a)-[:SOURCED_FROM]->(o)`,
      { articleId, sourceId: plan.sourceId },
    );
  }

  // ---- mentions ----
  await cleanUp(
    `MATCH (:Article {id: $articleId})-[:HAS_SENTENCE]->(s:Sentence)-[m:MENTIONS]->(e:Entity)
     WHERE NOT s.id + '|' + e.id IN $keys
     DELETE m`,
    { articleId, keys: plan.mentions.map((m) => `${m.sentenceId}|${m.entityId}`) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (s:Sentence {id: row.sentenceId})
     MATCH (e:Entity {id: row.entityId})
     MERGE (s)-[m:MENTIONS]->(e)
     SET m.forms = row.forms, m.count = row.count`,
    { rows: plan.mentions },
  );

  // ---- fact nodes and their evidence sentences ----
  for (const label of FACT_NODE_LABELS) {
    const rows = plan.factNodes.filter((f) => f.label === label);
    await cleanUp(
      `MATCH (f:${label} {articleId: $articleId})
       WHERE NOT f.id IN $ids
       DETACH DELETE f`,
      { articleId, ids: rows.map((f) => f.id) },
    );
    if (rows.length === 0) continue;
    await run(
      `UNWIND $rows AS row
       MERGE (f:${label} {id: row.id})
       SET f = row.props`,
      { rows },
    );
  }
  const evidenceRows = plan.factNodes.flatMap((f) =>
    f.sentenceIds.map((sentenceId) => ({ factId: f.id, sentenceId })),
  );
  await cleanUp(
    `MATCH (f)-[r:EVIDENCED_BY]->(s:Sentence {articleId: $articleId})
     WHERE NOT f.id + '|' + s.id IN $keys
     DELETE r`,
    { articleId, keys: evidenceRows.map((r) => `${r.factId}|${r.sentenceId}`) },
  );
  for (const label of FACT_NODE_LABELS) {
    const ids = new Set(plan.factNodes.filter((f) => f.label === label).map((f) => f.id));
    const rows = evidenceRows.filter((r) => ids.has(r.factId));
    if (rows.length === 0) continue;
    await run(
      `UNWIND $rows AS row
       MATCH (f:${label} {id: row.factId})
       MATCH (s:Sentence {id: row.sentenceId})
       MERGE (f)-[:EVIDENCED_BY]->(s)`,
      { rows },
    );
  }

  // ---- fact relationships: stale ones out, then one batch per (type, end labels) ----
  for (const type of FACT_RELATIONSHIP_TYPES) {
    const rows = plan.relationships.filter((r) => r.type === type);
    await cleanUp(
      `MATCH (x)-[r:${type} {articleId: $articleId}]->(y)
       WHERE NOT r.factId + '|' + x.id + '|' + y.id IN $keys
       DELETE r`,
      { articleId, keys: rows.map((r) => `${r.factId}|${r.fromId}|${r.toId}`) },
    );
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.fromLabel}|${r.toLabel}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      if (!first) continue;
      await run(
        `UNWIND $rows AS row
         MATCH (x:${first.fromLabel} {id: row.fromId})
         MATCH (y:${first.toLabel} {id: row.toId})
         MERGE (x)-[r:${type} {articleId: $articleId, factId: row.factId}]->(y)
         SET r = row.props`,
        { articleId, rows: group },
      );
    }
  }

  // ---- entities no article uses any more ----
  await cleanUp(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     WHERE NOT EXISTS { (e)--() }
     DELETE e`,
    { ids: [...previouslyUsed] },
  );

  return counters;
}

/** Ids of the entities an article's current graph touches (mentions, source, fact relationships). */
async function collectUsedEntityIds(
  tx: ManagedTransaction,
  articleId: string,
  previouslyUsed: Set<string>,
): Promise<void> {
  const before = await tx.run(
    `MATCH (a:Article {id: $articleId})
     CALL (a) {
       MATCH (a)-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS]->(e:Entity) RETURN e.id AS id
       UNION
       MATCH (a)-[:SOURCED_FROM]->(e:Entity) RETURN e.id AS id
     }
     RETURN collect(DISTINCT id) AS ids`,
    { articleId },
  );
  for (const id of (before.records[0]?.get('ids') ?? []) as string[]) previouslyUsed.add(id);
  for (const type of FACT_RELATIONSHIP_TYPES) {
    const r = await tx.run(
      `MATCH (x)-[r:${type} {articleId: $articleId}]->(y)
       RETURN collect(DISTINCT x.id) + collect(DISTINCT y.id) AS ids`,
      { articleId },
    );
    for (const id of (r.records[0]?.get('ids') ?? []) as string[]) previouslyUsed.add(id);
  }
}
