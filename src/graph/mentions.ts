/**
 * The sentences mentioning entities (`Entity.mentions`), one page per entity for a batch of
 * entities that share the same page arguments. Sorted by (article id, sentence index); the
 * keyset cursor key is `<articleId>#<zero-padded index>` so it sorts as a plain string.
 */
import { int } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import type { Cursor } from './cursor.js';

export const MENTION_SORT_FIELD = 'MENTION';
const MENTION_KEY = "s.articleId + '#' + right('000000' + toString(s.index), 7)";

export function mentionPages(
  entityIds: readonly string[],
  limit: number,
  after: Cursor | null,
): CypherQuery {
  const afterCondition = after
    ? `WHERE (${MENTION_KEY} > $afterKey OR (${MENTION_KEY} = $afterKey AND s.id > $afterId))`
    : '';
  return {
    cypher: [
      'UNWIND $entityIds AS entityId',
      'MATCH (e:Entity {id: entityId})<-[m:MENTIONS]-(s:Sentence)',
      afterCondition,
      `WITH entityId, m, s, ${MENTION_KEY} AS sortKey`,
      'ORDER BY sortKey, s.id',
      'WITH entityId, collect({m: m, s: s, sortKey: sortKey})[0..$limit] AS items',
      'RETURN entityId, items',
    ]
      .filter(Boolean)
      .join('\n'),
    params: {
      entityIds: [...new Set(entityIds)],
      limit: int(limit),
      ...(after ? { afterKey: String(after.key), afterId: after.id } : {}),
    },
  };
}

export function mentionCounts(entityIds: readonly string[]): CypherQuery {
  return {
    cypher: [
      'UNWIND $entityIds AS entityId',
      'MATCH (e:Entity {id: entityId})<-[:MENTIONS]-(s:Sentence)',
      'RETURN entityId, count(s) AS total',
    ].join('\n'),
    params: { entityIds: [...new Set(entityIds)] },
  };
}
