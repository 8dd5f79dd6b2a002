/** Articles, sentences, mentions and evidence: where every fact comes from. */
import type { SentenceModel } from '../../graph/model.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { GraphQLContext } from '../context.js';

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
  Sentence: {
    article: async (s, _, ctx) => {
      const node = await ctx.loaders.node.load(s.articleId);
      if (!node || node.__typename !== 'Article')
        throw new Error(`sentence ${s.id} has no article`);
      return node;
    },
  },
  MentionConnection: { totalCount: (c) => c.totalCount() },
};
