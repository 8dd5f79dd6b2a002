/**
 * The resolvers of the relation fields, derived from the registry (graph/relations.ts): one per
 * entry, placed on the entry's type (an interface's entry is inherited by its implementing types:
 * the schema is built with inheritResolversFromInterfaces). A field whose items are the related
 * nodes answers them (the first, for a field that is not a list); an item kind builds its items
 * from the relationship's ends and properties.
 */
import { getNamedType, getNullableType, isListType, type GraphQLResolveInfo } from 'graphql';
import { encodeCursor } from '../../graph/cursor.js';
import { isEntityModel, propString, propStrings } from '../../graph/convert.js';
import {
  LINK_TYPE_NAMES,
  type AppointmentModel,
  type ConnectionModel,
  type DiscussionModel,
  type EntityModel,
  type EventParticipationModel,
  type EvidenceModel,
  type FactStatementModel,
  type LinkModel,
  type LinkTypeName,
  type MeetingParticipationModel,
  type MentionModel,
  type NodeModel,
  type OfficeHoldingModel,
  type PlainValue,
  type SignatureModel,
} from '../../graph/model.js';
import { RELATIONS, type ItemKind, type Relation } from '../../graph/relations.js';
import type { GraphQLContext } from '../context.js';
import { isPartialModel } from '../node-models.js';
import type { RelatedItem } from '../loaders.js';
import type { Relations } from '../relation-fields.js';
import { pageWindow, type PageArgs } from '../args.js';
import { pageOfArgs } from '../relation-pages.js';
import { isConnectionType, itemTypeOfType } from '../selection.js';
import {
  pageInfoOf,
  related,
  relatedSet,
  statementOf,
  whenReady,
  type MaybePromise,
} from './shared.js';

/** A relation field's resolver: the parent is a node model of the entry's type. */
type RelationResolver = (
  parent: NodeModel,
  args: unknown,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
) => unknown;

/** Resolvers by type and field, for every entry of `relations`. */
export function relationResolvers(
  relations: Relations = RELATIONS,
): Record<string, Record<string, RelationResolver>> {
  const byType: Record<string, Record<string, RelationResolver>> = {};
  for (const relation of Object.values(relations)) {
    (byType[relation.type] ??= {})[relation.field] = resolverOf(relation);
  }
  return byType;
}

/**
 * Builds a relation's item models from its related items, one per item in order (null for an
 * item that cannot be built: an end missing), so a connection can pair them with their cursors.
 */
type ItemBuilder = (
  anchor: NodeModel,
  items: RelatedItem[],
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
) => MaybePromise<Array<unknown>>;

function resolverOf(relation: Relation): RelationResolver {
  const build = relation.item === null ? nodesOf : ITEM_BUILDERS[relation.item](relation);
  const filter = relation.item === 'holding' ? holdingsOn : null;
  return (parent, args, ctx, info) => {
    const returned = getNamedType(info.returnType).name;
    if (isConnectionType(info.schema, returned)) {
      return connectionOf(relation, build, parent, args as PageArgs, ctx, info);
    }
    const many = isListType(getNullableType(info.returnType));
    return whenReady(related(ctx, info, relation, parent.id), (items) =>
      whenReady(build(parent, items, ctx, info), (built) => {
        const kept = built.filter((b) => b !== null);
        if (!many) return kept[0] ?? null;
        return filter ? filter(kept as OfficeHoldingModel[], args) : kept;
      }),
    );
  };
}

/**
 * A connection relation field's page: the statement read it by keyset on the relation's sort
 * key (reversed for `last`), `size + 1` items deep; here it is flipped back into list order and
 * each item gets its cursor (the relation's name and the item's sort key).
 */
function connectionOf(
  relation: Relation,
  build: ItemBuilder,
  parent: NodeModel,
  args: PageArgs,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): MaybePromise<ConnectionModel<unknown>> {
  // The arguments' errors first, located at this field (the fetch reads the same page).
  const window = pageWindow(args, relation.name, ctx.config.graphql.maxPageSize);
  pageOfArgs(args, relation, ctx.config.graphql.maxPageSize, false);
  return whenReady(relatedSet(ctx, info, relation, parent.id), (set) => {
    const items = window.backward ? [...set.items].reverse() : set.items;
    return whenReady(build(parent, items, ctx, info), (built) => {
      const edges = items.flatMap((item, i) =>
        built[i] === null || built[i] === undefined
          ? []
          : [
              {
                cursor: encodeCursor({
                  field: relation.name,
                  key: item.sortKey ?? [],
                  id: item.node.id,
                }),
                node: built[i],
              },
            ],
      );
      const total = set.total;
      return {
        edges,
        pageInfo: pageInfoOf(edges, window, set.more, set.beyond),
        totalCount: () => Promise.resolve(total ?? 0),
      };
    });
  });
}

/** The related nodes themselves. */
const nodesOf: ItemBuilder = (_, items) => items.map((item) => item.node);

/** `asOf`: only the office holdings held on that day. */
function holdingsOn(holdings: OfficeHoldingModel[], args: unknown): OfficeHoldingModel[] {
  const on = (args as { asOf?: string | null } | null)?.asOf;
  return on === undefined || on === null ? holdings : holdings.filter((h) => heldOn(h, on));
}

const ITEM_BUILDERS: Record<ItemKind, (relation: Relation) => ItemBuilder> = {
  holding: () => (anchor, items, ctx) =>
    withEnds<OfficeHoldingModel>(ctx, anchor, items, (statements, props, person, office) => {
      // Dates of the holding itself: an acting spell before it does not start it.
      const held = props.filter((p) => p.acting !== true);
      const dated = held.length > 0 ? held : props;
      const until = latestOf(dated, 'endDate');
      return {
        statements,
        person,
        office,
        asOf: latestOf(props, 'asOf'),
        firstAsOf: earliestOf(props, 'asOf'),
        from: earliestOf(dated, 'startDate'),
        until,
        // The latest article that says decides; an end date means it is over.
        current: until === null && lastOf(props, 'current') !== false,
        acting: props.length > 0 && props.every((p) => p.acting === true),
      };
    }),
  participation: () => (anchor, items, ctx) =>
    withEnds<MeetingParticipationModel>(
      ctx,
      anchor,
      items,
      (statements, props, participant, meeting) => ({
        __typename: 'MeetingParticipation',
        ...participationOf(statements, props, participant),
        person: participant.__typename === 'Person' ? participant : null,
        meeting,
      }),
    ),
  eventParticipation: () => (anchor, items, ctx) =>
    withEnds<EventParticipationModel>(
      ctx,
      anchor,
      items,
      (statements, props, participant, event) => ({
        __typename: 'EventParticipation',
        ...participationOf(statements, props, participant),
        event,
      }),
    ),
  discussion: () => (anchor, items, ctx) =>
    withEnds<DiscussionModel>(ctx, anchor, items, (statements, props, meeting, subject) => ({
      statements,
      meeting,
      subject,
      // The framing is the same for all statements of an item (relations.ts groups by it).
      framing: firstOf(props, 'framing'),
      raisedById: firstOf(props, 'raisedById'),
    })),
  signature: () => (anchor, items, ctx) =>
    withEnds<SignatureModel>(ctx, anchor, items, (statements, props, signer, document) => ({
      __typename: 'Signature',
      statements,
      signer,
      document,
      officeId: firstOf(props, 'officeId'),
      countryId: firstOf(props, 'countryId'),
      date: earliestOf(props, 'pointInTime'),
    })),
  appointment: (relation) => {
    const action = appointmentAction(relation);
    return (anchor, items, ctx) =>
      withEnds<AppointmentModel>(ctx, anchor, items, (statements, props, by, person) => ({
        __typename: 'Appointment',
        action,
        statements,
        by,
        person,
        officeId: firstOf(props, 'officeId'),
        date: earliestOf(props, 'pointInTime'),
      }));
  },
  // The related node, with the statements of the relationship: the typed item of the field.
  link: (relation) => (_, items, _ctx, info) => {
    // A connection's items are its edges' nodes (`EventLinkConnection` → `EventLink`).
    const returned = getNamedType(info.returnType).name;
    const typename = linkTypeOf(relation, itemTypeOfType(info.schema, returned) ?? returned);
    return items.map(({ node, statements }): LinkModel | null =>
      isEntityModel(node)
        ? {
            __typename: typename,
            node,
            statements: statements.length === 0 ? NO_FACTS : statements.map(statementOf),
          }
        : null,
    );
  },
  // One MENTIONS relationship per (sentence, entity): an item's only statement.
  mention: () => (_, items) =>
    items.map(({ statements, node }): MentionModel | null =>
      isEntityModel(node)
        ? {
            entity: node,
            forms: statements[0] ? propStrings(statements[0], 'forms') : [],
            count: Number(statements[0]?.count ?? 0),
          }
        : null,
    ),
  // A fact's evidence: its EVIDENCED_BY sentences; a quote's span, or the fact's excerpts.
  evidence: () => (fact, items) =>
    items.map(({ node: sentence }): EvidenceModel => {
      if (fact.__typename === 'Quote') {
        return {
          sentenceId: sentence.id,
          excerpts: [],
          span: { start: fact.start, end: fact.end },
        };
      }
      return { sentenceId: sentence.id, excerpts: 'excerpts' in fact ? fact.excerpts : [] };
    }),
};

const LINK_TYPES: ReadonlySet<string> = new Set(LINK_TYPE_NAMES);

/** The link type a field returns (the registry check holds it to LINK_TYPE_NAMES). */
function linkTypeOf(relation: Relation, type: string): LinkTypeName {
  if (!LINK_TYPES.has(type)) throw new Error(`relation ${relation.name}: ${type} is no link type`);
  return type as LinkTypeName;
}

const APPOINTMENT_ACTIONS: ReadonlySet<string> = new Set(['APPOINTED', 'NOMINATED', 'DISMISSED']);

/** What an appointment item records: its relationship type (a registry mistake throws). */
function appointmentAction(relation: Relation): AppointmentModel['action'] {
  const rel = relation.rel ?? '';
  if (!APPOINTMENT_ACTIONS.has(rel)) {
    throw new Error(
      `relation ${relation.name}: appointment items need APPOINTED, NOMINATED or DISMISSED`,
    );
  }
  return rel as AppointmentModel['action'];
}

/** The statements of an item read without relationship properties (shared; never mutated). */
const NO_FACTS: FactStatementModel[] = Object.freeze([]) as never;

/** Makes an item model from its statements (and their relationships' properties) and ends. */
type BuildItem<T> = (
  statements: FactStatementModel[],
  props: Array<Record<string, PlainValue>>,
  source: EntityModel,
  target: EntityModel,
) => T;

/**
 * The items of a relationship field (holdings, participations, discussions) with both ends of
 * each edge as models, so a list costs no extra round trip per item. Each item stands for the
 * edge's parallel relationships: `statements` has one entry per article that states it. One
 * model per item, in order; null where an end is missing.
 */
function withEnds<T>(
  ctx: GraphQLContext,
  anchor: NodeModel,
  items: RelatedItem[],
  build: BuildItem<T>,
): MaybePromise<Array<T | null>> {
  // A partial anchor (read with only what its selection needs) is no node for the cache; it
  // still answers as an end: its projection counts what is selected through the ends.
  if (!isPartialModel(anchor)) ctx.loaders.node.prime(anchor.id, anchor);
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
  return pending ? Promise.all(built) : (built as Array<T | null>);
}

/** An item's end: the anchor, the related node, or (for a path) a node to load. */
function endOf(
  ctx: GraphQLContext,
  anchor: NodeModel,
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

/** What a participation in a meeting and in an event share: who, in which office, side, role. */
function participationOf(
  statements: FactStatementModel[],
  props: Array<Record<string, PlainValue>>,
  participant: EntityModel,
) {
  return {
    statements,
    participant,
    officeId: firstOf(props, 'officeId'),
    countryId: firstOf(props, 'countryId'),
    // The seed format's default role.
    role: firstOf(props, 'role') ?? 'PARTICIPANT',
  };
}

/** The first statement's value of a qualifier that statements may leave unset. */
function firstOf(props: Array<Record<string, PlainValue>>, key: string): string | null {
  for (const p of props) {
    const value = propString(p, key);
    if (value !== null) return value;
  }
  return null;
}

/**
 * Whether a holding is known to be held on `day`: from its start (or the earliest date an
 * article says it was held) to its end (or, when over and undated, the latest such date).
 */
function heldOn(h: OfficeHoldingModel, day: string): boolean {
  const asOfs = h.statements.flatMap((s) => (s.pointInTime ? [s.pointInTime.date] : []));
  const said = [h.firstAsOf, h.asOf, ...asOfs].filter((d): d is string => d !== null).sort();
  const start = h.from ?? said[0] ?? null;
  const end = h.until ?? (h.current ? null : (said[said.length - 1] ?? start));
  return start !== null && start <= day && (end === null || day <= end);
}

/** The earliest value of a date qualifier. */
function earliestOf(props: Array<Record<string, PlainValue>>, key: string): string | null {
  let earliest: string | null = null;
  for (const p of props) {
    const value = propString(p, key);
    if (value !== null && (earliest === null || value < earliest)) earliest = value;
  }
  return earliest;
}

/** The value of a boolean qualifier in the last statement that gives one (by article id). */
function lastOf(props: Array<Record<string, PlainValue>>, key: string): boolean | null {
  let last: boolean | null = null;
  for (const p of props) if (typeof p[key] === 'boolean') last = p[key];
  return last;
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
