/**
 * The article's sentences, split by the seeder's own rule (src/seed/sentences.ts) so that a
 * draft's sentence indexes are the seeded ones; offsets here are UTF-16 units of the text.
 */
import { splitSentences } from '../seed/sentences.js';
import { ArticleText } from '../seed/text.js';
import type { DraftSentence } from './model.js';

export function draftSentences(text: string): DraftSentence[] {
  const article = new ArticleText(text);
  return splitSentences(article).map((s) => ({
    index: s.index,
    start: article.toUtf16(s.start),
    end: article.toUtf16(s.end),
    text: s.text,
  }));
}

/** The sentence holding offset `at`. */
export function sentenceAt(
  sentences: readonly DraftSentence[],
  at: number,
): DraftSentence | undefined {
  return sentences.find((s) => s.start <= at && at < s.end);
}
