/**
 * Sentence splitting: a small documented rule instead of `Intl.Segmenter`, whose ICU rules
 * do not break before a sentence starting with a digit ("…серіктесіміз. 2021 жылдың…") and
 * so merge three sentences of the first article into one.
 *
 * The rule (deterministic, documented in seeds/README.md):
 * 1. A line break ends a sentence (title lines, the dateline and paragraphs stand alone).
 * 2. Inside a line, a sentence ends after a run of `.`, `!`, `?` or `…`, plus any closing
 *    quotes or brackets (`»`, `”`, `"`, `)`), when whitespace follows and then a character
 *    that can start a sentence: an upper-case letter, a digit, an opening quote or bracket,
 *    or a currency sign. So `…керек», — деді Премьер-Министр.` stays one sentence (a dash
 *    follows the closing quote), and so does `…млрд көлемінде` (no terminator).
 * 3. Each sentence is trimmed of surrounding whitespace; empty ones are dropped.
 * Offsets are code points, half-open.
 */
import type { ArticleText } from './text.js';

export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[.!?…]+[»”"’)\]]*(?=\s+[\p{Lu}\p{N}«“"„'([\p{Sc}])/gu;

export function splitSentences(source: ArticleText): SentenceSpan[] {
  const text = source.text;
  const pieces: Array<[number, number]> = [];
  const lineRe = /[^\r\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const lineText = line[0];
    let pieceStart = 0;
    SENTENCE_END.lastIndex = 0;
    for (let end = SENTENCE_END.exec(lineText); end; end = SENTENCE_END.exec(lineText)) {
      const pieceEnd = end.index + end[0].length;
      pieces.push([lineStart + pieceStart, lineStart + pieceEnd]);
      pieceStart = pieceEnd;
    }
    pieces.push([lineStart + pieceStart, lineStart + lineText.length]);
  }
  const sentences: SentenceSpan[] = [];
  for (const [from, to] of pieces) {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = source.toCodePoint(from + lead);
    const end = source.toCodePoint(from + lead + trimmed.length);
    sentences.push({ index: sentences.length, start, end, text: trimmed });
  }
  return sentences;
}

/** Indexes of the sentences that overlap [start, end). */
export function sentencesOverlapping(
  sentences: readonly SentenceSpan[],
  start: number,
  end: number,
): number[] {
  return sentences.filter((s) => s.start < end && start < s.end).map((s) => s.index);
}
