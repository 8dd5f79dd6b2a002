/**
 * Reading a GraphQL selection: the fields selected in a set (through fragments), the types they
 * are selected on, and the sets a path below a root field leads to. Pure; look-ahead and the
 * node projections are built on it.
 */
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** The part of GraphQLResolveInfo a relation field's resolver reads of its selection. */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  returnType: GraphQLOutputType;
  schema: GraphQLSchema;
  /** The operation's variables (a nested connection's page arguments may be variables). */
  variableValues?: Record<string, unknown>;
}

/** The part of GraphQLResolveInfo look-ahead reads. */
export type LookaheadInfo = SelectionInfo;

/** A selection set and the type it selects on (null: unknown). */
export interface TypedSet {
  set: SelectionSetNode | undefined;
  type: string | null;
}

/** The names of the fields selected directly in `set` (through fragments, not below them). */
export function fieldNames(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): Set<string> {
  return new Set(selectedFields(set, fragments).map((field) => field.name.value));
}

/** The fields selected directly in `set` (through fragments, not below them). */
export function selectedFields(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] {
  return typedFields({ set, type: null }, fragments).map(({ field }) => field);
}

/**
 * The fields selected directly in a set, each with the type it is selected on: the set's, or
 * the type condition of the fragment it is in.
 */
export function typedFields(
  { set, type }: TypedSet,
  fragments: Record<string, FragmentDefinitionNode>,
  out: Array<{ field: FieldNode; type: string | null }> = [],
  seen = new Set<string>(),
): Array<{ field: FieldNode; type: string | null }> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') out.push({ field: selection, type });
    else if (selection.kind === 'InlineFragment') {
      const on = selection.typeCondition?.name.value ?? type;
      typedFields({ set: selection.selectionSet, type: on }, fragments, out, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment) {
        const on = fragment.typeCondition.name.value;
        typedFields({ set: fragment.selectionSet, type: on }, fragments, out, seen);
      }
    }
  }
  return out;
}

/** The object types a node of type `type` can be: itself, or an abstract type's possible types. */
export function concreteTypes(schema: GraphQLSchema, type: string | null): readonly string[] {
  const named = type === null ? undefined : schema.getType(type);
  if (isObjectType(named)) return [named.name];
  if (isAbstractType(named)) return schema.getPossibleTypes(named).map((t) => t.name);
  return [];
}

/** The named type a field of `type` returns (through lists and non-null); null when unknown. */
export function fieldTypeOf(schema: GraphQLSchema, type: string, field: string): string | null {
  const owner = schema.getType(type);
  if (!isObjectType(owner) && !isInterfaceType(owner)) return null;
  const found = owner.getFields()[field];
  return found ? getNamedType(found.type).name : null;
}

/** The selection sets at `path` below the root field, and the type they are on. */
export function selectionsAt(
  info: LookaheadInfo,
  path: readonly string[],
): { sets: Array<SelectionSetNode | undefined>; type: string | null } {
  let sets: Array<SelectionSetNode | undefined> = info.fieldNodes.map((f) => f.selectionSet);
  let type: string | null = getNamedType(info.returnType).name;
  for (const step of path) {
    sets = sets.flatMap((set) =>
      selectedFields(set, info.fragments)
        .filter((f) => f.name.value === step)
        .map((f) => f.selectionSet),
    );
    type = type ? fieldTypeOf(info.schema, type, step) : null;
  }
  return { sets, type };
}

/** Whether the named type is a Relay connection (it has `edges` and `pageInfo`). */
export function isConnectionType(schema: GraphQLSchema, type: string | null): boolean {
  const named = type === null ? undefined : schema.getType(type);
  if (!isObjectType(named)) return false;
  const fields = named.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/** The type of a connection's items (`edges.node`); the type itself when it is no connection. */
export function itemTypeOfType(schema: GraphQLSchema, type: string | null): string | null {
  if (type === null || !isConnectionType(schema, type)) return type;
  const edge = fieldTypeOf(schema, type, 'edges');
  return edge ? fieldTypeOf(schema, edge, 'node') : null;
}

/**
 * The field nodes that select a field's items: for a connection its `edges { node }` fields,
 * else the fields themselves (a list's selection is its items').
 */
export function itemFieldsOf(
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  connection: boolean,
): FieldNode[] {
  if (!connection) return [...fields];
  return fields.flatMap((f) =>
    selectedFields(f.selectionSet, fragments)
      .filter((edges) => edges.name.value === 'edges')
      .flatMap((edges) =>
        selectedFields(edges.selectionSet, fragments).filter((n) => n.name.value === 'node'),
      ),
  );
}
