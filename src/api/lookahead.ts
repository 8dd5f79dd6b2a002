/**
 * Look-ahead: which relations a query will ask of the node a root field returns, read from the
 * field's selection set, so the node and those relations come back in one statement
 * (`Loaders.nodeWith`) instead of one statement per level.
 *
 * RELATION_FIELDS mirrors the resolvers that return `related(ctx, <relation>, parent.id)` for a
 * field without arguments (entities.ts, provenance.ts): prefetching such a field gives exactly
 * what its resolver would load.
 */
import {
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { NodeProjection } from '../graph/nodes.js';
import type { PrefetchTree, RelationFetch, RelationName } from '../graph/relations.js';

export const RELATION_FIELDS: Record<string, Record<string, RelationName>> = {
  Person: {
    offices: 'personOffices',
    meetings: 'personMeetings',
    quotes: 'personQuotes',
    claims: 'personClaims',
    statedFigures: 'personFigures',
  },
  Office: { holders: 'officeHolders', organization: 'officeOrganization' },
  Organization: {
    governmentOf: 'organizationGovernmentOf',
    partOf: 'organizationPartOf',
    parts: 'organizationParts',
    offices: 'organizationOffices',
    reportedMeetings: 'organizationReportedMeetings',
    sessions: 'organizationSessions',
    sourcedArticles: 'organizationArticles',
  },
  Country: {
    governments: 'countryGovernments',
    officials: 'countryOfficials',
    places: 'placesIn',
  },
  Place: {
    locatedIn: 'placeLocatedIn',
    places: 'placesIn',
    events: 'placeEvents',
    meetings: 'placeMeetings',
  },
  Event: { heldIn: 'heldIn', sessionOf: 'eventSessionOf', sideMeetings: 'eventSideMeetings' },
  Meeting: {
    participants: 'meetingParticipants',
    heldIn: 'heldIn',
    onSidelinesOf: 'meetingOnSidelinesOf',
    reportedBy: 'meetingReportedBy',
    discussed: 'meetingDiscussed',
    quotes: 'meetingQuotes',
    claims: 'meetingClaims',
  },
  InfrastructureProject: { discussedAt: 'discussedAt' },
  Topic: { discussedAt: 'discussedAt', about: 'topicAbout' },
  Article: {
    source: 'articleSource',
    sentences: 'articleSentences',
    quotes: 'articleQuotes',
    claims: 'articleClaims',
    numericFacts: 'articleNumericFacts',
  },
  Sentence: { mentions: 'sentenceMentions', facts: 'sentenceFacts' },
};

/**
 * Relations whose resolvers read their relationships' properties (provenance, qualifiers), and
 * the fields of the item type that do not: the two ends, which come from the nodes. A selection
 * of ends only is fetched without the properties. Every other relation's resolver reads only
 * the related nodes, so it never needs them.
 */
const ENDS_OF: Partial<Record<RelationName, ReadonlySet<string>>> = (() => {
  const holding = new Set(['__typename', 'person', 'office']);
  const participation = new Set(['__typename', 'person', 'meeting']);
  const discussion = new Set(['__typename', 'meeting', 'subject']);
  return {
    personOffices: holding,
    officeHolders: holding,
    countryOfficials: holding,
    personMeetings: participation,
    meetingParticipants: participation,
    countryRepresentedAt: participation,
    meetingDiscussed: discussion,
    discussedAt: discussion,
    sentenceMentions: new Set(['__typename', 'entity']),
  };
})();

/**
 * For relations whose field returns items (holdings, participations…), the item field that
 * holds the related node; every other relation's field returns the related nodes themselves.
 */
const NODE_FIELD_OF: Partial<Record<RelationName, string>> = {
  personOffices: 'office',
  officeHolders: 'person',
  countryOfficials: 'person',
  personMeetings: 'meeting',
  meetingParticipants: 'person',
  countryRepresentedAt: 'person',
  meetingDiscussed: 'subject',
  discussedAt: 'meeting',
  sentenceMentions: 'entity',
};

/**
 * The node properties a field of a node type reads, for every type that has the field. Fields
 * that read nothing but the id and type (`id`, the kind, and the fields that navigate from the
 * node's id: RELATION_FIELDS, mentions, statementsAbout) read none. A selection of fields listed
 * here is answered from a node read with just those properties; any other field needs the
 * whole node: a field missing here costs bytes, never a wrong answer.
 */
const FIELD_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['__typename', []],
  ['id', []],
  ['kind', []],
  ['mentions', []],
  ['statementsAbout', []],
  ...Object.values(RELATION_FIELDS).flatMap((fields) =>
    Object.keys(fields).map((field): [string, string[]] => [field, []]),
  ),
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
  relation: RelationName,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const ends = ENDS_OF[relation];
  if (!ends) return false;
  for (const field of fields) {
    for (const name of fieldNames(field.selectionSet, fragments)) if (!ends.has(name)) return true;
  }
  return false;
}

/**
 * The item field that gives back the anchor, for relations whose items (holdings,
 * participations, discussions) have one: `meetings { person { … } }` below a person reads that
 * person. (A country's officials and representatives reach it through a path: their items'
 * ends are other nodes.)
 */
const ANCHOR_FIELD_OF: Partial<Record<RelationName, string>> = {
  personOffices: 'person',
  officeHolders: 'office',
  personMeetings: 'person',
  meetingParticipants: 'meeting',
  meetingDiscussed: 'meeting',
  discussedAt: 'subject',
};

/** Field name → the anchor fields of its items, on whichever type the field is. */
const ANCHOR_FIELDS_BY_NAME: ReadonlyMap<string, readonly string[]> = (() => {
  const byName = new Map<string, string[]>();
  for (const fields of Object.values(RELATION_FIELDS)) {
    for (const [name, relation] of Object.entries(fields)) {
      const anchorField = ANCHOR_FIELD_OF[relation];
      if (anchorField) byName.set(name, [...(byName.get(name) ?? []), anchorField]);
    }
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
  relation: RelationName,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): NodeProjection {
  const itemField = NODE_FIELD_OF[relation];
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
  relation: RelationName,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): RelationFetch {
  return {
    relation,
    relProps: needsRelProps(relation, fields, fragments),
    nodeProps: nodeProjectionOf(relation, fields, fragments),
  };
}

/** For a resolver of a field navigating `relation`: how much of it the selection reads. */
export function fetchFor(
  relation: RelationName,
  info: Pick<SelectionInfo, 'fieldNodes' | 'fragments'>,
): RelationFetch {
  // graphql-js hands every item of a list the same fieldNodes array: a meeting's `discussed`
  // resolved for 500 meetings reads its selection once.
  let byRelation = fetchCache.get(info.fieldNodes);
  if (!byRelation) {
    byRelation = new Map();
    fetchCache.set(info.fieldNodes, byRelation);
  }
  let fetch = byRelation.get(relation);
  if (!fetch) {
    fetch = fetchOf(relation, info.fieldNodes, info.fragments);
    byRelation.set(relation, fetch);
  }
  return fetch;
}

const fetchCache = new WeakMap<readonly FieldNode[], Map<RelationName, RelationFetch>>();

/** The part of GraphQLResolveInfo look-ahead reads. */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  returnType: GraphQLOutputType;
}

/** How many levels of relations below a root field one look-ahead statement fetches. */
export const LOOKAHEAD_DEPTH = 3;

/**
 * The relations the selection sets `sets` ask for, on a node of type `type` (null: any type,
 * e.g. below `Node`), each with the field nodes that ask for it and the type they are on.
 */
function relationsIn(
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  type: string | null,
  fragments: Record<string, FragmentDefinitionNode>,
): Map<RelationName, { fields: FieldNode[]; onType: string }> {
  const found = new Map<RelationName, { fields: FieldNode[]; onType: string }>();
  const visit = (set: SelectionSetNode | undefined, on: string | null, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const types = on && RELATION_FIELDS[on] ? [on] : Object.keys(RELATION_FIELDS);
        for (const t of types) {
          const relation = RELATION_FIELDS[t]?.[selection.name.value];
          if (!relation) continue;
          const entry = found.get(relation) ?? { fields: [], onType: t };
          entry.fields.push(selection);
          found.set(relation, entry);
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

/** The object type a field returns (through lists and non-null); null when abstract or unknown. */
function objectTypeOf(schema: GraphQLSchema, type: string, field: string): string | null {
  const owner = schema.getType(type);
  if (!isObjectType(owner)) return null;
  const named = owner.getFields()[field] ? getNamedType(owner.getFields()[field]!.type) : null;
  return named && isObjectType(named) ? named.name : null;
}

/**
 * The relations a selection asks for, level by level (up to `depth`): for each relation field,
 * the relation fields selected on its related nodes (through the item's node field for
 * holdings, participations…), and so on. Fields count for the type they are selected on; on an
 * abstract type (Node, Entity, a union), for every type.
 */
function treesIn(
  schema: GraphQLSchema,
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  type: string | null,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
): PrefetchTree[] {
  if (depth <= 0) return [];
  return [...relationsIn(sets, type, fragments)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([relation, { fields, onType }]) => {
      const nodeField = NODE_FIELD_OF[relation];
      const fieldName = fields[0]!.name.value;
      // The related node's selections and type: the item's node field, or the field itself.
      const itemType = objectTypeOf(schema, onType, fieldName);
      const nodeType = nodeField && itemType ? objectTypeOf(schema, itemType, nodeField) : itemType;
      const nodeSets = nodeField
        ? fields.flatMap((f) =>
            selectedFields(f.selectionSet, fragments)
              .filter((sub) => sub.name.value === nodeField)
              .map((sub) => sub.selectionSet),
          )
        : fields.map((f) => f.selectionSet);
      return {
        fetch: fetchOf(relation, fields, fragments),
        children: treesIn(schema, nodeSets, nodeType, fragments, depth - 1),
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
): PrefetchTree[] {
  return memoized(info, `trees:${depth}:${path.join('.')}`, () => {
    const { sets, type } = selectionsAt(info, path);
    return treesIn(info.schema, sets, type, info.fragments, depth);
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
    type = type ? objectTypeOf(info.schema, type, step) : null;
  }
  return { sets, type };
}
