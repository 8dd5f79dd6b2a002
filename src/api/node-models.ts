/**
 * Node models as a statement read them: whole, or partial (only the properties a projection
 * fetched, for the selection they were read for). A partial model carries no defaults for what
 * it lacks; in development and test, reading a property it lacks throws, so a projection that
 * misses what a field reads fails a test instead of answering with blanks.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { toNodeModel, type NodeRecord } from '../graph/convert.js';
import type { NodeModel } from '../graph/model.js';
import { nodeRecordOf, type NodeProjection, type WireNode } from '../graph/nodes.js';

/**
 * Models built from part of a node: they answer the selection they were read for, and must
 * never be cached or reused as the node itself.
 */
const partialModels = new WeakSet<NodeModel>();

export const isPartialModel = (model: NodeModel): boolean => partialModels.has(model);

/** The model field a node property becomes (toNodeModel), where the names differ. */
const MODEL_FIELD_OF: Readonly<Record<string, string>> = { evidence: 'excerpts' };

/**
 * A node read as `projection` says → its model. `strict` (development, test): a partial
 * model throws on reading a model field its projection did not fetch.
 */
export function toModel(
  wire: WireNode | NodeRecord | Neo4jNode,
  projection: NodeProjection,
  strict: boolean,
): NodeModel {
  const record = Array.isArray(wire) ? nodeRecordOf(wire) : wire;
  const full = toNodeModel(record);
  if (projection === true) return full;
  const fields: Record<string, unknown> = { __typename: full.__typename, id: full.id };
  const source = full as unknown as Record<string, unknown>;
  for (const property of projection === false ? [] : projection) {
    const field = MODEL_FIELD_OF[property] ?? property;
    if (field in source) fields[field] = source[field];
  }
  const partial = fields as unknown as NodeModel;
  const model = strict ? guarded(partial, source, projection) : partial;
  partialModels.add(model);
  return model;
}

/** `partial`, throwing on a read of a field of the whole model it lacks. */
function guarded(
  partial: NodeModel,
  whole: Record<string, unknown>,
  projection: NodeProjection,
): NodeModel {
  return new Proxy(partial, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key in whole) {
        throw new Error(
          `${target.__typename} ${target.id} was read with ${JSON.stringify(projection)} only, ` +
            `and its "${key}" was asked for: the look-ahead's FIELD_PROPERTIES misses what a ` +
            'field reads',
        );
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
