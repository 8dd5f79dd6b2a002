/**
 * Finds which sentences mention which entity, from the entity's names, aliases and forms.
 * Matching is case-insensitive and whole-word: a surface form must not touch a letter or
 * digit on either side, nor a hyphen joined to one (Kazakh compounds: `сауда` is not found
 * in `сауда-экономикалық`, nor `ҚР` in `ҚР-дың` — list such forms explicitly). Longer forms
 * win over shorter ones at the same place (one match per position per entity).
 */
import type { SentenceSpan } from './sentences.js';

export interface EntitySurface {
  id: string;
  /** Every name, alias and form: what counts as a mention. */
  surfaces: readonly string[];
}

export interface Mention {
  sentenceIndex: number;
  entityId: string;
  /** The distinct surface forms found, as written in the sentence, in order of first use. */
  forms: string[];
  count: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Compiled once: a RegExp with \p{…} classes costs milliseconds to compile, too much per entity.
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Is there a letter or digit (or a hyphen joined to one) right before `at`, or right from `end`? */
function touchesWord(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(end, end + 2);
  const charBefore = Array.from(before).pop() ?? '';
  const charAfter = Array.from(after)[0] ?? '';
  if (WORD_CHAR.test(charBefore) || WORD_CHAR.test(charAfter)) return true;
  const hyphenJoinedBefore = charBefore === '-' && WORD_CHAR.test(text[at - 2] ?? '');
  const hyphenJoinedAfter = charAfter === '-' && WORD_CHAR.test(text[end + 1] ?? '');
  return hyphenJoinedBefore || hyphenJoinedAfter;
}

/**
 * One matcher per entity: its surfaces, longest first, matched on lower-cased text (same
 * length as the original for the scripts we seed; otherwise a slower exact-case fallback).
 */
export function surfaceMatcher(surfaces: readonly string[]): ((text: string) => string[]) | null {
  const distinct = [...new Set(surfaces.map((s) => s.trim()).filter((s) => s !== ''))];
  if (distinct.length === 0) return null;
  distinct.sort((a, b) => b.length - a.length);
  const lowered = new RegExp(distinct.map((d) => escapeRegExp(d.toLowerCase())).join('|'), 'g');
  const exact = new RegExp(distinct.map(escapeRegExp).join('|'), 'gi');
  const loweredSurfaces = distinct.map((d) => d.toLowerCase());
  return (text: string) => {
    const lower = text.toLowerCase();
    const sameLength = lower.length === text.length;
    const re = sameLength ? lowered : exact;
    const haystack = sameLength ? lower : text;
    const found: string[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
      const at = m.index;
      // The regexp found the earliest position; there, take the longest surface that stands
      // as a whole word (a longer one may touch a word where a shorter one does not).
      const length = sameLength
        ? loweredSurfaces.find(
            (s) => lower.startsWith(s, at) && !touchesWord(text, at, at + s.length),
          )?.length
        : m[0].length;
      if (length === undefined || (!sameLength && touchesWord(text, at, at + length))) {
        re.lastIndex = at + 1;
        continue;
      }
      found.push(text.slice(at, at + length));
      re.lastIndex = at + length;
    }
    return found;
  };
}

/**
 * Matchers by their surfaces: entities are declared again by every article that mentions
 * them (a corpus reuses a few hundred), and building a matcher (two RegExps) per article was
 * a tenth of validation. Bounded: emptied when it grows past MAX_CACHED_MATCHERS.
 */
const matchers = new Map<string, ((text: string) => string[]) | null>();
const MAX_CACHED_MATCHERS = 10_000;

function cachedMatcher(surfaces: readonly string[]): ((text: string) => string[]) | null {
  const key = surfaces.join('\u0000');
  let match = matchers.get(key);
  if (match === undefined) {
    if (matchers.size >= MAX_CACHED_MATCHERS) matchers.clear();
    match = surfaceMatcher(surfaces);
    matchers.set(key, match);
  }
  return match;
}

export function findMentions(
  sentences: readonly SentenceSpan[],
  entities: readonly EntitySurface[],
): Mention[] {
  const mentions: Mention[] = [];
  for (const entity of entities) {
    const match = cachedMatcher(entity.surfaces);
    if (!match) continue;
    for (const sentence of sentences) {
      const found = match(sentence.text);
      if (found.length === 0) continue;
      mentions.push({
        sentenceIndex: sentence.index,
        entityId: entity.id,
        forms: [...new Set(found)],
        count: found.length,
      });
    }
  }
  return mentions;
}
