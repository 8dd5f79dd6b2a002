/** Helpers the resolvers share: narrowing loaded nodes, provenance, kinds, connections. */
import { isEntityModel, propString, propStrings } from '../../graph/convert.js';
import { encodeCursor, type PageWindow, type SortKey } from '../../graph/cursor.js';
import type {
  DatedModel,
  EntityModel,
  EntityTypeName,
  EvidenceModel,
  FactStatementModel,
  PageInfoModel,
  PlainValue,
} from '../../graph/model.js';
import type { Relation } from '../../graph/relations.js';
import type { EntityKind } from '../../generated/graphql.js';
import type { GraphQLContext } from '../context.js';
import type { RelatedItem, RelatedSet } from '../loaders.js';
import type { SelectionInfo } from '../selection.js';

export const KIND_OF_TYPE: Record<EntityTypeName, EntityKind> = {
  Country: 'COUNTRY',
  Person: 'PERSON',
  Office: 'OFFICE',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  Event: 'EVENT',
  Meeting: 'MEETING',
  InfrastructureProject: 'INFRASTRUCTURE_PROJECT',
  Topic: 'TOPIC',
  Document: 'DOCUMENT',
};

export const TYPE_OF_KIND = Object.fromEntries(
  Object.entries(KIND_OF_TYPE).map(([type, kind]) => [kind, type]),
) as Record<EntityKind, EntityTypeName>;

/** Everything of the relation: relationships' and nodes' properties (no selection to go by). */
const WHOLE = { relProps: true, nodeProps: true };

/** A value, or a promise of it: what a resolver may return (GraphQL awaits only promises). */
export type MaybePromise<T> = T | Promise<T>;

/**
 * `f` applied to `value`, without a promise when `value` is none. (Not named `then`: a module
 * exporting `then` is a thenable, and `await import()` of it would call it.)
 */
export function whenReady<T, U>(
  value: MaybePromise<T>,
  f: (value: T) => MaybePromise<U>,
): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/**
 * The related items of an anchor, read as far as the current field's selection needs (`info`;
 * null: everything). Items the operation has read already (look-ahead) come without a promise.
 */
export function related(
  ctx: GraphQLContext,
  info: SelectionInfo | null,
  relation: Relation,
  anchorId: string,
): MaybePromise<RelatedItem[]> {
  return whenReady(relatedSet(ctx, info, relation, anchorId), (set) => set.items);
}

/** As `related`, with a paged fetch's page information (RelatedSet). */
export function relatedSet(
  ctx: GraphQLContext,
  info: SelectionInfo | null,
  relation: Relation,
  anchorId: string,
): MaybePromise<RelatedSet> {
  const fetch = info ? ctx.planner.fetchFor(relation, info) : { relation: relation.name, ...WHOLE };
  return ctx.loaders.relatedNow(fetch, anchorId) ?? ctx.loaders.related(fetch).load(anchorId);
}

export async function loadEntity(
  ctx: GraphQLContext,
  id: string | null,
): Promise<EntityModel | null> {
  if (!id) return null;
  const node = await ctx.loaders.node.load(id);
  return node && isEntityModel(node) ? node : null;
}

/** One article's statement of a fact relationship, from that relationship's properties. */
export function statementOf(props: Record<string, PlainValue>): FactStatementModel {
  return {
    factId: propString(props, 'factId') ?? '',
    articleId: propString(props, 'articleId') ?? '',
    sentenceIds: propStrings(props, 'sentenceIds'),
    excerpts: propStrings(props, 'evidence'),
    startDate: datedOf(props, 'startDate'),
    endDate: datedOf(props, 'endDate'),
    pointInTime: datedOf(props, 'pointInTime'),
  };
}

/** A qualifier in time of a statement (`startDate`, with `startDateEvidence`, …), or null. */
function datedOf(props: Record<string, PlainValue>, key: string): DatedModel | null {
  const date = propString(props, key);
  if (date === null) return null;
  return {
    date,
    sentenceIds: propStrings(props, `${key}SentenceIds`),
    excerpts: propStrings(props, `${key}Evidence`),
  };
}

/** The evidence sentences of one statement, each with the statement's excerpts. */
export function evidenceOfStatement(statement: FactStatementModel): EvidenceModel[] {
  return statement.sentenceIds.map((sentenceId) => ({
    sentenceId,
    excerpts: statement.excerpts,
  }));
}

/**
 * Relay page info of a page read `size + 1` rows deep in its reading order: `more` says the
 * extra row came, so items lie past the page's far end (after it going forward, before it going
 * backward); `beyond` says items lie on the side of the cursor it started from.
 */
export function pageInfoOf(
  edges: ReadonlyArray<{ cursor: string }>,
  window: PageWindow,
  more: boolean,
  beyond: boolean,
): PageInfoModel {
  return {
    hasNextPage: window.backward ? beyond : more,
    hasPreviousPage: window.backward ? more : beyond,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/** A page's rows as read (size + 1 at most, reversed when backward) → the page, in list order. */
export function pageRows<T>(rows: readonly T[], window: PageWindow): { page: T[]; more: boolean } {
  const page = rows.slice(0, window.size);
  return { page: window.backward ? page.reverse() : page, more: rows.length > window.size };
}

export function edgesOf<T extends { id: string }>(
  nodes: Array<{ node: T; sortKey: SortKey }>,
  field: string,
): Array<{ cursor: string; node: T }> {
  return nodes.map(({ node, sortKey }) => ({
    cursor: encodeCursor({ field, key: sortKey, id: node.id }),
    node,
  }));
}
