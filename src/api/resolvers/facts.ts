/** Fact nodes (quotes, claims, numeric facts) and the fact relationships with qualifiers. */
import type { ArticleModel, FactModel } from '../../graph/model.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { GraphQLContext } from '../context.js';
import type { SelectionInfo } from '../lookahead.js';
import {
  evidenceOfFact,
  evidenceOfStatement,
  firstRelated,
  loadEntity,
  relatedEntities,
  relatedOf,
} from './shared.js';

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

const factFields = {
  article: (f: FactModel, _: unknown, ctx: GraphQLContext) =>
    articleOf(ctx, f.articleId, `fact ${f.id}`),
  evidence: (f: FactModel, _: unknown, ctx: GraphQLContext) => evidenceOfFact(ctx, f),
  about: (f: FactModel, _: unknown, ctx: GraphQLContext, info: SelectionInfo) =>
    relatedEntities(ctx, info, 'factAbout', f.id),
};

export const factResolvers: Resolvers = {
  Fact: { __resolveType: (f) => f.__typename },
  FactRelationship: {
    __resolveType: (r) =>
      'office' in r ? 'OfficeHolding' : 'subject' in r ? 'Discussion' : 'MeetingParticipation',
  },
  Quote: {
    ...factFields,
    speaker: (q, _, ctx, info) => firstRelated(ctx, info, 'quoteSpeaker', q.id, 'Person'),
    meeting: (q, _, ctx, info) => firstRelated(ctx, info, 'quoteMeeting', q.id, 'Meeting'),
    claims: (q, _, ctx, info) => relatedOf(ctx, info, 'quoteClaims', q.id, 'Claim'),
    figures: (q, _, ctx, info) => relatedOf(ctx, info, 'quoteFigures', q.id, 'NumericFact'),
  },
  Claim: {
    ...factFields,
    madeBy: (c, _, ctx, info) => firstRelated(ctx, info, 'claimMadeBy', c.id, 'Person'),
    madeAt: (c, _, ctx, info) => firstRelated(ctx, info, 'claimMadeAt', c.id, 'Meeting'),
    quote: (c, _, ctx, info) => firstRelated(ctx, info, 'containingQuote', c.id, 'Quote'),
  },
  NumericFact: {
    ...factFields,
    period: (n) =>
      n.periodStart || n.periodEnd || n.periodLabel
        ? { start: n.periodStart, end: n.periodEnd, label: n.periodLabel }
        : null,
    statedBy: (n, _, ctx, info) => firstRelated(ctx, info, 'figureStatedBy', n.id, 'Person'),
    quote: (n, _, ctx, info) => firstRelated(ctx, info, 'containingQuote', n.id, 'Quote'),
  },
  FactStatement: {
    article: (st, _, ctx) => articleOf(ctx, st.articleId, `statement ${st.factId}`),
    evidence: (st) => evidenceOfStatement(st),
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
