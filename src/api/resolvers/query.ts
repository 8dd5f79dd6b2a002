/** The Query root: node lookups, lists, search and traversals. */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { isEntityModel, toNodeModel, toPlain, toRelationshipModel } from '../../graph/convert.js';
import type {
  ArticleModel,
  ClaimModel,
  EntityModel,
  EntityTypeName,
  NodeModel,
  NumericFactModel,
  QuoteModel,
  RelationshipModel,
} from '../../graph/model.js';
import { isWholeNode, type WireNode } from '../../graph/nodes.js';
import type { IdLookupLabel } from '../../graph/schema.js';
import { toModel } from '../node-models.js';
import {
  bestMatchingName,
  searchEntities,
  searchLucene,
  type SearchMatchKind,
} from '../../graph/search.js';
import {
  MAX_NEIGHBORHOOD_DEPTH,
  MAX_PATH_HOPS,
  neighborhood,
  shortestPath,
} from '../../graph/traversal.js';
import type { QueryResolvers, SearchHitResolvers } from '../../generated/graphql.js';
import { intInRange, pageSize, text } from '../args.js';
import { BadUserInputError } from '../errors.js';
import type { GraphQLContext } from '../context.js';
import { fieldNames, type LookaheadInfo } from '../selection.js';
import { listConnection } from './lists.js';
import { TYPE_OF_KIND } from './shared.js';

const ofType =
  (type: EntityTypeName) =>
  (node: NodeModel): node is EntityModel =>
    node.__typename === type;
const isQuote = (n: NodeModel): n is QuoteModel => n.__typename === 'Quote';
const isClaim = (n: NodeModel): n is ClaimModel => n.__typename === 'Claim';
const isNumericFact = (n: NodeModel): n is NumericFactModel => n.__typename === 'NumericFact';
const isArticle = (n: NodeModel): n is ArticleModel => n.__typename === 'Article';

const SEARCH_MAX_QUERY_LENGTH = 200;
const DEFAULT_SEARCH_SIZE = 10;

interface RawRel {
  rel: Parameters<typeof toRelationshipModel>[0];
  sourceId: string;
  targetId: string;
}

const toRels = (raw: RawRel[]): RelationshipModel[] =>
  raw.map((r) => toRelationshipModel(r.rel, r.sourceId, r.targetId));

/**
 * A node by id for a root field, in one statement with the relations the query asks of it
 * (look-ahead) and only the properties its selection reads; on `labels` alone when the field
 * answers one kind (default: any).
 */
const rootNode = (
  ctx: GraphQLContext,
  info: LookaheadInfo,
  id: string,
  labels?: readonly IdLookupLabel[],
) =>
  ctx.loaders
    .nodeWith(ctx.planner.lookahead(info), ctx.planner.nodeProjection(info), labels)
    .load(id);

export const Query: QueryResolvers = {
  node: (_, { id }, ctx, info) => rootNode(ctx, info, id),
  nodes: (_, { ids }, ctx) => {
    if (ids.length > ctx.config.graphql.maxPageSize) {
      throw new BadUserInputError(
        'ids',
        `must hold at most ${ctx.config.graphql.maxPageSize} ids, got ${ids.length}`,
      );
    }
    return Promise.all(ids.map((id) => ctx.loaders.node.load(id)));
  },
  entity: async (_, { id }, ctx, info) => {
    const node = await rootNode(ctx, info, id, ['Entity']);
    return node && isEntityModel(node) ? node : null;
  },
  article: async (_, { id }, ctx, info) => {
    const node = await rootNode(ctx, info, id, ['Article']);
    return node && isArticle(node) ? node : null;
  },

  countries: (_, args, ctx, info) =>
    listConnection(ctx, info, 'countries', args, ofType('Country')),
  people: (_, args, ctx, info) => listConnection(ctx, info, 'people', args, ofType('Person')),
  offices: (_, args, ctx, info) => listConnection(ctx, info, 'offices', args, ofType('Office')),
  organizations: (_, args, ctx, info) =>
    listConnection(ctx, info, 'organizations', args, ofType('Organization')),
  places: (_, args, ctx, info) => listConnection(ctx, info, 'places', args, ofType('Place')),
  events: (_, args, ctx, info) => listConnection(ctx, info, 'events', args, ofType('Event')),
  meetings: (_, args, ctx, info) => listConnection(ctx, info, 'meetings', args, ofType('Meeting')),
  documents: (_, args, ctx, info) =>
    listConnection(ctx, info, 'documents', args, ofType('Document')),
  infrastructureProjects: (_, args, ctx, info) =>
    listConnection(ctx, info, 'infrastructureProjects', args, ofType('InfrastructureProject')),
  topics: (_, args, ctx, info) => listConnection(ctx, info, 'topics', args, ofType('Topic')),
  entities: (_, args, ctx, info) => listConnection(ctx, info, 'entities', args, isEntityModel),
  quotes: (_, args, ctx, info) => listConnection(ctx, info, 'quotes', args, isQuote),
  claims: (_, args, ctx, info) => listConnection(ctx, info, 'claims', args, isClaim),
  numericFacts: (_, args, ctx, info) =>
    listConnection(ctx, info, 'numericFacts', args, isNumericFact),
  articles: (_, args, ctx, info) => listConnection(ctx, info, 'articles', args, isArticle),

  search: async (_, args, ctx, info) => {
    const query = text('query', args.query, SEARCH_MAX_QUERY_LENGTH);
    const first = pageSize(
      'first',
      args.first,
      DEFAULT_SEARCH_SIZE,
      ctx.config.graphql.maxPageSize,
    );
    const lucene = searchLucene(query);
    if (!lucene || first === 0) return [];
    const kinds = args.kinds ? args.kinds.map((k) => TYPE_OF_KIND[k]) : null;
    const projection = ctx.planner.searchHitProjection(info);
    const records = await ctx.executor.read(searchEntities(lucene, kinds, first, projection));
    return records.flatMap((record) => {
      const entity = toModel(record.get('node') as WireNode, projection, ctx.strictModels);
      if (!isEntityModel(entity)) return [];
      if (isWholeNode(projection)) ctx.loaders.node.prime(entity.id, entity);
      return [
        {
          entity,
          score: Number(toPlain(record.get('score'))),
          matchKind: record.get('matchKind') as SearchMatchKind,
          query,
        },
      ];
    });
  },

  path: async (_, args, ctx, info) => {
    const maxHops = intInRange('maxHops', args.maxHops, 4, 1, MAX_PATH_HOPS);
    if (args.from === args.to) {
      const node = await ctx.loaders.node.load(args.from);
      return node ? { nodes: [node], relationships: [] } : null;
    }
    // Only what the selection reads of the path's nodes (ids alone, for a drawing's skeleton).
    const projection = ctx.planner.graphNodeProjection(info, ['nodes']);
    const readsRelationships = info.fieldNodes.some((field) =>
      fieldNames(field.selectionSet, info.fragments).has('relationships'),
    );
    const records = await ctx.executor.read(
      shortestPath(
        args.from,
        args.to,
        maxHops,
        args.includeProvenance ?? false,
        projection,
        readsRelationships,
      ),
    );
    const record = records[0];
    if (!record) return null;
    return {
      nodes: (record.get('ns') as WireNode[]).map((wire) =>
        toModel(wire, projection, ctx.strictModels),
      ),
      relationships: toRels(record.get('rs') as RawRel[]),
    };
  },

  neighborhood: async (_, args, ctx) => {
    const depth = intInRange('depth', args.depth, 1, 1, MAX_NEIGHBORHOOD_DEPTH);
    const records = await ctx.executor.read(
      neighborhood(args.id, depth, args.includeProvenance ?? false),
    );
    const record = records[0];
    if (!record) return null;
    const nodes = (record.get('ns') as Neo4jNode[]).map(toNodeModel);
    const center = toNodeModel(record.get('center') as Neo4jNode);
    for (const node of [center, ...nodes]) ctx.loaders.node.prime(node.id, node);
    return { center, nodes: [center, ...nodes], edges: toRels(record.get('rs') as RawRel[]) };
  },
};

/** A hit's matchedName, worked out only when selected: it compares the query with every name. */
export const SearchHit: SearchHitResolvers = {
  matchedName: ({ entity, query }) =>
    bestMatchingName(query, [
      entity.nameEn,
      entity.nameRu,
      entity.nameKk,
      ...entity.aliases,
      ...entity.forms,
    ]),
};
