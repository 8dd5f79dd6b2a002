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
import type { RelationName } from '../graph/relations.js';

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
export function lookaheadRelations(info: SelectionInfo): RelationName[] {
  const found = new Set<RelationName>();
  const visit = (set: SelectionSetNode | undefined, type: string | null, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const types = type && RELATION_FIELDS[type] ? [type] : Object.keys(RELATION_FIELDS);
        for (const t of types) {
          const relation = RELATION_FIELDS[t]?.[selection.name.value];
          if (relation) found.add(relation);
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
  return [...found].sort();
}
