/**
 * Finds which sentences mention which entity, from the entity's names, aliases and forms.
 * Matching is case- and `ё`-insensitive (the language module's `foldCase`) and whole-word: a
 * surface form must not touch a letter or digit on either side, nor a hyphen joined to one
 * (Kazakh compounds: `сауда` is not found in `сауда-экономикалық`, nor `ҚР` in `ҚР-дың`).
 * Longer forms win over shorter ones at the same place (one match per position per entity).
 * With `language`, the Cyrillic surfaces' case forms in that language count too
 * (`inflectedForms`: `Қазақстанға`, `ҚР-дың`, `Мишустиным`), so they need not be listed.
 */
import {
  foldCase,
  inflectedForms,
  isCyrillic,
  isWordChar,
  type Language,
} from '../language/index.js';
import type { SentenceSpan } from './sentences.js';

interface EntitySurface {
  id: string;
  /** Every name, alias and form: what counts as a mention. */
  surfaces: readonly string[];
  /** A person (Russian declines a person's every name). */
  person?: boolean;
}

interface MentionOptions {
  /** The article's language: also match the surfaces' case forms in it. */
  language?: Language;
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

/** Is there a letter or digit (or a hyphen joined to one) right before `at`, or right from `end`? */
function touchesWord(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(end, end + 2);
  const charBefore = Array.from(before).pop() ?? '';
  const charAfter = Array.from(after)[0] ?? '';
  if (isWordChar(charBefore) || isWordChar(charAfter)) return true;
  const hyphenJoinedBefore = charBefore === '-' && isWordChar(text[at - 2] ?? '');
  const hyphenJoinedAfter = charAfter === '-' && isWordChar(text[end + 1] ?? '');
  return hyphenJoinedBefore || hyphenJoinedAfter;
}

/**
 * One matcher per entity: its surfaces, longest first, matched on case-folded text (same
 * length as the original for the scripts we seed; otherwise a slower exact-case fallback).
 */
type Matcher = (text: string, folded?: string | null) => string[];

export function surfaceMatcher(surfaces: readonly string[]): Matcher | null {
  const distinct = [...new Set(surfaces.map((s) => s.trim()).filter((s) => s !== ''))];
  if (distinct.length === 0) return null;
  distinct.sort((a, b) => b.length - a.length);
  const fold = (s: string) => foldCase(s) ?? s.toLowerCase();
  const lowered = new RegExp(distinct.map((d) => escapeRegExp(fold(d))).join('|'), 'g');
  const exact = new RegExp(distinct.map(escapeRegExp).join('|'), 'gi');
  const loweredSurfaces = distinct.map(fold);
  // `folded`: the text's foldCase, when the caller folded it once for many matchers.
  return (text: string, folded = foldCase(text)) => {
    const sameLength = folded !== null;
    const lower = folded ?? text;
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
const matchers = new Map<string, Matcher | null>();
const MAX_CACHED_MATCHERS = 10_000;

/** The entity's surfaces, with their case forms in `language` when one is given. */
function surfacesOf(entity: EntitySurface, language: Language | undefined): readonly string[] {
  if (!language) return entity.surfaces;
  const person = entity.person ?? false;
  return [
    ...entity.surfaces,
    ...entity.surfaces.filter(isCyrillic).flatMap((s) => inflectedForms(s, language, { person })),
  ];
}

function cachedMatcher(surfaces: readonly string[]): Matcher | null {
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
  options: MentionOptions = {},
): Mention[] {
  const mentions: Mention[] = [];
  const folded = sentences.map((s) => foldCase(s.text));
  for (const entity of entities) {
    const match = cachedMatcher(surfacesOf(entity, options.language));
    if (!match) continue;
    for (const [i, sentence] of sentences.entries()) {
      const found = match(sentence.text, folded[i]);
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
