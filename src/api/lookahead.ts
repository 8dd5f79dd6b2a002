/**
 * Look-ahead: which relations a query will ask of the node a root field returns, read from the
 * field's selection set, so the node and those relations come back in one statement
 * (`Loaders.nodeWith`) instead of one statement per level.
 *
 * Which field is which relation comes from the registry (graph/relations.ts, through
 * ./relation-fields.ts): prefetching a relation field gives exactly what its resolver
 * (resolvers/relations.ts) would load.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLSchema } from 'graphql';
import { getNamedType, GraphQLError, print } from 'graphql';
import {
  RELATIONS,
  type PrefetchTree,
  type Relation,
  type RelationFetch,
} from '../graph/relations.js';
import { relatedProjectionOf } from './projection.js';
import { pageAsked } from './relation-pages.js';
import {
  endFieldsOf,
  isPrefetched,
  nodeFieldOf,
  relatedSetsOf,
  relationFor,
  type Relations,
} from './relation-fields.js';
import {
  concreteTypes,
  fieldNames,
  fieldTypeOf,
  isConnectionType,
  itemFieldsOf,
  itemTypeOfType,
  selectionsAt,
  typedFields,
  type LookaheadInfo,
  type TypedSet,
  type SelectionInfo,
} from './selection.js';

/** How many levels of relations below a root field one look-ahead statement fetches. */
const LOOKAHEAD_DEPTH = 3;

/** A connection's page arguments: they choose the items, they filter none. */
const PAGE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'after', 'last', 'before']);

/**
 * Whether the selection of a field navigating `relation` reads its relationships' properties.
 * `fields`: the relation field's nodes; `itemFields`: those selecting its items (the same, or
 * a connection's `edges { node }`).
 */
function needsRelProps(
  relation: Relation,
  fields: readonly FieldNode[],
  itemFields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const ends = endFieldsOf(relation);
  if (!ends) return false;
  // An item filter (`asOf`) reads the statements' dates, whatever the selection reads.
  const filters = (field: FieldNode) =>
    (field.arguments ?? []).some((a) => !PAGE_ARGUMENTS.has(a.name.value));
  if (fields.some(filters)) return true;
  for (const field of itemFields) {
    for (const name of fieldNames(field.selectionSet, fragments)) if (!ends.has(name)) return true;
  }
  return false;
}

/** What a look-ahead reads besides the selection: variables, and the largest page. */
interface LookaheadOptions {
  maxPageSize: number;
  depth?: number;
  relations?: Relations;
}

/** The type of the related nodes of `relation` asked for on `onType`: its node field's, or its own. */
function relatedTypeOf(schema: GraphQLSchema, relation: Relation, onType: string): string | null {
  const nodeField = nodeFieldOf(relation);
  const itemType = itemTypeOfType(schema, fieldTypeOf(schema, onType, relation.field));
  return nodeField && itemType ? fieldTypeOf(schema, itemType, nodeField) : itemType;
}

/**
 * The fetch of `relation` for its field nodes `fields`; a connection field's with the page its
 * arguments ask (`pageAsked`: throws BAD_USER_INPUT on a bad argument).
 */
function fetchOf(
  schema: GraphQLSchema,
  relation: Relation,
  nodeType: string | null,
  fields: readonly FieldNode[],
  connection: boolean,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  options: LookaheadOptions,
): RelationFetch {
  const relations = options.relations ?? RELATIONS;
  const itemFields = itemFieldsOf(fields, fragments, connection);
  return {
    relation: relation.name,
    relProps: needsRelProps(relation, fields, itemFields, fragments),
    nodeProps: relatedProjectionOf(schema, relation, nodeType, itemFields, fragments, relations),
    ...(connection
      ? {
          page: pageAsked(schema, relation, fields, fragments, variables, options.maxPageSize),
        }
      : {}),
  };
}

/** For a resolver of a field navigating `relation`: how much of it the selection reads. */
export function fetchFor(
  relation: Relation,
  info: SelectionInfo,
  options: LookaheadOptions,
): RelationFetch {
  const returned = getNamedType(info.returnType).name;
  const connection = isConnectionType(info.schema, returned);
  const itemType = itemTypeOfType(info.schema, returned);
  const nodeField = nodeFieldOf(relation);
  const nodeType = nodeField && itemType ? fieldTypeOf(info.schema, itemType, nodeField) : itemType;
  return fetchOf(
    info.schema,
    relation,
    nodeType,
    info.fieldNodes,
    connection,
    info.fragments,
    info.variableValues ?? {},
    options,
  );
}

/** A relation asked for, with the field nodes that ask for it and the type they are on. */
interface RelationAsked {
  relation: Relation;
  fields: FieldNode[];
  onType: string;
  /** The field is a connection: its items are selected at `edges { node }`. */
  connection: boolean;
}

/**
 * The relations the selection sets `sets` ask for, on a node of type `type` (an abstract type
 * asks for the fields of each of its possible types): each with the field nodes asking for it.
 */
function relationsIn(
  schema: GraphQLSchema,
  sets: readonly TypedSet[],
  fragments: Record<string, FragmentDefinitionNode>,
  relations: Relations,
): Map<string, RelationAsked> {
  const found = new Map<string, RelationAsked>();
  for (const typed of sets) {
    for (const { field, type: on } of typedFields(typed, fragments)) {
      for (const t of concreteTypes(schema, on)) {
        const relation = relationFor(schema, t, field.name.value, relations);
        if (!relation || !isPrefetched(relation)) continue;
        const connection = isConnectionType(schema, fieldTypeOf(schema, t, field.name.value));
        // Pages asked with other arguments (aliases) are other fetches; the field's own
        // arguments, as written, tell them apart.
        const key = connection
          ? `${relation.name}(${(field.arguments ?? []).map((a) => print(a)).join(',')})`
          : relation.name;
        const entry = found.get(key) ?? { relation, fields: [], onType: t, connection };
        // Possible types sharing an interface's entry ask for it with the same field node.
        if (!entry.fields.includes(field)) entry.fields.push(field);
        found.set(key, entry);
      }
    }
  }
  return found;
}

/**
 * The relations a selection asks for, level by level (up to `depth`): for each relation field,
 * the relation fields selected on its related nodes (through the item's node field for
 * holdings, participations…, and a connection's `edges { node }`), and so on. A connection
 * whose arguments break a rule is left to its resolver, which reports the error at its place.
 */
function treesIn(
  schema: GraphQLSchema,
  sets: readonly TypedSet[],
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  variables: Record<string, unknown>,
  options: LookaheadOptions,
): PrefetchTree[] {
  if (depth <= 0) return [];
  const relations = options.relations ?? RELATIONS;
  return [...relationsIn(schema, sets, fragments, relations).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, { relation, fields, onType, connection }]): PrefetchTree[] => {
      const nodeType = relatedTypeOf(schema, relation, onType);
      let fetch: RelationFetch;
      try {
        fetch = fetchOf(
          schema,
          relation,
          nodeType,
          fields,
          connection,
          fragments,
          variables,
          options,
        );
      } catch (error) {
        if (error instanceof GraphQLError) return [];
        throw error;
      }
      // The related node's selections: the item's node fields', or the item's own.
      const itemFields = itemFieldsOf(fields, fragments, connection);
      const nodeSets = relatedSetsOf(schema, relation, nodeType, itemFields, fragments);
      return [
        {
          fetch,
          children: treesIn(schema, nodeSets, fragments, depth - 1, variables, options),
        },
      ];
    });
}

/**
 * What a root field's selection asks of the node(s) it returns, `depth` levels deep; `path`
 * leads from the field to the nodes (e.g. `['edges', 'node']` for a connection).
 */
export function lookahead(
  info: LookaheadInfo,
  path: readonly string[],
  options: LookaheadOptions,
): PrefetchTree[] {
  const { sets, type } = selectionsAt(info, path);
  return treesIn(
    info.schema,
    sets.map((set) => ({ set, type })),
    info.fragments,
    options.depth ?? LOOKAHEAD_DEPTH,
    info.variableValues ?? {},
    options,
  );
}
