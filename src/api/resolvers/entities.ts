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
import { pageWindow, type PageArgs } from '../args.js';
import type { GraphQLContext } from '../context.js';
import { KIND_OF_TYPE, pageInfoOf, pageRows } from './shared.js';

async function mentions(
  entity: EntityModel,
  args: PageArgs,
  ctx: GraphQLContext,
): Promise<MentionConnectionModel> {
  const window = pageWindow(args, MENTION_SORT_FIELD, ctx.config.graphql.maxPageSize);
  const read = await ctx.loaders.mentionPage.load({ entityId: entity.id, window });
  const { page, more } = pageRows(read.rows, window);
  const edges = page.map((row) => {
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
    pageInfo: pageInfoOf(edges, window, more, read.beyond),
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
  mentions: (e: EntityModel, args: PageArgs, ctx: GraphQLContext) => mentions(e, args, ctx),
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
