/** Articles, sentences, mentions and evidence: where every fact comes from. */
import type { SentenceModel } from '../../graph/model.js';
import { isEntityModel } from '../../graph/convert.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { GraphQLContext } from '../context.js';
import { firstRelated, propStrings, related, relatedOf } from './shared.js';

async function sentence(ctx: GraphQLContext, id: string): Promise<SentenceModel> {
  const node = await ctx.loaders.node.load(id);
  if (!node || node.__typename !== 'Sentence')
    throw new Error(`evidence names sentence ${id}, which is not in the graph`);
  return node;
}

/** Cuts an article-offset span to the part inside the sentence (offsets are code points). */
function sliceToSentence(s: SentenceModel, span: { start: number; end: number }): string {
  const from = Math.max(span.start, s.start) - s.start;
  const to = Math.min(span.end, s.end) - s.start;
  return to > from ? [...s.text].slice(from, to).join('') : '';
}

export const provenanceResolvers: Resolvers = {
  Node: { __resolveType: (n) => n.__typename },
  Evidence: {
    sentence: (e, _, ctx) => sentence(ctx, e.sentenceId),
    article: async (e, _, ctx) => {
      const s = await sentence(ctx, e.sentenceId);
      const node = await ctx.loaders.node.load(s.articleId);
      if (!node || node.__typename !== 'Article')
        throw new Error(`sentence ${s.id} has no article`);
      return node;
    },
    excerpts: async (e, _, ctx) => {
      const s = await sentence(ctx, e.sentenceId);
      if (e.span) {
        const cut = sliceToSentence(s, e.span);
        return cut ? [cut] : [];
      }
      return e.excerpts.filter((excerpt) => s.text.includes(excerpt));
    },
  },
  Article: {
    source: (a, _, ctx, info) => firstRelated(ctx, info, 'articleSource', a.id, 'Organization'),
    sentences: (a, _, ctx, info) => relatedOf(ctx, info, 'articleSentences', a.id, 'Sentence'),
    quotes: (a, _, ctx, info) => relatedOf(ctx, info, 'articleQuotes', a.id, 'Quote'),
    claims: (a, _, ctx, info) => relatedOf(ctx, info, 'articleClaims', a.id, 'Claim'),
    numericFacts: (a, _, ctx, info) =>
      relatedOf(ctx, info, 'articleNumericFacts', a.id, 'NumericFact'),
  },
  Sentence: {
    article: async (s, _, ctx) => {
      const node = await ctx.loaders.node.load(s.articleId);
      if (!node || node.__typename !== 'Article')
        throw new Error(`sentence ${s.id} has no article`);
      return node;
    },
    mentions: async (s, _, ctx, info) => {
      const items = await related(ctx, info, 'sentenceMentions', s.id);
      // One MENTIONS relationship per (sentence, entity): an item's only statement.
      return items.flatMap(({ statements, node }) =>
        isEntityModel(node)
          ? [
              {
                entity: node,
                forms: statements[0] ? propStrings(statements[0], 'forms') : [],
                count: Number(statements[0]?.count ?? 0),
              },
            ]
          : [],
      );
    },
    facts: (s, _, ctx, info) =>
      relatedOf(ctx, info, 'sentenceFacts', s.id, 'Quote', 'Claim', 'NumericFact'),
  },
  MentionConnection: { totalCount: (c) => c.totalCount() },
};
