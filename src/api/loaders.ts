/**
 * Per-request DataLoaders: every node lookup and relationship navigation of one GraphQL
 * operation is batched, one Cypher statement per (loader, tick), so the number of round trips
 * depends on the shape of the query, never on how many results it returns.
 */
import DataLoader from 'dataloader';
import type { Node as Neo4jNode, Record as Neo4jRecord, Relationship } from 'neo4j-driver';
import { plainProps, toNodeModel, toPlain } from '../graph/convert.js';
import { toModel } from './node-models.js';
import type { PageWindow, SortValue } from '../graph/cursor.js';
import type { RequestExecutor } from '../graph/executor.js';
import { mentionCounts, mentionPages } from '../graph/mentions.js';
import type { NodeModel, PlainValue, SentenceModel } from '../graph/model.js';
import { isWholeNode, nodesByIds, type NodeProjection, type WireNode } from '../graph/nodes.js';
import {
  endsOf,
  flattenPrefetch,
  nodesWithRelated,
  relatedNodes,
  type PrefetchTree,
  type RelationFetch,
  type WireAnchor,
  type WireItem,
} from '../graph/relations.js';

/**
 * A related node and the edge that leads to it. The graph keeps one relationship per article
 * stating an edge; the item stands for all of them.
 */
export interface RelatedItem {
  node: NodeModel;
  /** The ids of the edge's start and end nodes (null for relations by id, without an edge). */
  sourceId: string | null;
  targetId: string | null;
  /**
   * The properties of each relationship stating the edge, by article and fact id; empty when
   * the caller did not ask for properties (`relProps` false).
   */
  statements: Array<Record<string, PlainValue>>;
  /** The item's keyset sort key, for a paged fetch's cursors (see graph/relations.ts). */
  sortKey?: SortValue[];
}

/**
 * An anchor's items along a fetch: all of them, or for a paged fetch (a connection) its page in
 * reading order (reversed when backward), whether more lie past the page's far end (`more`), on
 * the far side of its starting cursor (`beyond`), and how many there are (`total`, when counted).
 */
export interface RelatedSet {
  items: RelatedItem[];
  more: boolean;
  beyond: boolean;
  total: number | null;
}

const NO_ITEMS: RelatedSet = Object.freeze({
  items: Object.freeze([]) as never,
  more: false,
  beyond: false,
  total: null,
}) as RelatedSet;

interface MentionRow {
  sentence: SentenceModel;
  forms: string[];
  count: number;
  sortKey: string;
}

export interface MentionPageKey {
  entityId: string;
  window: PageWindow;
}

/** One entity's page of mentions as read: `rows` in reading order, `beyond` (mentionPages). */
interface MentionPage {
  rows: MentionRow[];
  beyond: boolean;
}

export interface Loaders {
  node: DataLoader<string, NodeModel | null>;
  /**
   * Nodes by id together with the relations `trees` asks for from them, several levels deep, in
   * one statement; they prime the `related` loaders: for a query known to ask for them next.
   * The nodes are read as `projection` says (default whole); partial ones are not cached as
   * the node itself.
   */
  nodeWith(
    trees: readonly PrefetchTree[],
    projection?: NodeProjection,
  ): DataLoader<string, NodeModel | null>;
  /**
   * Puts into `related` what a statement that read its own look-ahead (relatedFromIds: a list
   * page's) returned for `trees`: its `anchors` and `nodes`.
   */
  primeRelated(trees: readonly PrefetchTree[], record: Neo4jRecord): void;
  /**
   * The related nodes of anchors along a relation, read as far as `fetch` says: without the
   * relationships' properties (`relProps` false) or with part of the nodes (`nodeProps` false:
   * ids; a list: those properties; such partial nodes are never cached as the node itself).
   */
  related(fetch: RelationFetch): DataLoader<string, RelatedSet>;
  /**
   * The items of `anchorId` along `fetch` when this operation has read them already (prefetched
   * or loaded), without a promise: most relation fields of a look-ahead query resolve from here,
   * and a promise per field is most of what a 3,000-object answer would otherwise cost.
   */
  relatedNow(fetch: RelationFetch, anchorId: string): RelatedSet | undefined;
  mentionPage: DataLoader<MentionPageKey, MentionPage, string>;
  mentionCount: DataLoader<string, number>;
}

/** A via-path item's source (2) or target (3) id; other items have none. */
const wireEnd = (wire: WireItem, at: 2 | 3): string | undefined =>
  typeof wire === 'string' || wire.length === 2 ? undefined : (wire[at] ?? undefined);

/** The statements of an item read without relationship properties (shared; never mutated). */
const NO_STATEMENTS: Array<Record<string, PlainValue>> = Object.freeze([]) as never;

export function createLoaders(
  executor: RequestExecutor,
  options: { strictModels: boolean },
): Loaders {
  const { strictModels } = options;
  const node = new DataLoader<string, NodeModel | null>(async (ids) => {
    const records = await executor.read(nodesByIds(ids));
    const byId = new Map<string, NodeModel>();
    for (const record of records) {
      const model = toNodeModel(record.get('n') as Neo4jNode);
      byId.set(model.id, model);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });

  /**
   * Converts a statement's nodes once each; returns them by id. Whole nodes prime the node
   * loader; partial ones must not stand in for the node elsewhere.
   */
  const nodeModels = (records: WireNode[], projection: NodeProjection): Map<string, NodeModel> => {
    const models = new Map<string, NodeModel>();
    const whole = isWholeNode(projection);
    for (const record of records) {
      const model = toModel(record, projection, strictModels);
      models.set(model.id, model);
      if (whole) node.prime(model.id, model);
    }
    return models;
  };

  const toRelatedItems = (
    relation: string,
    anchorId: string,
    raw: WireItem[],
    models: Map<string, NodeModel>,
  ): RelatedItem[] => {
    const ends = endsOf(relation);
    // A plain loop: a big answer has thousands of items, and each temporary array is garbage.
    const items: RelatedItem[] = [];
    const fromAnchor = ends === 'from-anchor';
    const toAnchor = ends === 'to-anchor';
    for (const wire of raw) {
      // A bare id: an item read without relationship properties (its ends: anchor and node).
      const nodeId = typeof wire === 'string' ? wire : wire[0];
      const model = models.get(nodeId);
      if (!model) continue;
      const rels = typeof wire === 'string' ? undefined : wire[1];
      items.push({
        node: model,
        sourceId: fromAnchor ? anchorId : toAnchor ? nodeId : (wireEnd(wire, 2) ?? null),
        targetId: fromAnchor ? nodeId : toAnchor ? anchorId : (wireEnd(wire, 3) ?? null),
        statements: rels === undefined || rels.length === 0 ? NO_STATEMENTS : rels.map(plainProps),
        ...(typeof wire !== 'string' && wire.length === 5
          ? { sortKey: wire[4].map((v) => toPlain(v) as SortValue) }
          : {}),
      });
    }
    return items;
  };

  /** One reader per distinct fetch (relation and read mode); look-ahead hands one fetch object per field. */
  const readers = new Map<string, RelatedReader>();
  const readersByFetch = new Map<RelationFetch, RelatedReader>();
  const readerOf = (fetch: RelationFetch): RelatedReader => {
    let reader = readersByFetch.get(fetch);
    if (reader) return reader;
    const key = `${fetch.relation}:${fetch.relProps}:${String(fetch.nodeProps)}:${JSON.stringify(fetch.page ?? null)}`;
    reader = readers.get(key);
    if (!reader) {
      const items = new ItemsCache();
      const loader = new DataLoader<string, RelatedSet>(
        async (anchorIds) => {
          const [record] = await executor.read(relatedNodes(fetch, anchorIds));
          const [result] = readPrefetch([{ fetch, children: [] }], record);
          return anchorIds.map((id) => result?.byAnchor.get(id) ?? NO_ITEMS);
        },
        { cacheMap: items },
      );
      readers.set(key, (reader = { loader, items }));
    }
    readersByFetch.set(fetch, reader);
    return reader;
  };

  /** A prefetch row (`anchors`, `nodes`: a list per fetch of `trees`) as items by anchor. */
  const readPrefetch = (
    trees: readonly PrefetchTree[],
    record: Neo4jRecord | undefined,
  ): Array<{ fetch: RelationFetch; byAnchor: Map<string, RelatedSet> }> => {
    const anchorLists = (record?.get('anchors') ?? []) as WireAnchor[][];
    const nodeLists = (record?.get('nodes') ?? []) as WireNode[][];
    return flattenPrefetch(trees).map((fetch, k) => {
      const models = nodeModels(nodeLists[k] ?? [], fetch.nodeProps);
      const byAnchor = new Map<string, RelatedSet>();
      for (const [anchorId, items, more, beyond, total] of anchorLists[k] ?? []) {
        byAnchor.set(anchorId, {
          items: toRelatedItems(fetch.relation, anchorId, items, models),
          more: more === true,
          beyond: beyond === true,
          total: total === null || total === undefined ? null : Number(toPlain(total)),
        });
      }
      return { fetch, byAnchor };
    });
  };

  /** Puts what a prefetch read where the resolvers of its fetches find it. */
  const primeAll = (results: ReturnType<typeof readPrefetch>) => {
    for (const { fetch, byAnchor } of results) {
      const { items } = readerOf(fetch);
      for (const [anchorId, read] of byAnchor) items.prime(anchorId, read);
    }
  };

  const related = (fetch: RelationFetch): DataLoader<string, RelatedSet> => readerOf(fetch).loader;

  const nodeWithLoaders = new Map<string, DataLoader<string, NodeModel | null>>();
  const nodeWith = (trees: readonly PrefetchTree[], projection: NodeProjection = true) => {
    if (trees.length === 0 && isWholeNode(projection)) return node;
    const key = `${JSON.stringify(trees)}|${String(projection)}`;
    let loader = nodeWithLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, NodeModel | null>(async (ids) => {
        const [record] = await executor.read(nodesWithRelated(ids, trees, projection));
        if (!record) return ids.map(() => null);
        const byId = nodeModels(record.get('found') as WireNode[], projection);
        primeAll(readPrefetch(trees, record));
        return ids.map((id) => byId.get(id) ?? null);
      });
      nodeWithLoaders.set(key, loader);
    }
    return loader;
  };

  // Keys sharing page arguments are fetched together: one statement per distinct window.
  const mentionPage = new DataLoader<MentionPageKey, MentionPage, string>(
    async (keys) => {
      const groups = new Map<string, MentionPageKey[]>();
      for (const key of keys) {
        const group = JSON.stringify(key.window);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<string, MentionPage>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { window } = group[0]!;
          const records = await executor.read(
            mentionPages(
              group.map((k) => k.entityId),
              window,
            ),
          );
          for (const record of records) {
            const items = record.get('items') as RawMentionItem[];
            pages.set(mentionKey({ window, entityId: record.get('entityId') as string }), {
              rows: items.map(toMentionRow),
              beyond: record.get('beyond') === true,
            });
          }
        }),
      );
      return keys.map((key) => pages.get(mentionKey(key)) ?? { rows: [], beyond: false });
    },
    { cacheKeyFn: mentionKey },
  );

  const mentionCount = new DataLoader<string, number>(async (ids) => {
    const records = await executor.read(mentionCounts(ids));
    const totals = new Map<string, number>();
    for (const record of records) {
      totals.set(record.get('entityId') as string, Number(toPlain(record.get('total'))));
    }
    return ids.map((id) => totals.get(id) ?? 0);
  });

  const relatedNow = (fetch: RelationFetch, anchorId: string) =>
    readerOf(fetch).items.now(anchorId);

  const primeRelated = (trees: readonly PrefetchTree[], record: Neo4jRecord) =>
    primeAll(readPrefetch(trees, record));

  return {
    node,
    nodeWith,
    primeRelated,
    related,
    relatedNow,
    mentionPage,
    mentionCount,
  };
}

/** A fetch's loader and its cache. */
interface RelatedReader {
  loader: DataLoader<string, RelatedSet>;
  items: ItemsCache;
}

/**
 * The one cache of a relation fetch's items, by anchor: the promises DataLoader keeps (its
 * cacheMap), and the items once read, which relatedNow answers from without a promise.
 */
class ItemsCache {
  private readonly promises = new Map<string, Promise<RelatedSet>>();
  private readonly read = new Map<string, RelatedSet>();

  get(anchorId: string): Promise<RelatedSet> | undefined {
    return this.promises.get(anchorId);
  }

  set(anchorId: string, items: Promise<RelatedSet>): void {
    this.promises.set(anchorId, items);
    items.then(
      (value) => this.read.set(anchorId, value),
      () => undefined,
    );
  }

  /** Items a statement has read already: known at once, no promise to wait for. */
  prime(anchorId: string, items: RelatedSet): void {
    if (!this.promises.has(anchorId)) this.promises.set(anchorId, Promise.resolve(items));
    if (!this.read.has(anchorId)) this.read.set(anchorId, items);
  }

  now(anchorId: string): RelatedSet | undefined {
    return this.read.get(anchorId);
  }

  delete(anchorId: string): void {
    this.promises.delete(anchorId);
    this.read.delete(anchorId);
  }

  clear(): void {
    this.promises.clear();
    this.read.clear();
  }
}

function mentionKey(key: MentionPageKey): string {
  return JSON.stringify([key.entityId, key.window]);
}

// ---- private: raw rows → models ----

interface RawMentionItem {
  m: Relationship;
  s: Neo4jNode;
  sortKey: string;
}

function toMentionRow(raw: RawMentionItem): MentionRow {
  const props = raw.m.properties as Record<string, unknown>;
  const forms = toPlain(props.forms);
  return {
    sentence: toNodeModel(raw.s) as SentenceModel,
    forms: Array.isArray(forms) ? forms.map((f: PlainValue) => String(f)) : [],
    count: Number(toPlain(props.count) ?? 0),
    sortKey: raw.sortKey,
  };
}
