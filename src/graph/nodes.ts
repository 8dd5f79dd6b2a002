/** Nodes by id, in one statement for a batch of ids (the node DataLoader's batch). */
import type { NodeRecord } from './convert.js';
import type { CypherQuery } from './cypher.js';
import { ID_LOOKUP_LABELS, SEARCH_KEY_PROPERTIES, type IdLookupLabel } from './schema.js';

/**
 * A CALL subquery binding `n` to the nodes whose ids are in `$ids`: one branch per label, each
 * on its uniqueness index. Any kind by default; a root field that answers one kind
 * (`article(id:)`) looks on its label alone.
 */
export function matchNodesByIds(labels: readonly IdLookupLabel[] = ID_LOOKUP_LABELS): string {
  return `CALL () { ${labels.map((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n`).join(' UNION ')} }`;
}

const MATCH_NODES_BY_IDS = matchNodesByIds();

export function nodesByIds(ids: readonly string[]): CypherQuery {
  return { cypher: `${MATCH_NODES_BY_IDS} RETURN n`, params: { ids: [...ids] } };
}

const WITHOUT_SEARCH_KEYS = SEARCH_KEY_PROPERTIES.map((p) => `${p}: null`).join(', ');

/**
 * The node as the API reads it: labels and properties, without the search keys (the
 * full-text index's fields, the bulk of an entity's bytes and never returned by the API).
 */
export const NODE_RECORD = (v: string) => `[labels(${v}), ${v} {.*, ${WITHOUT_SEARCH_KEYS}}]`;

/** The node reduced to its labels and id: for selections that read nothing else of it. */
const NODE_ID_RECORD = (v: string) => `[labels(${v}), ${v}.id]`;

/**
 * How much of a node a statement reads: all its properties (true), only its labels and id
 * (false), or its labels, id and the properties listed (what the selection's fields read).
 */
export type NodeProjection = boolean | readonly string[];

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Properties the graph stores as DATE (docs/graph-model.md): projected as the ISO string the API
 * returns, which spares the driver its 64-bit integer arithmetic per date.
 */
const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'date',
  'startDate',
  'endDate',
  'periodStart',
  'periodEnd',
]);

/** The node as `projection` says (NODE_RECORD, NODE_ID_RECORD, or a map of some properties). */
export function nodeRecordFor(v: string, projection: NodeProjection): string {
  if (projection === true) return NODE_RECORD(v);
  if (projection === false || projection.length === 0) return NODE_ID_RECORD(v);
  // Property names come from a fixed table (api/lookahead.ts), never from a request; checked
  // all the same, as they are written into the statement.
  const bad = projection.find((name) => !PROPERTY_NAME.test(name));
  if (bad !== undefined) throw new Error(`not a property name: ${JSON.stringify(bad)}`);
  const entries = projection.map((name) =>
    DATE_PROPERTIES.has(name) ? `${name}: toString(${v}.${name})` : `.${name}`,
  );
  return `[labels(${v}), ${v} {.id, ${entries.join(', ')}}]`;
}

/** Whether a node read with `projection` is the whole node (which may stand in for it anywhere). */
export const isWholeNode = (projection: NodeProjection): boolean => projection === true;

/** A node: labels and properties (NODE_RECORD), or labels and id only. */
export type WireNode = [labels: string[], propertiesOrId: Record<string, unknown> | string];

/** A WireNode as the labels and properties toNodeModel reads. */
export function nodeRecordOf([labels, propertiesOrId]: WireNode): NodeRecord {
  return {
    labels,
    properties: typeof propertiesOrId === 'string' ? { id: propertiesOrId } : propertiesOrId,
  };
}
