/** Entity types: the fields every entity shares, and each kind's relationships. */
import type {
  DiscussionModel,
  FactStatementModel,
  PlainValue,
  EntityModel,
  MeetingParticipationModel,
  MentionConnectionModel,
  OfficeHoldingModel,
} from '../../graph/model.js';
import { isPartialModel } from '../../graph/nodes.js';
import { MENTION_SORT_FIELD } from '../../graph/mentions.js';
import { encodeCursor } from '../../graph/cursor.js';
import type { RelationName } from '../../graph/relations.js';
import type { Language, Resolvers } from '../../generated/graphql.js';
import { afterCursor, pageSize } from '../args.js';
import type { GraphQLContext } from '../context.js';
import type { RelatedItem } from '../loaders.js';
import type { SelectionInfo } from '../lookahead.js';
import {
  firstRelated,
  KIND_OF_TYPE,
  pageInfoOf,
  propString,
  related,
  relatedEntities,
  relatedOf,
  statementOf,
  whenReady,
  type MaybePromise,
} from './shared.js';
import { isEntityModel } from '../../graph/convert.js';

const DEFAULT_MENTIONS_PAGE = 20;

async function mentions(
  entity: EntityModel,
  args: { first?: number | null; after?: string | null },
  ctx: GraphQLContext,
): Promise<MentionConnectionModel> {
  const size = pageSize('first', args.first, DEFAULT_MENTIONS_PAGE, ctx.config.graphql.maxPageSize);
  const after = afterCursor('after', args.after, MENTION_SORT_FIELD);
  const rows = await ctx.loaders.mentionPage.load({ entityId: entity.id, limit: size + 1, after });
  const edges = rows.slice(0, size).map((row) => {
    ctx.loaders.node.prime(row.sentence.id, row.sentence);
    return {
      cursor: encodeCursor({ field: MENTION_SORT_FIELD, key: row.sortKey, id: row.sentence.id }),
      node: row.sentence,
      forms: row.forms,
      count: row.count,
    };
  });
  return {
    edges,
    pageInfo: pageInfoOf(edges, rows.length > size, after),
    totalCount: () => ctx.loaders.mentionCount.load(entity.id),
  };
}

function nameIn(entity: EntityModel, lang: Language | null | undefined): string {
  if (lang === 'KK') return entity.nameKk;
  if (lang === 'RU') return entity.nameRu;
  return entity.nameEn;
}

/** Fields every entity type resolves the same way. */
const entityFields = {
  kind: (e: EntityModel) => KIND_OF_TYPE[e.__typename],
  name: (e: EntityModel, args: { lang?: Language | null }) => nameIn(e, args.lang),
  names: (e: EntityModel) => ({ kk: e.nameKk, ru: e.nameRu, en: e.nameEn }),
  mentions: (
    e: EntityModel,
    args: { first?: number | null; after?: string | null },
    ctx: GraphQLContext,
  ) => mentions(e, args, ctx),
  statementsAbout: (e: EntityModel, _: unknown, ctx: GraphQLContext, info: SelectionInfo) =>
    relatedOf(ctx, info, 'statementsAbout', e.id, 'Quote', 'Claim', 'NumericFact'),
};

/**
 * The items of a relationship field (holdings, participations, discussions) with both ends of
 * each edge as models, so a list costs no extra round trip per item. Each item stands for the
 * edge's parallel relationships: `statements` has one entry per article that states it.
 */
/** The statements of an item read without relationship properties (shared; never mutated). */
const NO_FACTS: FactStatementModel[] = Object.freeze([]) as never;

/** Makes an item model from its statements (and their relationships' properties) and ends. */
type BuildItem<T> = (
  statements: FactStatementModel[],
  props: Array<Record<string, PlainValue>>,
  source: EntityModel,
  target: EntityModel,
) => T;

function withEnds<T>(
  ctx: GraphQLContext,
  anchor: EntityModel,
  relation: RelationName,
  info: SelectionInfo,
  build: BuildItem<T>,
): MaybePromise<T[]> {
  // A partial anchor (read with only what its selection needs) is no node for the cache; it
  // still answers as an end: its projection counts what is selected through the ends.
  if (!isPartialModel(anchor)) ctx.loaders.node.prime(anchor.id, anchor);
  return whenReady(related(ctx, info, relation, anchor.id), (items) => {
    // Each end is the anchor or the related node at hand, except when the relationship does not
    // touch the anchor (a country's officials): only then ask the node loader. No promise per
    // end keeps long lists (a person's 200 meetings, each with its topics) cheap.
    const built: Array<MaybePromise<T | null>> = [];
    let pending = false;
    for (const item of items) {
      const source = endOf(ctx, anchor, item, item.sourceId);
      const target = endOf(ctx, anchor, item, item.targetId);
      if (source instanceof Promise || target instanceof Promise) {
        pending = true;
        built.push(Promise.all([source, target]).then(([s, t]) => buildItem(item, s, t, build)));
      } else {
        built.push(buildItem(item, source, target, build));
      }
    }
    const kept = (all: Array<T | null>) => all.filter((b): b is Awaited<T> => b !== null) as T[];
    return pending ? Promise.all(built).then(kept) : kept(built as Array<T | null>);
  });
}

/** An item's end: the anchor, the related node, or (for a path) a node to load. */
function endOf(
  ctx: GraphQLContext,
  anchor: EntityModel,
  item: RelatedItem,
  id: string | null,
): MaybePromise<EntityModel | null> {
  if (id === null) return null;
  const known = id === anchor.id ? anchor : id === item.node.id ? item.node : null;
  if (known) return isEntityModel(known) ? known : null;
  return ctx.loaders.node.load(id).then((n) => (n && isEntityModel(n) ? n : null));
}

function buildItem<T>(
  item: RelatedItem,
  source: EntityModel | null,
  target: EntityModel | null,
  build: BuildItem<T>,
): T | null {
  if (!source || !target) return null;
  const statements = item.statements.length === 0 ? NO_FACTS : item.statements.map(statementOf);
  return build(statements, item.statements, source, target);
}

/** The first statement's value of a qualifier that statements may leave unset. */
function firstOf(props: Array<Record<string, PlainValue>>, key: string): string | null {
  for (const p of props) {
    const value = propString(p, key);
    if (value !== null) return value;
  }
  return null;
}

/** The latest value of a date qualifier (ISO dates sort as strings). */
function latestOf(props: Array<Record<string, PlainValue>>, key: string): string | null {
  let latest: string | null = null;
  for (const p of props) {
    const value = propString(p, key);
    if (value !== null && (latest === null || value > latest)) latest = value;
  }
  return latest;
}

const holdings = (
  ctx: GraphQLContext,
  anchor: EntityModel,
  relation: RelationName,
  info: SelectionInfo,
) =>
  withEnds<OfficeHoldingModel>(
    ctx,
    anchor,
    relation,
    info,
    (statements, props, person, office) => ({
      statements,
      person,
      office,
      asOf: latestOf(props, 'asOf'),
    }),
  );

const participations = (
  ctx: GraphQLContext,
  anchor: EntityModel,
  relation: RelationName,
  info: SelectionInfo,
) =>
  withEnds<MeetingParticipationModel>(
    ctx,
    anchor,
    relation,
    info,
    (statements, props, person, meeting) => ({
      statements,
      person,
      meeting,
      officeId: firstOf(props, 'officeId'),
      countryId: firstOf(props, 'countryId'),
    }),
  );

const discussions = (
  ctx: GraphQLContext,
  anchor: EntityModel,
  relation: RelationName,
  info: SelectionInfo,
) =>
  withEnds<DiscussionModel>(ctx, anchor, relation, info, (statements, props, meeting, subject) => ({
    statements,
    meeting,
    subject,
    // The framing is the same for all statements of an item (relations.ts groups by it).
    framing: firstOf(props, 'framing'),
    raisedById: firstOf(props, 'raisedById'),
  }));

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: (e) => e.__typename },
  Country: {
    ...entityFields,
    governments: (e, _, ctx, info) =>
      relatedOf(ctx, info, 'countryGovernments', e.id, 'Organization'),
    officials: (e, _, ctx, info) => holdings(ctx, e, 'countryOfficials', info),
    representedAt: (e, _, ctx, info) => participations(ctx, e, 'countryRepresentedAt', info),
    places: (e, _, ctx, info) => relatedOf(ctx, info, 'placesIn', e.id, 'Place'),
  },
  Person: {
    ...entityFields,
    offices: (e, _, ctx, info) => holdings(ctx, e, 'personOffices', info),
    meetings: (e, _, ctx, info) => participations(ctx, e, 'personMeetings', info),
    quotes: (e, _, ctx, info) => relatedOf(ctx, info, 'personQuotes', e.id, 'Quote'),
    claims: (e, _, ctx, info) => relatedOf(ctx, info, 'personClaims', e.id, 'Claim'),
    statedFigures: (e, _, ctx, info) => relatedOf(ctx, info, 'personFigures', e.id, 'NumericFact'),
  },
  Office: {
    ...entityFields,
    holders: (e, _, ctx, info) => holdings(ctx, e, 'officeHolders', info),
    organization: (e, _, ctx, info) =>
      firstRelated(ctx, info, 'officeOrganization', e.id, 'Organization'),
  },
  Organization: {
    ...entityFields,
    governmentOf: (e, _, ctx, info) =>
      firstRelated(ctx, info, 'organizationGovernmentOf', e.id, 'Country'),
    partOf: (e, _, ctx, info) =>
      firstRelated(ctx, info, 'organizationPartOf', e.id, 'Organization'),
    parts: (e, _, ctx, info) => relatedOf(ctx, info, 'organizationParts', e.id, 'Organization'),
    offices: (e, _, ctx, info) => relatedOf(ctx, info, 'organizationOffices', e.id, 'Office'),
    reportedMeetings: (e, _, ctx, info) =>
      relatedOf(ctx, info, 'organizationReportedMeetings', e.id, 'Meeting'),
    sessions: (e, _, ctx, info) => relatedOf(ctx, info, 'organizationSessions', e.id, 'Event'),
    sourcedArticles: (e, _, ctx, info) =>
      relatedOf(ctx, info, 'organizationArticles', e.id, 'Article'),
  },
  Place: {
    ...entityFields,
    locatedIn: (e, _, ctx, info) => relatedEntities(ctx, info, 'placeLocatedIn', e.id),
    places: (e, _, ctx, info) => relatedOf(ctx, info, 'placesIn', e.id, 'Place'),
    events: (e, _, ctx, info) => relatedOf(ctx, info, 'placeEvents', e.id, 'Event'),
    meetings: (e, _, ctx, info) => relatedOf(ctx, info, 'placeMeetings', e.id, 'Meeting'),
  },
  Event: {
    ...entityFields,
    heldIn: (e, _, ctx, info) => relatedOf(ctx, info, 'heldIn', e.id, 'Place'),
    sessionOf: (e, _, ctx, info) => firstRelated(ctx, info, 'eventSessionOf', e.id, 'Organization'),
    sideMeetings: (e, _, ctx, info) => relatedOf(ctx, info, 'eventSideMeetings', e.id, 'Meeting'),
  },
  Meeting: {
    ...entityFields,
    participants: (e, _, ctx, info) => participations(ctx, e, 'meetingParticipants', info),
    heldIn: (e, _, ctx, info) => relatedOf(ctx, info, 'heldIn', e.id, 'Place'),
    onSidelinesOf: (e, _, ctx, info) =>
      firstRelated(ctx, info, 'meetingOnSidelinesOf', e.id, 'Event'),
    reportedBy: (e, _, ctx, info) =>
      relatedOf(ctx, info, 'meetingReportedBy', e.id, 'Organization'),
    discussed: (e, _, ctx, info) => discussions(ctx, e, 'meetingDiscussed', info),
    quotes: (e, _, ctx, info) => relatedOf(ctx, info, 'meetingQuotes', e.id, 'Quote'),
    claims: (e, _, ctx, info) => relatedOf(ctx, info, 'meetingClaims', e.id, 'Claim'),
  },
  InfrastructureProject: {
    ...entityFields,
    discussedAt: (e, _, ctx, info) => discussions(ctx, e, 'discussedAt', info),
  },
  Document: { ...entityFields },
  Topic: {
    ...entityFields,
    discussedAt: (e, _, ctx, info) => discussions(ctx, e, 'discussedAt', info),
    about: (e, _, ctx, info) => relatedEntities(ctx, info, 'topicAbout', e.id),
  },
};
