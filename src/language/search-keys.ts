/**
 * Search keys: what the full-text index stores for an entity's names (at seed time), and the
 * terms a query is looked up by (at request time). Both sides come from the same functions, so
 * a query matches a name when they share a key, whatever the script, case or case ending:
 * - `words`: each normalised word, a Cyrillic one also in Latin (`мишустин`, `mishustin`;
 *   `қазақстан`, `kazakstan`, `qazaqstan`);
 * - `stems`: what the word's Kazakh and Russian endings leave (`мишустинмен` → `мишустин`,
 *   `правительства` → `правительств`), in both scripts.
 */
import { stemsOf } from './names.js';
import { isCyrillic, isLatin, tokenize } from './text.js';
import { latinSpellings, latinToCyrillic } from './transliterate.js';

interface SearchKeys {
  words: string[];
  stems: string[];
  /** Each whole name as one key: its words' `rootOf`, joined by `_` (`алихан_смаил`). */
  names: string[];
}

/**
 * A word's root for whole-name keys: read in Cyrillic, its shortest stem, stemmed again until
 * nothing is left to strip, so every form of a word meets (`смаилова`, `смаилов` → `смаил`).
 */
export function rootOf(word: string): string {
  let root = isLatin(word) && !isCyrillic(word) ? latinToCyrillic(word) : word;
  for (let depth = 0; depth < 4; depth++) {
    const shortest = stemsOf(root).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
    if (!shortest) break;
    root = shortest;
  }
  return root;
}

/** A name (or query) as one whole-name key; null when it has no words. */
export function nameKey(text: string): string | null {
  const words = tokenize(text);
  return words.length > 0 ? words.map(rootOf).join('_') : null;
}

/** A word in both scripts: itself first. */
function spellings(word: string): string[] {
  if (isCyrillic(word)) return [word, ...latinSpellings(word)];
  if (isLatin(word)) return [word, latinToCyrillic(word)];
  return [word];
}

/** The stems of a word, in both scripts (a Latin word is stemmed as its Cyrillic reading). */
function stemsInBothScripts(word: string): string[] {
  const cyrillic = isCyrillic(word) ? word : isLatin(word) ? latinToCyrillic(word) : null;
  if (!cyrillic) return [];
  return stemsOf(cyrillic).flatMap(spellings);
}

/** The keys of an entity's names, aliases and forms, each distinct, for the index. */
export function searchKeys(names: readonly string[]): SearchKeys {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const word of new Set(names.flatMap(tokenize))) {
    // Cyrillic words also in Latin; Latin ones (English names) not in Cyrillic: every entity
    // has Cyrillic names, and `Alikhan` read back as `алихан` would count twice against the
    // Kazakh and Russian words of a name that contains it (a query's Latin is read as Cyrillic).
    words.add(word);
    if (isCyrillic(word)) for (const spelling of latinSpellings(word)) words.add(spelling);
    // Latin names (`Mishustin`, `Kazakhstan`) are not inflected: only Cyrillic ones have stems.
    if (isCyrillic(word)) for (const stem of stemsInBothScripts(word)) stems.add(stem);
  }
  for (const word of words) stems.delete(word);
  const keys = new Set(names.map(nameKey).filter((k): k is string => k !== null));
  return { words: [...words], stems: [...stems], names: [...keys] };
}

interface QueryTerms {
  /** The query's normalised words, at most `maxWords`. */
  words: string[];
  /** The whole query as a whole-name key (`nameKey`). */
  name: string;
  /** Per word (same order): itself and its stems in both scripts, to meet stems and words. */
  stems: string[][];
}

/** The terms a query is looked up by; no words when it has no letters or digits. */
export function queryTerms(query: string, maxWords = 12): QueryTerms {
  const words = [...new Set(tokenize(query))].slice(0, maxWords);
  return {
    words,
    name: words.map(rootOf).join('_'),
    stems: words.map((w) => [...new Set([...spellings(w), ...stemsInBothScripts(w)])]),
  };
}
