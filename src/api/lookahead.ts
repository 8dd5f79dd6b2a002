/**
 * Look-ahead: which relations a query will ask of the node a root field returns, read from the
 * field's selection set, so the node and those relations come back in one statement
 * (`Loaders.nodeWith`) instead of one statement per level.
 *
 * Which field is which relation comes from the registry (graph/relations.ts, through
 * ./relation-fields.ts): prefetching a relation field gives exactly what its resolver
 * (resolvers/relations.ts) would load.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import { getNamedType } from 'graphql';
import {
  RELATIONS,
  type PrefetchTree,
  type Relation,
  type RelationFetch,
} from '../graph/relations.js';
import { relatedProjectionOf } from './projection.js';
import {
  endFieldsOf,
  isPrefetched,
  nodeFieldOf,
  relationFor,
  type Relations,
} from './relation-fields.js';
import {
  concreteTypes,
  fieldNames,
  fieldTypeOf,
  selectedFields,
  selectionsAt,
  typedFields,
  type LookaheadInfo,
  type SelectionInfo,
} from './selection.js';

/** How many levels of relations below a root field one look-ahead statement fetches. */
const LOOKAHEAD_DEPTH = 3;

/** Whether the selection of a field navigating `relation` reads its relationships' properties. */
function needsRelProps(
  relation: Relation,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const ends = endFieldsOf(relation);
  if (!ends) return false;
  // An item filter (`asOf`) reads the statements' dates, whatever the selection reads.
  if (fields.some((field) => (field.arguments?.length ?? 0) > 0)) return true;
  for (const field of fields) {
    for (const name of fieldNames(field.selectionSet, fragments)) if (!ends.has(name)) return true;
  }
  return false;
}

/** The type of the related nodes of `relation` asked for on `onType`: its node field's, or its own. */
function relatedTypeOf(schema: GraphQLSchema, relation: Relation, onType: string): string | null {
  const nodeField = nodeFieldOf(relation);
  const itemType = fieldTypeOf(schema, onType, relation.field);
  return nodeField && itemType ? fieldTypeOf(schema, itemType, nodeField) : itemType;
}

function fetchOf(
  schema: GraphQLSchema,
  relation: Relation,
  nodeType: string | null,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  relations: Relations,
): RelationFetch {
  return {
    relation: relation.name,
    relProps: needsRelProps(relation, fields, fragments),
    nodeProps: relatedProjectionOf(schema, relation, nodeType, fields, fragments, relations),
  };
}

/** For a resolver of a field navigating `relation`: how much of it the selection reads. */
export function fetchFor(relation: Relation, info: SelectionInfo): RelationFetch {
  const returned = getNamedType(info.returnType).name;
  const nodeField = nodeFieldOf(relation);
  const nodeType = nodeField ? fieldTypeOf(info.schema, returned, nodeField) : returned;
  return fetchOf(info.schema, relation, nodeType, info.fieldNodes, info.fragments, RELATIONS);
}

/** A relation asked for, with the field nodes that ask for it and the type they are on. */
interface RelationAsked {
  relation: Relation;
  fields: FieldNode[];
  onType: string;
}

/**
 * The relations the selection sets `sets` ask for, on a node of type `type` (an abstract type
 * asks for the fields of each of its possible types): each with the field nodes asking for it.
 */
function relationsIn(
  schema: GraphQLSchema,
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  type: string | null,
  fragments: Record<string, FragmentDefinitionNode>,
  relations: Relations,
): Map<string, RelationAsked> {
  const found = new Map<string, RelationAsked>();
  for (const set of sets) {
    for (const { field, type: on } of typedFields({ set, type }, fragments)) {
      for (const t of concreteTypes(schema, on)) {
        const relation = relationFor(schema, t, field.name.value, relations);
        if (!relation || !isPrefetched(relation)) continue;
        const entry = found.get(relation.name) ?? { relation, fields: [], onType: t };
        // Possible types sharing an interface's entry ask for it with the same field node.
        if (!entry.fields.includes(field)) entry.fields.push(field);
        found.set(relation.name, entry);
      }
    }
  }
  return found;
}

/**
 * The relations a selection asks for, level by level (up to `depth`): for each relation field,
 * the relation fields selected on its related nodes (through the item's node field for
 * holdings, participations…), and so on.
 */
function treesIn(
  schema: GraphQLSchema,
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  type: string | null,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  relations: Relations,
): PrefetchTree[] {
  if (depth <= 0) return [];
  return [...relationsIn(schema, sets, type, fragments, relations).values()]
    .sort((a, b) => a.relation.name.localeCompare(b.relation.name))
    .map(({ relation, fields, onType }) => {
      const nodeField = nodeFieldOf(relation);
      const nodeType = relatedTypeOf(schema, relation, onType);
      // The related node's selections: the item's node field's, or the field's own.
      const nodeSets = nodeField
        ? fields.flatMap((f) =>
            selectedFields(f.selectionSet, fragments)
              .filter((sub) => sub.name.value === nodeField)
              .map((sub) => sub.selectionSet),
          )
        : fields.map((f) => f.selectionSet);
      return {
        fetch: fetchOf(schema, relation, nodeType, fields, fragments, relations),
        children: treesIn(schema, nodeSets, nodeType, fragments, depth - 1, relations),
      };
    });
}

/**
 * What a root field's selection asks of the node(s) it returns, `depth` levels deep; `path`
 * leads from the field to the nodes (e.g. `['edges', 'node']` for a connection).
 */
export function lookahead(
  info: LookaheadInfo,
  path: readonly string[] = [],
  depth = LOOKAHEAD_DEPTH,
  relations: Relations = RELATIONS,
): PrefetchTree[] {
  const { sets, type } = selectionsAt(info, path);
  return treesIn(info.schema, sets, type, info.fragments, depth, relations);
}
