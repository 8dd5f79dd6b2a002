/**
 * The article's sentences, split by the seeder's own rule (src/seed/sentences.ts) so that a
 * draft's sentence indexes are the seeded ones; offsets here are UTF-16 units of the text.
 */
import { splitSentences } from '../seed/sentences.js';
import { ArticleText } from '../seed/text.js';
import type { DraftSentence, Excerpt } from './model.js';

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

/** An excerpt of `text` from `start` to `end`, trimmed of spaces and of a trailing comma. */
export function excerpt(text: string, start: number, end: number): Excerpt {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/u.test(text[s]!)) s++;
  while (e > s && /[\s,;:—–]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}
