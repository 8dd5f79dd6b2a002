/**
 * Look-ahead: which relations a query will ask of the node a root field returns, read from the
 * field's selection set, so the node and those relations come back in one statement
 * (`Loaders.nodeWith`) instead of one statement per level.
 *
 * Which field is which relation comes from the registry (graph/relations.ts, through
 * ./relation-fields.ts): prefetching a relation field gives exactly what its resolver
 * (resolvers/relations.ts) would load.
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
import type { NodeProjection } from '../graph/nodes.js';
import {
  RELATIONS,
  type PrefetchTree,
  type Relation,
  type RelationFetch,
} from '../graph/relations.js';
import {
  anchorFieldOf,
  endFieldsOf,
  isPrefetched,
  nodeFieldOf,
  relationFor,
  type Relations,
} from './relation-fields.js';

/**
 * The node properties a field of a node type reads, for every type that has the field. Fields
 * that read nothing but the id and type (`id`, the kind, and the fields that navigate from the
 * node's id: the registry's relation fields, mentions) read none. A selection of fields listed
 * here is answered from a node read with just those properties; any other field needs the
 * whole node: a field missing here costs bytes, never a wrong answer.
 */
const FIELD_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['__typename', []],
  ['id', []],
  ['kind', []],
  ['mentions', []],
  ['statementsAbout', []],
  // A relation field reads the node's id, unless its resolver reads the node (Fact.evidence).
  ...Object.values(RELATIONS)
    .filter(isPrefetched)
    .map((relation): [string, string[]] => [relation.field, []]),
  ['name', ['nameEn', 'nameKk', 'nameRu']], // every entity type: name(lang)
  ['date', ['date']], // Meeting
  ['title', ['title']], // Article
  ['text', ['text']], // Article, Sentence, Quote
  ['index', ['index']], // Sentence
]);

/** The names of the fields selected directly in `set` (through fragments, not below them). */
function fieldNames(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): Set<string> {
  return new Set(selectedFields(set, fragments).map((field) => field.name.value));
}

/** The fields selected directly in `set` (through fragments, not below them). */
function selectedFields(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out: FieldNode[] = [],
  seen = new Set<string>(),
): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') out.push(selection);
    else if (selection.kind === 'InlineFragment')
      selectedFields(selection.selectionSet, fragments, out, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      selectedFields(fragments[selection.name.value]?.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

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

/** Field name → the anchor fields of its items, on whichever type the field is. */
const ANCHOR_FIELDS_BY_NAME: ReadonlyMap<string, readonly string[]> = (() => {
  const byName = new Map<string, string[]>();
  for (const relation of Object.values(RELATIONS)) {
    const anchorField = anchorFieldOf(relation);
    if (anchorField)
      byName.set(relation.field, [...(byName.get(relation.field) ?? []), anchorField]);
  }
  return byName;
})();

/**
 * How much of a node the selection sets `sets` (on that node) read: the properties their
 * fields need (FIELD_PROPERTIES; false when none beyond the id), or all of it (true). What is
 * selected on the node again through its items' anchor field (`participants { meeting { name } }`
 * on a meeting) counts: that field answers with this same node.
 */
function projectionOf(
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  fragments: Record<string, FragmentDefinitionNode>,
): NodeProjection {
  const properties = new Set<string>();
  const again: Array<SelectionSetNode | undefined> = [];
  for (const set of sets) {
    for (const field of selectedFields(set, fragments)) {
      const read = FIELD_PROPERTIES.get(field.name.value);
      if (!read) return true;
      for (const property of read) properties.add(property);
      for (const anchorField of ANCHOR_FIELDS_BY_NAME.get(field.name.value) ?? []) {
        for (const sub of selectedFields(field.selectionSet, fragments)) {
          if (sub.name.value === anchorField) again.push(sub.selectionSet);
        }
      }
    }
  }
  if (again.length > 0) {
    const more = projectionOf(again, fragments);
    if (more === true) return true;
    if (more !== false) for (const property of more) properties.add(property);
  }
  return properties.size === 0 ? false : [...properties].sort();
}

/** How much of the related nodes the selection of a field navigating `relation` reads. */
function nodeProjectionOf(
  relation: Relation,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): NodeProjection {
  const itemField = nodeFieldOf(relation);
  const nodeSelections = itemField
    ? fields.flatMap((field) =>
        selectedFields(field.selectionSet, fragments).filter((f) => f.name.value === itemField),
      )
    : fields;
  return projectionOf(
    nodeSelections.map((field) => field.selectionSet),
    fragments,
  );
}

function fetchOf(
  relation: Relation,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): RelationFetch {
  return {
    relation: relation.name,
    relProps: needsRelProps(relation, fields, fragments),
    nodeProps: nodeProjectionOf(relation, fields, fragments),
  };
}

/** For a resolver of a field navigating `relation`: how much of it the selection reads. */
export function fetchFor(
  relation: Relation,
  info: Pick<SelectionInfo, 'fieldNodes' | 'fragments'>,
): RelationFetch {
  // graphql-js hands every item of a list the same fieldNodes array: a meeting's `discussed`
  // resolved for 500 meetings reads its selection once.
  let byRelation = fetchCache.get(info.fieldNodes);
  if (!byRelation) {
    byRelation = new Map();
    fetchCache.set(info.fieldNodes, byRelation);
  }
  let fetch = byRelation.get(relation.name);
  if (!fetch) {
    fetch = fetchOf(relation, info.fieldNodes, info.fragments);
    byRelation.set(relation.name, fetch);
  }
  return fetch;
}

const fetchCache = new WeakMap<readonly FieldNode[], Map<string, RelationFetch>>();

/** The part of GraphQLResolveInfo look-ahead reads. */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  returnType: GraphQLOutputType;
}

/** How many levels of relations below a root field one look-ahead statement fetches. */
export const LOOKAHEAD_DEPTH = 3;

/** A relation asked for, with the field nodes that ask for it and the type they are on. */
interface RelationAsked {
  relation: Relation;
  fields: FieldNode[];
  onType: string;
}

/** The object types a node of type `type` can be: itself, or an abstract type's possible types. */
function concreteTypes(schema: GraphQLSchema, type: string | null): readonly string[] {
  const named = type === null ? undefined : schema.getType(type);
  if (isObjectType(named)) return [named.name];
  if (isAbstractType(named)) return schema.getPossibleTypes(named).map((t) => t.name);
  return [];
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
  const visit = (set: SelectionSetNode | undefined, on: string | null, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        for (const t of concreteTypes(schema, on)) {
          const relation = relationFor(schema, t, selection.name.value, relations);
          if (!relation || !isPrefetched(relation)) continue;
          const entry = found.get(relation.name) ?? { relation, fields: [], onType: t };
          // Possible types sharing an interface's entry ask for it with the same field node.
          if (!entry.fields.includes(selection)) entry.fields.push(selection);
          found.set(relation.name, entry);
        }
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, selection.typeCondition?.name.value ?? on, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        seen.add(selection.name.value);
        if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value, seen);
      }
    }
  };
  for (const set of sets) visit(set, type, new Set());
  return found;
}

/** The named type a field of `type` returns (through lists and non-null); null when unknown. */
function fieldTypeOf(schema: GraphQLSchema, type: string, field: string): string | null {
  const owner = schema.getType(type);
  if (!isObjectType(owner) && !isInterfaceType(owner)) return null;
  const found = owner.getFields()[field];
  return found ? getNamedType(found.type).name : null;
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
      // The related node's selections and type: the item's node field, or the field itself.
      const itemType = fieldTypeOf(schema, onType, relation.field);
      const nodeType = nodeField && itemType ? fieldTypeOf(schema, itemType, nodeField) : itemType;
      const nodeSets = nodeField
        ? fields.flatMap((f) =>
            selectedFields(f.selectionSet, fragments)
              .filter((sub) => sub.name.value === nodeField)
              .map((sub) => sub.selectionSet),
          )
        : fields.map((f) => f.selectionSet);
      return {
        fetch: fetchOf(relation, fields, fragments),
        children: treesIn(schema, nodeSets, nodeType, fragments, depth - 1, relations),
      };
    });
}

/** The part of GraphQLResolveInfo look-ahead reads. */
export interface LookaheadInfo extends SelectionInfo {
  schema: GraphQLSchema;
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
  return memoized(info, `trees:${depth}:${path.join('.')}`, () => {
    const { sets, type } = selectionsAt(info, path);
    return treesIn(info.schema, sets, type, info.fragments, depth, relations);
  });
}

/**
 * How much of the node(s) a root field returns its selection reads (`path` as for lookahead):
 * the properties to read, false for labels and ids only, true for whole nodes.
 */
export function nodeProjection(info: LookaheadInfo, path: readonly string[] = []): NodeProjection {
  return memoized(info, `projection:${path.join('.')}`, () =>
    projectionOf(selectionsAt(info, path).sets, info.fragments),
  );
}

/** What the fields of a GraphNode (a path's or neighbourhood's node) read of the node. */
const GRAPH_NODE_FIELD_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['__typename', []],
  ['id', []],
  ['type', []],
  // captionOf (resolvers/traversal.ts): a name, title, text, translation, summary or figure.
  ['caption', ['nameEn', 'title', 'text', 'translationEn', 'summaryEn', 'metric', 'surfaceText']],
]);

/**
 * How much of the nodes of GraphNodes at `path` below a root field (`['nodes']` for `path`) the
 * selection reads: their own fields (GRAPH_NODE_FIELD_PROPERTIES) and what `node { … }` selects.
 */
export function graphNodeProjection(info: LookaheadInfo, path: readonly string[]): NodeProjection {
  return projectionThrough(info, path, 'node', GRAPH_NODE_FIELD_PROPERTIES);
}

/** What the fields of a SearchHit read of its entity (matchedName: every name it could be). */
const SEARCH_HIT_FIELD_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['__typename', []],
  ['score', []],
  ['matchedName', ['nameEn', 'nameRu', 'nameKk', 'aliases', 'forms']],
]);

/** How much of a search hit's entity the selection reads: `entity { … }` and matchedName. */
export function searchHitProjection(info: LookaheadInfo): NodeProjection {
  return projectionThrough(info, [], 'entity', SEARCH_HIT_FIELD_PROPERTIES);
}

/**
 * How much of the node an object wrapping it (a GraphNode, a SearchHit) reads, at `path`: what
 * its `nodeField { … }` selects, plus the properties its other fields read (`fieldProperties`;
 * a field not listed reads the whole node).
 */
function projectionThrough(
  info: LookaheadInfo,
  path: readonly string[],
  nodeField: string,
  fieldProperties: ReadonlyMap<string, readonly string[]>,
): NodeProjection {
  return memoized(info, `through:${nodeField}:${path.join('.')}`, () => {
    const properties = new Set<string>();
    const add = (projection: NodeProjection) => {
      if (projection === true) return false;
      if (projection !== false) for (const property of projection) properties.add(property);
      return true;
    };
    for (const set of selectionsAt(info, path).sets) {
      for (const field of selectedFields(set, info.fragments)) {
        const name = field.name.value;
        const read =
          name === nodeField
            ? projectionOf([field.selectionSet], info.fragments)
            : (fieldProperties.get(name) ?? true);
        if (!add(read)) return true;
      }
    }
    return properties.size === 0 ? false : [...properties].sort();
  });
}

/**
 * Look-ahead answers per field selection: the same operation (Apollo keeps one parsed document
 * per query text, so the same field nodes) asks the same, request after request.
 */
const answers = new WeakMap<readonly FieldNode[], Map<string, unknown>>();

function memoized<T>(info: LookaheadInfo, key: string, compute: () => T): T {
  let byKey = answers.get(info.fieldNodes);
  if (!byKey) answers.set(info.fieldNodes, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/** The selection sets at `path` below the root field, and the object type they are on. */
function selectionsAt(
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
