/** Entity types: the fields every entity shares (their relation fields: ./relations.ts). */
import type {
  DatedModel,
  EntityModel,
  MentionConnectionModel,
  StatusModel,
} from '../../graph/model.js';
import { MENTION_SORT_FIELD } from '../../graph/mentions.js';
import { encodeCursor } from '../../graph/cursor.js';
import type { Language, Resolvers } from '../../generated/graphql.js';
import { afterCursor, pageSize } from '../args.js';
import type { GraphQLContext } from '../context.js';
import { KIND_OF_TYPE, pageInfoOf } from './shared.js';

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
};

/**
 * A dated property with the evidence the declaring article gives for it (`date` with
 * `dateEvidence` and `dateSentenceIds`); null without the date.
 */
function statedDate(
  date: string | null,
  excerpts: string[],
  sentenceIds: string[],
): DatedModel | null {
  return date === null ? null : { date, excerpts, sentenceIds };
}

function statedStatus(e: EntityModel): StatusModel | null {
  return e.status === null
    ? null
    : { status: e.status, excerpts: e.statusEvidence, sentenceIds: e.statusSentenceIds };
}

/** The entity types' own fields; their relation fields are the registry's (./relations.ts). */
export const entityResolvers: Resolvers = {
  Entity: { __resolveType: (e) => e.__typename },
  Country: entityFields,
  Person: entityFields,
  Office: entityFields,
  Organization: entityFields,
  Place: entityFields,
  Event: {
    ...entityFields,
    statusFact: statedStatus,
    startDateFact: (e) => statedDate(e.startDate, e.startDateEvidence, e.startDateSentenceIds),
    endDateFact: (e) => statedDate(e.endDate, e.endDateEvidence, e.endDateSentenceIds),
  },
  Meeting: {
    ...entityFields,
    statusFact: statedStatus,
    dateFact: (e) => statedDate(e.date, e.dateEvidence, e.dateSentenceIds),
  },
  InfrastructureProject: entityFields,
  Topic: entityFields,
  Document: {
    ...entityFields,
    dateFact: (e) => statedDate(e.date, e.dateEvidence, e.dateSentenceIds),
  },
};
