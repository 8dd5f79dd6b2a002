/**
 * Node projections: how much of a node a selection reads. The properties each field reads are
 * keyed by `Type.field` (an interface's key serves every implementing type); a relation field
 * of the registry reads none beyond the id. A selection of fields that are all known is
 * answered from a node read with just those properties; any other field needs the whole node.
 * A partial node never answers more than it was read for (node-models.ts throws on a read of
 * what it lacks, in development and test).
 */
import {
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { NodeProjection } from '../graph/nodes.js';
import { RELATIONS, type Relation } from '../graph/relations.js';
import {
  anchorFieldsOf,
  isPrefetched,
  relatedSetsOf,
  relationFor,
  type Relations,
} from './relation-fields.js';
import {
  concreteTypes,
  fieldTypeOf,
  isConnectionType,
  itemFieldsOf,
  selectedFields,
  selectionsAt,
  typedFields,
  type LookaheadInfo,
  type TypedSet,
} from './selection.js';

/** The node properties fields read, by `Type.field`; relation fields are added from the registry. */
const FIELD_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['Node.id', []],
  ['Entity.kind', []],
  ['Entity.name', ['nameEn', 'nameKk', 'nameRu']], // name(lang)
  ['Entity.mentions', []], // a page by the entity's id
  ['Meeting.date', ['date']],
  ['Meeting.dateFact', ['date', 'dateEvidence', 'dateSentenceIds']],
  ['Meeting.status', ['status']],
  ['Meeting.statusFact', ['status', 'statusEvidence', 'statusSentenceIds']],
  ['Event.status', ['status']],
  ['Event.statusFact', ['status', 'statusEvidence', 'statusSentenceIds']],
  ['Event.startDate', ['startDate']],
  ['Event.startDateFact', ['startDate', 'startDateEvidence', 'startDateSentenceIds']],
  ['Event.endDate', ['endDate']],
  ['Event.endDateFact', ['endDate', 'endDateEvidence', 'endDateSentenceIds']],
  ['Document.date', ['date']],
  ['Document.dateFact', ['date', 'dateEvidence', 'dateSentenceIds']],
  ['Article.title', ['title']],
  ['Article.text', ['text']],
  ['Sentence.text', ['text']],
  ['Sentence.index', ['index']],
  ['Quote.text', ['text']],
]);

/** The properties `field` of the object type `type` reads; undefined: the whole node. */
function propertiesRead(
  schema: GraphQLSchema,
  type: string,
  field: string,
  relations: Relations,
): readonly string[] | undefined {
  if (field === '__typename') return [];
  const own = FIELD_PROPERTIES.get(`${type}.${field}`);
  if (own) return own;
  const object = schema.getType(type);
  if (isObjectType(object) || isInterfaceType(object)) {
    for (const iface of object.getInterfaces()) {
      const inherited = FIELD_PROPERTIES.get(`${iface.name}.${field}`);
      if (inherited) return inherited;
    }
  }
  // A relation field reads the node's id, unless its resolver reads the node (Fact.evidence).
  const relation = relationFor(schema, type, field, relations);
  return relation && isPrefetched(relation) ? [] : undefined;
}

/**
 * How much of a node the typed selection sets `sets` (on that node) read: the properties their
 * fields need (false when none beyond the id), or all of it (true). What is selected on the node
 * again through its items' anchor field (`participants { meeting { name } }` on a meeting)
 * counts: that field answers with this same node.
 */
function projectionOf(
  schema: GraphQLSchema,
  sets: readonly TypedSet[],
  fragments: Record<string, FragmentDefinitionNode>,
  relations: Relations = RELATIONS,
): NodeProjection {
  const properties = new Set<string>();
  const again: TypedSet[] = [];
  for (const typed of sets) {
    for (const { field, type } of typedFields(typed, fragments)) {
      const types = concreteTypes(schema, type);
      if (types.length === 0) return true;
      for (const t of types) {
        const read = propertiesRead(schema, t, field.name.value, relations);
        if (!read) return true;
        for (const property of read) properties.add(property);
        const relation = relationFor(schema, t, field.name.value, relations);
        const anchorFields = relation ? anchorFieldsOf(relation) : [];
        if (anchorFields.length === 0) continue;
        const connection = isConnectionType(schema, fieldTypeOf(schema, t, field.name.value));
        for (const item of itemFieldsOf([field], fragments, connection)) {
          for (const sub of selectedFields(item.selectionSet, fragments)) {
            if (anchorFields.includes(sub.name.value)) {
              again.push({ set: sub.selectionSet, type: t });
            }
          }
        }
      }
    }
  }
  if (again.length > 0) {
    const more = projectionOf(schema, again, fragments, relations);
    if (more === true) return true;
    if (more !== false) for (const property of more) properties.add(property);
  }
  return properties.size === 0 ? false : [...properties].sort();
}

/**
 * How much of the related nodes (of type `nodeType`) the selection of a field navigating
 * `relation` reads: through the items' node field, or the items' own selection (`fields`: the
 * field nodes selecting the items, a connection's `edges { node }`).
 */
export function relatedProjectionOf(
  schema: GraphQLSchema,
  relation: Relation,
  nodeType: string | null,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  relations: Relations = RELATIONS,
): NodeProjection {
  return projectionOf(
    schema,
    relatedSetsOf(schema, relation, nodeType, fields, fragments),
    fragments,
    relations,
  );
}

/**
 * How much of the node(s) a root field returns its selection reads (`path` leads to them, e.g.
 * `['edges', 'node']`): the properties to read, false for labels and ids only, true for whole.
 */
export function nodeProjection(info: LookaheadInfo, path: readonly string[] = []): NodeProjection {
  const { sets, type } = selectionsAt(info, path);
  return projectionOf(
    info.schema,
    sets.map((set) => ({ set, type })),
    info.fragments,
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
  ['matchKind', []],
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
  const { sets, type } = selectionsAt(info, path);
  const nodeType = type && fieldTypeOf(info.schema, type, nodeField);
  const properties = new Set<string>();
  for (const set of sets) {
    for (const field of selectedFields(set, info.fragments)) {
      const name = field.name.value;
      const read =
        name === nodeField
          ? projectionOf(info.schema, [{ set: field.selectionSet, type: nodeType }], info.fragments)
          : (fieldProperties.get(name) ?? true);
      if (read === true) return true;
      if (read !== false) for (const property of read) properties.add(property);
    }
  }
  return properties.size === 0 ? false : [...properties].sort();
}
