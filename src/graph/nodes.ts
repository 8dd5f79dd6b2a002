/** Nodes by id, in one statement for a batch of ids (the node DataLoader's batch). */
import type { NodeRecord } from './convert.js';
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

/**
 * The node as the API reads it: labels and properties, without `searchText` (the full-text
 * index's field, the bulk of an entity's bytes and never returned by the API).
 */
export const NODE_RECORD = (v: string) => `[labels(${v}), ${v} {.*, searchText: null}]`;

/** The node reduced to its labels and id: for selections that read nothing else of it. */
export const NODE_ID_RECORD = (v: string) => `[labels(${v}), ${v}.id]`;

/** A node: labels and properties (NODE_RECORD), or labels and id only. */
export type WireNode = [labels: string[], propertiesOrId: Record<string, unknown> | string];

/** A WireNode as the labels and properties toNodeModel reads. */
export function nodeRecordOf([labels, propertiesOrId]: WireNode): NodeRecord {
  return {
    labels,
    properties: typeof propertiesOrId === 'string' ? { id: propertiesOrId } : propertiesOrId,
  };
}
