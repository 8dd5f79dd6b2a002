/** Word-level tests the extraction rules share (capitals, abbreviations, Kazakh cases). */
import { nominative, normalize, type WordSpan } from '../language/index.js';
import type { DraftLanguage, DraftSentence, Excerpt } from './model.js';

export interface Word extends WordSpan {
  /** Normalised (lowercase) spelling. */
  lower: string;
  /** Index in its sentence. */
  index: number;
}

export const isAbbreviation = (w: string): boolean =>
  w.length >= 2 && w.length <= 5 && w === w.toUpperCase() && /\p{Lu}/u.test(w) && !w.includes('-');

export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w) && !isAbbreviation(w);

export const isKazakhGenitive = (w: string): boolean =>
  /(?:ның|нің|дың|дің|тың|тің)$/u.test(w.toLowerCase());

export const isKazakhLocative = (w: string): boolean =>
  /(?:да|де|та|те|нда|нде)$/u.test(w.toLowerCase());

/** Words that start sentences with a capital but never names. */
const SENTENCE_WORDS = new Set(
  [
    'сондай-ақ',
    'сонымен',
    'сонымен қатар',
    'өз',
    'бұл',
    'ол',
    'олар',
    'біз',
    'мен',
    'келіссөз',
    'кездесу',
    'жыл',
    'аталған',
    'сол',
    'осы',
    'также',
    'кроме',
    'в',
    'на',
    'по',
    'с',
    'он',
    'она',
    'мы',
    'это',
    'при',
    'для',
    'как',
  ].map((w) => normalize(w)),
);

export const isFunctionWord = (lower: string): boolean => SENTENCE_WORDS.has(lower);

/** The sentence's words with their offsets in the whole text. */
export function sentenceWords(
  sentence: DraftSentence,
  wordSpans: (t: string) => WordSpan[],
): Word[] {
  return wordSpans(sentence.text).map((w, index) => ({
    text: w.text,
    start: sentence.start + w.start,
    end: sentence.start + w.end,
    lower: normalize(w.text),
    index,
  }));
}

export function span(text: string, words: readonly Word[], from: number, to: number): Excerpt {
  const start = words[from]!.start;
  let end = words[to - 1]!.end;
  // A closing quote right after the last word belongs to a «quoted» name that opened inside.
  const inside = text.slice(start, end);
  if (text[end] === '»' && inside.includes('«') && !inside.includes('»')) end += 1;
  let s = start;
  if (text[s - 1] === '«' && text.slice(s, end).includes('»')) s -= 1;
  return { start: s, end, text: text.slice(s, end) };
}

/** A phrase's nominative (the language module), keeping its «» marks. */
export function nominativeOf(phrase: string, language: DraftLanguage, person = false): string {
  return nominative(phrase, language, { person });
}

/** Normalised nominative of one word. */
export const nominativeWord = (w: string, language: DraftLanguage): string =>
  normalize(nominative(w, language));
