/**
 * What writing a new article changes, derived from its plan (pure). The database reports
 * counters per statement, and a batch of new articles is one statement: each article's
 * report line is its share, counted the way Neo4j counts (a MERGE that creates a node sets
 * its id; `SET n = map` sets every key of the map and counts each key it removes).
 * tests/integration/seed-batch.test.ts checks the shares add up to the database's counters.
 */
import type { ArticlePlan, Properties } from './plan.js';
import { distinctRelationships } from './statement.js';

export interface ArticleCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** An entity a batch writes because it is new or its stored properties or kind differ. */
export interface EntityWrite {
  created: boolean;
  /** Stored properties the new ones drop. */
  removedProps: number;
}

const keyCount = (props: Properties) => Object.keys(props).length;

/**
 * Each article's share of a batch of new articles. An entity the batch writes counts for
 * the first article (in batch order) that declares it, as it would in a run writing the
 * articles one by one in that order.
 */
export function newArticleCounts(
  plans: readonly ArticlePlan[],
  entityWrites: ReadonlyMap<string, EntityWrite>,
): ArticleCounts[] {
  const counted = new Set<string>();
  return plans.map((plan) => {
    let nodes = 1 + plan.sentences.length + plan.factNodes.length;
    // MERGE sets the id, then SET a = props and seededAt.
    let props = 1 + keyCount(plan.article) + 1;
    for (const s of plan.sentences) props += 1 + keyCount(s.props);
    for (const f of plan.factNodes) props += 1 + keyCount(f.props);
    const relationships = distinctRelationships(plan);
    for (const r of relationships) props += keyCount(r.props);
    props += 2 * plan.mentions.length; // forms, count
    for (const e of plan.entities) {
      const write = entityWrites.get(e.id);
      if (write === undefined || counted.has(e.id)) continue;
      counted.add(e.id);
      if (write.created) nodes += 1;
      props += (write.created ? 1 : write.removedProps) + keyCount(e.props);
    }
    const evidence = plan.factNodes.reduce((n, f) => n + f.sentenceIds.length, 0);
    return {
      nodesCreated: nodes,
      nodesDeleted: 0,
      relationshipsCreated:
        plan.sentences.length +
        (plan.sourceId === null ? 0 : 1) +
        plan.mentions.length +
        evidence +
        relationships.length,
      relationshipsDeleted: 0,
      propertiesSet: props,
    };
  });
}
