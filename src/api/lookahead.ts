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

/** The names of the fields selected directly in `set` (through fragments, not below them). */
function fieldNames(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') out.add(selection.name.value);
    else if (selection.kind === 'InlineFragment')
      fieldNames(selection.selectionSet, fragments, out, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fieldNames(fragments[selection.name.value]?.selectionSet, fragments, out, seen);
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

/** For a resolver: whether the current field (navigating `relation`) needs relationship props. */
export function relPropsWanted(
  relation: RelationName,
  info: Pick<SelectionInfo, 'fieldNodes' | 'fragments'>,
): boolean {
  return needsRelProps(relation, info.fieldNodes, info.fragments);
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
  return [...found.keys()].sort().map((relation) => ({
    relation,
    relProps: needsRelProps(relation, found.get(relation)!, info.fragments),
  }));
}
