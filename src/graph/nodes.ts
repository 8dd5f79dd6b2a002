/** Nodes by id, in one statement for a batch of ids (the node DataLoader's batch). */
import type { CypherQuery } from './cypher.js';

const ID_LABELS = ['Entity', 'Article', 'Sentence', 'Quote', 'Claim', 'NumericFact'];

/**
 * A CALL binding `n` to every node whose id is in `$ids`, whatever its label. A UNION per
 * id-constrained label keeps every lookup on a uniqueness index.
 */
export const MATCH_NODES_BY_IDS = `CALL () { ${ID_LABELS.map(
  (l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n`,
).join(' UNION ')} }`;

export function nodesByIds(ids: readonly string[]): CypherQuery {
  return { cypher: `${MATCH_NODES_BY_IDS} RETURN n`, params: { ids: [...ids] } };
}
