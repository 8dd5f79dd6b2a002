/** Nodes by id, in one statement for a batch of ids (the node DataLoader's batch). */
import type { CypherQuery } from './cypher.js';

/**
 * Every node whose id is in `ids`, whatever its label. A UNION per id-constrained label keeps
 * every lookup on a uniqueness index.
 */
export function nodesByIds(ids: readonly string[]): CypherQuery {
  const labels = ['Entity', 'Article', 'Sentence', 'Quote', 'Claim', 'NumericFact'];
  const branches = labels.map((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n`);
  return {
    cypher: `CALL () { ${branches.join(' UNION ')} } RETURN n`,
    params: { ids: [...ids] },
  };
}
