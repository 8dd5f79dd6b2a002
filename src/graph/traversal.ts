/**
 * Traversals: shortest path between two nodes and the neighbourhood of a node.
 *
 * By default they follow only the annotated fact relationships (who met whom, what was
 * discussed…): structural ones (article → sentence → mention) connect everything mentioned in
 * one article and would drown the answer. Hop counts are validated integers (Cypher needs a
 * literal bound); relationship types come from the fixed lists below.
 */
import { int } from 'neo4j-driver';
import { matchNodeById, type CypherQuery } from './cypher.js';
import { nodeRecordFor, type NodeProjection } from './nodes.js';
import { FACT_RELATIONSHIP_TYPES } from './schema.js';

// The vocabulary is the graph schema's (src/graph/schema.ts): one list for seeder and API.
export { FACT_RELATIONSHIP_TYPES };

const STRUCTURAL_RELATIONSHIP_TYPES = [
  'HAS_SENTENCE',
  'MENTIONS',
  'EVIDENCED_BY',
  'SOURCED_FROM',
] as const;

export const MAX_PATH_HOPS = 6;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
/** The most relationships a neighbourhood returns (keeps depth 3 drawable and cheap). */
const MAX_NEIGHBORHOOD_EDGES = 500;

function relTypes(includeProvenance: boolean): string {
  const types: readonly string[] = includeProvenance
    ? [...FACT_RELATIONSHIP_TYPES, ...STRUCTURAL_RELATIONSHIP_TYPES]
    : FACT_RELATIONSHIP_TYPES;
  return types.join('|');
}

function checkHops(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be an integer from 1 to ${max}, got ${value}`);
  }
}

const REL_ROW = '{rel: r, sourceId: startNode(r).id, targetId: endNode(r).id}';

/**
 * Rows: `ns` (the path's nodes in order, WireNodes read as `projection` says) and `rs` (its
 * relationships, each with its ends' ids; empty unless `relationships`, for a selection that
 * reads no relationship: their properties are most of the answer).
 * No row when either id is unknown or no path exists within `maxHops`.
 */
export function shortestPath(
  fromId: string,
  toId: string,
  maxHops: number,
  includeProvenance: boolean,
  projection: NodeProjection = true,
  relationships = true,
): CypherQuery {
  checkHops('maxHops', maxHops, MAX_PATH_HOPS);
  return {
    cypher: [
      matchNodeById('a', '$from'),
      matchNodeById('b', '$to', ['a']),
      `MATCH p = shortestPath((a)-[:${relTypes(includeProvenance)}*1..${maxHops}]-(b))`,
      `RETURN [n IN nodes(p) | ${nodeRecordFor('n', projection)}] AS ns,`,
      relationships ? `  [r IN relationships(p) | ${REL_ROW}] AS rs` : '  [] AS rs',
    ].join('\n'),
    params: { from: fromId, to: toId },
  };
}

/** One row: `center`, `ns` (distinct nodes reached, center excluded) and `rs` (distinct edges). */
export function neighborhood(id: string, depth: number, includeProvenance: boolean): CypherQuery {
  checkHops('depth', depth, MAX_NEIGHBORHOOD_DEPTH);
  return {
    cypher: [
      matchNodeById('c', '$id'),
      'CALL (c) {',
      `  OPTIONAL MATCH p = (c)-[:${relTypes(includeProvenance)}*1..${depth}]-()`,
      '  UNWIND CASE WHEN p IS NULL THEN [] ELSE relationships(p) END AS r',
      '  WITH DISTINCT r LIMIT $maxEdges',
      `  RETURN collect(${REL_ROW}) AS rs,`,
      '    collect(DISTINCT startNode(r)) + collect(DISTINCT endNode(r)) AS ends',
      '}',
      'UNWIND (CASE WHEN size(ends) = 0 THEN [null] ELSE ends END) AS n',
      'WITH c, rs, collect(DISTINCT n) AS ns',
      'RETURN c AS center, [n IN ns WHERE n <> c] AS ns, rs',
    ].join('\n'),
    params: { id, maxEdges: int(MAX_NEIGHBORHOOD_EDGES) },
  };
}
