/** Fact nodes (quotes, claims, numeric facts) and the fact relationships with qualifiers. */
import type { ArticleModel, FactModel } from '../../graph/model.js';
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

export const factResolvers: Resolvers = {
  Fact: { __resolveType: (f) => f.__typename },
  FactRelationship: {
    __resolveType: (r) =>
      'office' in r ? 'OfficeHolding' : 'subject' in r ? 'Discussion' : 'MeetingParticipation',
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
  Discussion: {
    evidence: (r) => r.statements.flatMap(evidenceOfStatement),
    raisedBy: (r, _, ctx) => loadEntity(ctx, r.raisedById),
  },
  DiscussionSubject: {
    __resolveType: (e) => (e.__typename === 'Topic' ? 'Topic' : 'InfrastructureProject'),
  },
};
