/** The top-level list fields (people, meetings, quotes…): keyset-paginated connections. */
import { toPlain } from '../../graph/convert.js';
import type { ConnectionModel, NodeModel } from '../../graph/model.js';
import {
  LIST_SPECS,
  listCount,
  listPage,
  listPageWithRelated,
  type ListFilter,
  type ListName,
} from '../../graph/lists.js';
import type { WireNode } from '../../graph/nodes.js';
import { toModel } from '../node-models.js';
import { pageWindow, type PageArgs } from '../args.js';
import { BadUserInputError } from '../errors.js';
import type { GraphQLContext } from '../context.js';
import type { LookaheadInfo } from '../selection.js';
import type { EntityKind, OrderDirection } from '../../generated/graphql.js';
import { edgesOf, pageInfoOf, pageRows, TYPE_OF_KIND } from './shared.js';

interface ListArgs extends PageArgs {
  filter?: Record<string, unknown> | null;
  orderBy?: { field: string; direction?: OrderDirection | null } | null;
}

/**
 * The list filter of a `filter` argument. A condition the list does not have (a filter input
 * shared by lists, like `eventType` asked of meetings) is the client's mistake, named.
 */
function toListFilter(
  list: ListName,
  input: Record<string, unknown> | null | undefined,
): ListFilter {
  const filter: ListFilter = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === null || value === undefined) continue;
    if (!Object.hasOwn(LIST_SPECS[list].filters, key)) {
      throw new BadUserInputError(`filter.${key}`, `is not a filter of ${list}`);
    }
    if (key === 'kinds') {
      filter.kinds = (value as EntityKind[]).map((kind) => TYPE_OF_KIND[kind]);
    } else {
      (filter as Record<string, string>)[key] = String(value);
    }
  }
  return filter;
}

/**
 * One page of `list`, forward or backward. Reads one row more than asked to learn whether more
 * lie beyond the page; `totalCount` is a closure: the count query runs only if the field is
 * selected.
 */
export async function listConnection<T extends NodeModel>(
  ctx: GraphQLContext,
  info: LookaheadInfo,
  list: ListName,
  args: ListArgs,
  narrow: (node: NodeModel) => node is T,
): Promise<ConnectionModel<T>> {
  const spec = LIST_SPECS[list];
  const sortField = args.orderBy?.field ?? spec.defaultSort;
  const descending = args.orderBy?.direction === 'DESC';
  const cursorField = `${list}:${sortField}:${descending ? 'DESC' : 'ASC'}`;
  const window = pageWindow(args, cursorField, ctx.config.graphql.maxPageSize);
  const filter = toListFilter(list, args.filter);
  // Only the properties the selection reads of the page's nodes (they are not cached as nodes).
  const projection = ctx.planner.nodeProjection(info, ['edges', 'node']);
  const request = { list, filter, sortField, descending, window, projection };
  // The relations the selection asks of the page's nodes, several levels deep, read by the
  // page's own statement: one round trip for the page and all it leads to.
  const trees = ctx.planner.lookahead(info, ['edges', 'node']);
  const [record] = await ctx.executor.read(
    trees.length === 0 ? listPage(request) : listPageWithRelated(request, trees),
  );
  if (record && trees.length > 0) ctx.loaders.primeRelated(trees, record);
  const wireRows = (record?.get('rows') ?? []) as Array<[WireNode, unknown]>;
  const rows = wireRows.map(([wire, sortKey]) => ({
    node: toModel(wire, projection, ctx.strictModels),
    sortKey: toPlain(sortKey) as string | number,
  }));
  const { page, more } = pageRows(rows, window);
  const edges = edgesOf(
    page.filter((row): row is { node: T; sortKey: string | number } => narrow(row.node)),
    cursorField,
  );
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: pageInfoOf(edges, window, more, record?.get('beyond') === true),
    totalCount: () => {
      total ??= ctx.executor
        .read(listCount(list, filter))
        .then((r) => Number(toPlain(r[0]?.get('total') ?? 0)));
      return total;
    },
  };
}
