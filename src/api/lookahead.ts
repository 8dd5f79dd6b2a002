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
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import type { RelationFetch, RelationName } from '../graph/relations.js';

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
 * Fields that read nothing of their node but its id and type: `id`, the kind, and the fields
 * that navigate from the node's id (RELATION_FIELDS, mentions, statementsAbout). A selection of
 * only these is answered from a node read as labels and id. Any other field (a name, a date…)
 * needs the whole node: a field missing here costs bytes, never a wrong answer.
 */
const ID_ONLY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'kind',
  'mentions',
  'statementsAbout',
  ...Object.values(RELATION_FIELDS).flatMap((fields) => Object.keys(fields)),
]);

/** The names of the fields selected directly in `set` (through fragments, not below them). */
function fieldNames(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const field of selectedFields(set, fragments, [], seen)) out.add(field.name.value);
  return out;
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

/** Whether the selection of a field navigating `relation` reads more of the related nodes than ids. */
function needsNodeProps(
  relation: RelationName,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const itemField = NODE_FIELD_OF[relation];
  const nodeSelections = itemField
    ? fields.flatMap((field) =>
        selectedFields(field.selectionSet, fragments).filter((f) => f.name.value === itemField),
      )
    : fields;
  for (const field of nodeSelections) {
    for (const name of fieldNames(field.selectionSet, fragments)) {
      if (!ID_ONLY_FIELDS.has(name)) return true;
    }
  }
  return false;
}

function fetchOf(
  relation: RelationName,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): RelationFetch {
  return {
    relation,
    relProps: needsRelProps(relation, fields, fragments),
    nodeProps: needsNodeProps(relation, fields, fragments),
  };
}

/** For a resolver of a field navigating `relation`: how much of it the selection reads. */
export function fetchFor(
  relation: RelationName,
  info: Pick<SelectionInfo, 'fieldNodes' | 'fragments'>,
): RelationFetch {
  return fetchOf(relation, info.fieldNodes, info.fragments);
}

/** The part of GraphQLResolveInfo look-ahead reads. */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
  returnType: GraphQLOutputType;
}

/**
 * The relations the selection of the current field asks for, on whichever type the node turns
 * out to be (a relation on another type finds nothing: its pattern starts from its own label).
 * Fields count for the type they are selected on (the field's own type, or a fragment's type
 * condition); on an abstract type (Node, Entity), for every type.
 */
export function lookaheadRelations(info: SelectionInfo): RelationFetch[] {
  const found = new Map<RelationName, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined, type: string | null, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const types = type && RELATION_FIELDS[type] ? [type] : Object.keys(RELATION_FIELDS);
        for (const t of types) {
          const relation = RELATION_FIELDS[t]?.[selection.name.value];
          if (relation) found.set(relation, [...(found.get(relation) ?? []), selection]);
        }
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, selection.typeCondition?.name.value ?? type, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        seen.add(selection.name.value);
        if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value, seen);
      }
    }
  };
  const rootType = getNamedType(info.returnType).name;
  for (const field of info.fieldNodes) visit(field.selectionSet, rootType, new Set());
  return [...found.keys()]
    .sort()
    .map((relation) => fetchOf(relation, found.get(relation)!, info.fragments));
}
