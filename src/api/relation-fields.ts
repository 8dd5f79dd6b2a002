/**
 * The API's view of the relation registry (graph/relations.ts): which relation answers a field
 * of a type, and, for fields whose items are not the related nodes (holdings, participations…),
 * which item field holds the related node, which the anchor, and which fields read no
 * relationship property. Look-ahead and the resolvers read these; nothing here is a table to
 * keep in step by hand.
 */
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { LINK_TYPE_NAMES } from '../graph/model.js';
import { RELATIONS, type ItemKind, type Relation } from '../graph/relations.js';
import type { FieldNode, FragmentDefinitionNode } from 'graphql';
import {
  fieldTypeOf,
  isConnectionType,
  itemTypeOfType,
  selectedFields,
  type TypedSet,
} from './selection.js';

/** A registry as defineRelations gives it: the production one, or a test's fixture. */
export type Relations = Readonly<Record<string, Relation>>;

/**
 * The item types: their GraphQL type(s) and the fields that hold the relationship's start
 * (`source`) and end (`target`) node, or (`node`) the related node whichever end it is.
 * `narrowed`: more fields holding an end, null when it is not of the field's type (a meeting
 * participation's `person`, kept from when only people took part). `prefetch` false: look-ahead
 * leaves the field to its resolver (an Evidence item carries a sentence id; Evidence.sentence
 * loads the whole sentence, as its excerpts are cut from the text).
 */
const ITEM_KINDS: Readonly<
  Record<
    ItemKind,
    {
      types: readonly string[];
      source?: string;
      target?: string;
      node?: string;
      narrowed?: Readonly<Record<string, 'source' | 'target'>>;
      prefetch: boolean;
    }
  >
> = {
  holding: { types: ['OfficeHolding'], source: 'person', target: 'office', prefetch: true },
  participation: {
    types: ['MeetingParticipation'],
    source: 'participant',
    target: 'meeting',
    narrowed: { person: 'source' },
    prefetch: true,
  },
  eventParticipation: {
    types: ['EventParticipation'],
    source: 'participant',
    target: 'event',
    prefetch: true,
  },
  discussion: { types: ['Discussion'], source: 'meeting', target: 'subject', prefetch: true },
  signature: { types: ['Signature'], source: 'signer', target: 'document', prefetch: true },
  appointment: { types: ['Appointment'], source: 'by', target: 'person', prefetch: true },
  link: { types: LINK_TYPE_NAMES, node: 'node', prefetch: true },
  mention: { types: ['Mention'], target: 'entity', prefetch: true },
  evidence: { types: ['Evidence'], prefetch: false },
};

/**
 * The relation answering `field` on the object type `type`: its own entry, or an entry of an
 * interface it implements; null for a field that is no relation field.
 */
export function relationFor(
  schema: GraphQLSchema,
  type: string,
  field: string,
  relations: Relations = RELATIONS,
): Relation | null {
  const own = relations[`${type}.${field}`];
  if (own) return own;
  const object = schema.getType(type);
  if (!isObjectType(object) && !isInterfaceType(object)) return null;
  for (const iface of object.getInterfaces()) {
    const inherited = relations[`${iface.name}.${field}`];
    if (inherited) return inherited;
  }
  return null;
}

/** The item field holding the related node; null when the items are the related nodes. */
export function nodeFieldOf(relation: Relation): string | null {
  if (!relation.item || !relation.nodeEnd) return null;
  const kind = ITEM_KINDS[relation.item];
  return kind.node ?? kind[relation.nodeEnd] ?? null;
}

/** The narrowed item fields holding the end `end` (see ITEM_KINDS). */
function narrowedFields(item: ItemKind, end: 'source' | 'target'): string[] {
  return Object.entries(ITEM_KINDS[item].narrowed ?? {}).flatMap(([f, e]) =>
    e === end ? [f] : [],
  );
}

/**
 * Every item field holding the related node: the node field, then the narrowed ones
 * (`participants { person { … } }`); empty when the items are the related nodes.
 */
export function nodeFieldsOf(relation: Relation): string[] {
  const nodeField = nodeFieldOf(relation);
  if (!nodeField || !relation.item || !relation.nodeEnd) return [];
  return [nodeField, ...narrowedFields(relation.item, relation.nodeEnd)];
}

/**
 * The selections of a relation's related nodes in its items' selections `itemFields`, each
 * with the type it selects on: the node fields' (a narrowed one's own type: `person` is a
 * Person), or, when the items are the related nodes, the items' own (`nodeType`).
 */
export function relatedSetsOf(
  schema: GraphQLSchema,
  relation: Relation,
  nodeType: string | null,
  itemFields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): TypedSet[] {
  const nodeFields = nodeFieldsOf(relation);
  if (nodeFields.length === 0) {
    return itemFields.map((f) => ({ set: f.selectionSet, type: nodeType }));
  }
  const itemTypes = relation.item ? ITEM_KINDS[relation.item].types : [];
  const typeOf = (name: string) =>
    name === nodeFields[0]
      ? nodeType
      : (itemTypes.map((t) => fieldTypeOf(schema, t, name)).find((t) => t !== null) ?? null);
  return itemFields.flatMap((f) =>
    selectedFields(f.selectionSet, fragments)
      .filter((sub) => nodeFields.includes(sub.name.value))
      .map((sub) => ({ set: sub.selectionSet, type: typeOf(sub.name.value) })),
  );
}

/**
 * The item fields that give back the anchor, when the relationship touches it: `meetings {
 * person { … } }` below a person reads that person. (A country's officials reach it through a
 * path: their items' ends are other nodes.)
 */
export function anchorFieldsOf(relation: Relation): string[] {
  if (!relation.item || relation.ends === 'via-path' || relation.ends === 'none') return [];
  const anchorEnd = relation.nodeEnd === 'target' ? 'source' : 'target';
  const own = ITEM_KINDS[relation.item][anchorEnd];
  return own === undefined ? [] : [own, ...narrowedFields(relation.item, anchorEnd)];
}

/**
 * The fields of a relation's items that read no relationship property (the ends, which come
 * from the nodes); null when the items are the related nodes, which never need them.
 */
export function endFieldsOf(relation: Relation): ReadonlySet<string> | null {
  if (!relation.item) return null;
  const { source, target, node, narrowed } = ITEM_KINDS[relation.item];
  const ends = [source, target, node, ...Object.keys(narrowed ?? {})];
  return new Set(['__typename', ...ends.filter((f) => f !== undefined)]);
}

/** Whether look-ahead fetches the relation ahead of its resolver. */
export const isPrefetched = (relation: Relation): boolean =>
  !relation.item || ITEM_KINDS[relation.item].prefetch;

/**
 * Fields that lead to a node by a property of the parent, not by a relationship (a fact's or a
 * sentence's `article`, by its articleId), and the entities' mentions (pages of sentences with
 * the forms found, read by their own loader): no registry entries. An interface's key holds for
 * every type implementing it.
 */
const NOT_REGISTRY_FIELDS: ReadonlySet<string> = new Set([
  'Quote.article',
  'Claim.article',
  'NumericFact.article',
  'Sentence.article',
  'Entity.mentions',
]);

function isNotRegistryField(schema: GraphQLSchema, type: string, field: string): boolean {
  if (NOT_REGISTRY_FIELDS.has(`${type}.${field}`)) return true;
  const object = schema.getType(type);
  return (
    (isObjectType(object) || isInterfaceType(object)) &&
    object.getInterfaces().some((i) => NOT_REGISTRY_FIELDS.has(`${i.name}.${field}`))
  );
}

/** The object types a named type stands for (an abstract type: its possible types). */
function objectTypesOf(schema: GraphQLSchema, type: GraphQLNamedType): string[] {
  if (isObjectType(type)) return [type.name];
  if (isAbstractType(type)) return schema.getPossibleTypes(type).map((t) => t.name);
  return [];
}

const implementsNode = (schema: GraphQLSchema, type: GraphQLNamedType): boolean =>
  (isObjectType(type) || isInterfaceType(type)) &&
  (type.name === 'Node' || type.getInterfaces().some((i) => i.name === 'Node'));

/** Whether a named type is made of nodes: a Node type, or an abstract type of Node types. */
function isNodeType(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  const objects = objectTypesOf(schema, type);
  return objects.length > 0 && objects.every((t) => implementsNode(schema, schema.getType(t)!));
}

const ITEM_TYPES: ReadonlySet<string> = new Set(Object.values(ITEM_KINDS).flatMap((k) => k.types));

/**
 * Arguments a relation field may take that leave what is fetched alone: its resolver filters
 * the items it is given (`asOf` keeps the office holdings of one day). A connection takes its
 * page arguments only: a filter applied after a page is read would break the page.
 */
const ITEM_FILTER_ARGUMENTS: ReadonlySet<string> = new Set(['asOf']);
const PAGE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'after', 'last', 'before']);

/** The type of a field's items: a connection's `edges.node`, or the field's own named type. */
function itemTypeOf(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown>,
): GraphQLNamedType | undefined {
  const returned = getNamedType(field.type);
  const item = itemTypeOfType(schema, returned.name);
  return item === null ? undefined : schema.getType(item);
}

/**
 * Whether the schema's field `type.field` is a relation field: a field of a Node type that
 * returns nodes or relationship items (a list, or a connection of them), without arguments
 * beyond item filters (a connection: beyond its page arguments), and is not served outside
 * the registry.
 */
function isRelationField(
  schema: GraphQLSchema,
  type: string,
  field: GraphQLField<unknown, unknown>,
): boolean {
  const connection = isConnectionType(schema, getNamedType(field.type).name);
  const allowed = connection ? PAGE_ARGUMENTS : ITEM_FILTER_ARGUMENTS;
  if (field.args.some((a) => !allowed.has(a.name)) || isNotRegistryField(schema, type, field.name))
    return false;
  const items = itemTypeOf(schema, field);
  return items !== undefined && (isNodeType(schema, items) || ITEM_TYPES.has(items.name));
}

/** The type of a relation's related nodes as the schema says: the items' node field's, or the field's. */
function relatedNodeType(
  schema: GraphQLSchema,
  relation: Relation,
  returned: GraphQLNamedType,
): GraphQLNamedType | undefined {
  if (!relation.item) return returned;
  const nodeField = nodeFieldOf(relation);
  if (!nodeField) return undefined;
  // The field's type is the item type (entryProblem checks it first).
  const field = isObjectType(returned) ? returned.getFields()[nodeField] : undefined;
  return field ? getNamedType(field.type) : undefined;
}

/** What is wrong with one registry entry against the schema; null when nothing. */
function entryProblem(schema: GraphQLSchema, relation: Relation): string | null {
  const owner = schema.getType(relation.type);
  const field =
    isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[relation.field] : undefined;
  if (!field) return 'no such field in the schema';
  if (!isRelationField(schema, relation.type, field)) {
    return 'not a relation field (arguments, or no nodes or items)';
  }
  const returned = itemTypeOf(schema, field);
  if (!returned) return 'its items have no type';
  const item = relation.item ? ITEM_KINDS[relation.item] : null;
  if (item && !item.types.includes(returned.name)) {
    return `items of kind ${relation.item} are ${item.types.join(' or ')}, not ${returned.name}`;
  }
  const nodeType = relatedNodeType(schema, relation, returned);
  if (!nodeType) {
    return nodeFieldOf(relation) ? `${returned.name} has no field ${nodeFieldOf(relation)}` : null;
  }
  const objects = objectTypesOf(schema, nodeType);
  const labels = relation.nodeLabels;
  const agrees =
    labels.includes(nodeType.name) ||
    (labels.length === objects.length && labels.every((l) => objects.includes(l)));
  return agrees ? null : `related nodes ${labels.join('|')}, the field returns ${nodeType.name}`;
}

/**
 * Where the registry and the schema disagree, one line each (none: they agree): a relation
 * field of an object type without an entry (its own or an interface's), an entry naming no
 * field or a field that is no relation field, an item kind of another type than the field's,
 * and related-node labels other than the field's (or its items' node field's) types.
 */
export function registryMismatches(
  schema: GraphQLSchema,
  relations: Relations = RELATIONS,
): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !implementsNode(schema, type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (
        isRelationField(schema, type.name, field) &&
        !relationFor(schema, type.name, field.name, relations)
      ) {
        problems.push(`${type.name}.${field.name}: a relation field without a registry entry`);
      }
    }
  }
  for (const relation of Object.values(relations)) {
    const problem = entryProblem(schema, relation);
    if (problem) problems.push(`${relation.name}: ${problem}`);
  }
  return problems;
}
