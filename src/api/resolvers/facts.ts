/** Fact nodes (quotes, claims, numeric facts) and the fact relationships with qualifiers. */
import {
  LINK_TYPE_NAMES,
  type ArticleModel,
  type EvidenceModel,
  type FactModel,
  type LinkModel,
} from '../../graph/model.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { GraphQLContext } from '../context.js';
import { evidenceOfStatement, loadEntity } from './shared.js';

/** The article a fact or a statement names (`what` says which, for the error). */
async function articleOf(
  ctx: GraphQLContext,
  articleId: string,
  what: string,
): Promise<ArticleModel> {
  const node = await ctx.loaders.node.load(articleId);
  if (!node || node.__typename !== 'Article') {
    throw new Error(`${what} names article ${articleId}, which is not in the graph`);
  }
  return node;
}

/** A fact's article, by its articleId property (not a relationship: not the registry's). */
const factFields = {
  article: (f: FactModel, _: unknown, ctx: GraphQLContext) =>
    articleOf(ctx, f.articleId, `fact ${f.id}`),
};

/** Every link type's evidence: across its statements, as every fact relationship's. */
function linkResolvers(): Record<string, { evidence: (r: LinkModel) => EvidenceModel[] }> {
  return Object.fromEntries(
    LINK_TYPE_NAMES.map((type) => [
      type,
      { evidence: (r: LinkModel) => r.statements.flatMap(evidenceOfStatement) },
    ]),
  );
}

export const factResolvers: Resolvers = {
  Fact: { __resolveType: (f) => f.__typename },
  FactRelationship: {
    // The newer items name their type; the first two tell themselves apart by their fields.
    __resolveType: (r) =>
      '__typename' in r ? r.__typename : 'office' in r ? 'OfficeHolding' : 'Discussion',
  },
  Quote: factFields,
  Claim: factFields,
  NumericFact: {
    ...factFields,
    period: (n) =>
      n.periodStart || n.periodEnd || n.periodLabel
        ? { start: n.periodStart, end: n.periodEnd, label: n.periodLabel }
        : null,
  },
  FactStatement: {
    article: (st, _, ctx) => articleOf(ctx, st.articleId, `statement ${st.factId}`),
    evidence: (st) => evidenceOfStatement(st),
  },
  DatedQualifier: {
    evidence: (d) => d.sentenceIds.map((sentenceId) => ({ sentenceId, excerpts: d.excerpts })),
  },
  OfficeHolding: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
  },
  MeetingParticipation: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    office: (r, _, ctx) => loadEntity(ctx, r.officeId),
    country: (r, _, ctx) => loadEntity(ctx, r.countryId),
  },
  EventParticipation: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    office: (r, _, ctx) => loadEntity(ctx, r.officeId),
    country: (r, _, ctx) => loadEntity(ctx, r.countryId),
  },
  Discussion: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    raisedBy: (r, _, ctx) => loadEntity(ctx, r.raisedById),
  },
  Signature: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    office: (r, _, ctx) => loadEntity(ctx, r.officeId),
    country: (r, _, ctx) => loadEntity(ctx, r.countryId),
  },
  Appointment: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    office: (r, _, ctx) => loadEntity(ctx, r.officeId),
  },
  ...linkResolvers(),
  StatusQualifier: {
    evidence: (q) => q.sentenceIds.map((sentenceId) => ({ sentenceId, excerpts: q.excerpts })),
  },
  DiscussionSubject: {
    __resolveType: (e) => (e.__typename === 'Topic' ? 'Topic' : 'InfrastructureProject'),
  },
};
