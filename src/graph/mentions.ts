/**
 * The sentences mentioning entities (`Entity.mentions`), one page per entity for a batch of
 * entities that share the same page arguments. Sorted by (article id, sentence index); the
 * keyset cursor key is `<articleId>#<zero-padded index>` so it sorts as a plain string.
 */
import { int } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import { keysetCondition, type PageWindow } from './cursor.js';

export const MENTION_SORT_FIELD = 'MENTION';
const MENTION_KEY = "s.articleId + '#' + right('000000' + toString(s.index), 7)";

const beyondCursor = (name: string, op: '>' | '<') =>
  keysetCondition([MENTION_KEY, 's.id'], [`$${name}Key`, `$${name}Id`], op);

/**
 * One row per entity: `entityId`, `items` (the page's mentions in reading order, reversed for a
 * backward page; `window.size + 1` at most, to learn whether more lie beyond) and `beyond`
 * (mentions on the far side of the cursor the page starts from).
 */
export function mentionPages(entityIds: readonly string[], window: PageWindow): CypherQuery {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [name, cursor, op] of [
    ['after', window.after, '>'],
    ['before', window.before, '<'],
  ] as const) {
    if (!cursor) continue;
    conditions.push(beyondCursor(name, op));
    params[`${name}Key`] = String(cursor.key);
    params[`${name}Id`] = cursor.id;
  }
  const dir = window.backward ? 'DESC' : 'ASC';
  const from = window.backward ? window.before : window.after;
  const beyond = from
    ? `EXISTS { MATCH (:Entity {id: entityId})<-[:MENTIONS]-(s:Sentence) WHERE NOT ${beyondCursor(window.backward ? 'before' : 'after', window.backward ? '<' : '>')} }`
    : 'false';
  return {
    cypher: [
      'UNWIND $entityIds AS entityId',
      'CALL (entityId) {',
      '  MATCH (e:Entity {id: entityId})<-[m:MENTIONS]-(s:Sentence)',
      conditions.length > 0 ? `  WHERE ${conditions.join(' AND ')}` : '',
      `  WITH m, s, ${MENTION_KEY} AS sortKey`,
      `  ORDER BY sortKey ${dir}, s.id ${dir}`,
      '  LIMIT $limit',
      '  RETURN collect({m: m, s: s, sortKey: sortKey}) AS items',
      '}',
      `RETURN entityId, items, ${beyond} AS beyond`,
    ]
      .filter(Boolean)
      .join('\n'),
    params: { entityIds: [...new Set(entityIds)], limit: int(window.size + 1), ...params },
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
