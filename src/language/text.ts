/**
 * Text normalisation and word splitting shared by search keys, mention detection and drafting.
 * Everything else in `src/language/` works on the output of `normalize`.
 */

/**
 * The form every comparison uses: Unicode NFC, lowercased, `ё` → `е` (Russian writes both for
 * one letter), stress marks and soft hyphens dropped, Latin look-alikes of Kazakh letters (a
 * Latin `i` typed inside a Cyrillic word) mapped to the Cyrillic letter.
 */
export function normalize(text: string): string {
  const lowered = text
    .normalize('NFC')
    .replace(/\u00AD|\u0301/g, '')
    .toLowerCase()
    .replace(/ё/g, 'е');
  return lowered.includes('i') && isCyrillic(lowered)
    ? lowered.replace(/[\p{L}]+/gu, (word) => (isCyrillic(word) ? word.replace(/i/g, 'і') : word))
    : lowered;
}

/**
 * `normalize` without its length-changing steps: lowercase and `ё` → `е`, one UTF-16 unit for
 * one (for Cyrillic and Latin), so offsets found in the folded text hold in the original.
 * Null when folding would change the length (some other script's special casing).
 */
export function foldCase(text: string): string | null {
  const folded = text.toLowerCase().replace(/ё/g, 'е');
  return folded.length === text.length ? folded : null;
}

// Compiled once: a RegExp with \p{…} classes is costly to build, and this one runs per match.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** A letter or a digit: what words are made of. */
export const isWordChar = (char: string): boolean => WORD_CHAR.test(char);

/** Runs of letters and digits: the words of a text. Hyphens and punctuation separate them. */
const WORD = /[\p{L}\p{N}]+/gu;

/** A text's normalised words (`Шолпан-Атада, «Астрахан»` → `шолпан`, `атада`, `астрахан`). */
export function tokenize(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

export interface WordSpan {
  /** The word as written. */
  text: string;
  /** UTF-16 offsets in the text: `text.slice(start, end)` is the word. */
  start: number;
  end: number;
}

/**
 * Words with their offsets, hyphenated compounds kept whole (`Шолпан-Атада`, `ҚР-дың`,
 * `Премьер-Министрі`): a name's boundary is a compound's boundary, never a hyphen inside it.
 */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    spans.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export const isCyrillic = (text: string): boolean => /\p{Script=Cyrillic}/u.test(text);
export const isLatin = (text: string): boolean => /\p{Script=Latin}/u.test(text);

/** Does the word have a vowel (Cyrillic or Latin)? Abbreviations such as `ҚР`, `РФ` do not. */
export const hasVowel = (word: string): boolean => /[аәеёиоөуұүыіэюяaeiouy]/iu.test(word);

/** Levenshtein distance: the fuzzy pass's notion of a typo. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}
