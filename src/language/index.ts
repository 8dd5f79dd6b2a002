/**
 * The language module: everything togys knows about Kazakh, Russian and Latin spellings, pure
 * (no I/O, no Neo4j). Used by search (keys at seed time, the query at request time), by the
 * seeder's mention detection and by the draft tool.
 *
 * - `normalize`, `tokenize`, `wordSpans`: the one normal form (lowercase, `ё` → `е`) and the
 *   words of a text;
 * - `kazakhStems`, `kazakhForms`, `kazakhAnalyses`: Kazakh case, possessive and plural endings
 *   with vowel harmony; `russianStems`, `russianForms`, `russianNominatives`: Russian declension
 *   of names;
 * - `inflectedForms`, `matchesName`, `nominative`: whole (multi-word) names;
 * - `cyrillicToLatin`, `latinToCyrillic`, `latinSpellings`: the one transliteration table;
 * - `searchKeys`: what the search index stores for a name, and what a query is looked up by.
 */
export {
  editDistance,
  foldCase,
  isCyrillic,
  isWordChar,
  normalize,
  tokenize,
  wordSpans,
} from './text.js';
export type { WordSpan } from './text.js';
export { harmonyOf, kazakhAnalyses, kazakhEnding, kazakhForms, kazakhStems } from './kazakh.js';
export {
  russianCase,
  russianCaseTable,
  russianForms,
  russianNominatives,
  russianStems,
} from './russian.js';
export { NAME_PARTICLES, inflectedForms, matchesName, nominative, stemsOf } from './names.js';
export type { Language } from './names.js';
export {
  cyrillicToLatin,
  kazakhToRussian,
  latinSpellings,
  latinToCyrillic,
} from './transliterate.js';
export { nameKey, queryTerms, rootOf, searchKeys } from './search-keys.js';
