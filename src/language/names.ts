/**
 * Names as wholes: the case forms of a multi-word name, whether words of a text are a form of
 * a name, and a form's nominative. Kazakh inflects a name's last word (`Әлихан Смайыловпен`,
 * `ҚР Үкіметінің`); Russian inflects a person's every name (`Михаила Мишустина`), otherwise the
 * head noun and the adjectives before it (`Евразийского межправительственного совета`,
 * `Правительством Российской Федерации`); English not at all.
 */
import {
  KAZAKH_CASES,
  endsInPossessive,
  kazakhAnalyses,
  kazakhCaseEndings,
  kazakhEnding,
  kazakhForms,
  kazakhStems,
  type KazakhCase,
} from './kazakh.js';
import {
  isRussianAdjective,
  russianCaseTable,
  russianNominatives,
  russianStems,
} from './russian.js';
import { hasVowel, normalize } from './text.js';

export type Language = 'kk' | 'ru' | 'en';

interface NameOptions {
  /** The name is a person's (Russian declines first names and surnames, animate). */
  person?: boolean;
}

/** A name's words as written, hyphenated compounds kept whole; separators dropped. */
const nameWords = (name: string): string[] =>
  name.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

/** Abbreviations (`ҚР`, `РФ`, `ЕАЭС`) do not decline in Russian, nor take endings unhyphenated. */
const isAbbreviation = (word: string) =>
  word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);

/** `original` (any case) with its normalised form replaced by `lower`, keeping its capitals. */
function recase(original: string, lower: string): string {
  const base = normalize(original);
  let common = 0;
  while (common < base.length && common < lower.length && base[common] === lower[common]) common++;
  return original.slice(0, common) + lower.slice(common);
}

/** The part of a hyphenated compound that takes endings: the last (`Пресс-служба` → `служба`). */
function splitCompound(word: string): [prefix: string, head: string] {
  const i = word.lastIndexOf('-');
  return i < 0 ? ['', word] : [word.slice(0, i + 1), word.slice(i + 1)];
}

/** `Северные и восточные регионы`: a conjunction between declining words does not stop them. */
const CONJUNCTIONS = new Set(['и', 'или']);

/** Particles inside a person's name (`Урсула фон дер Ляйен`): they never take endings. */
export const NAME_PARTICLES = /^(?:фон|дер|ван|де|ди|да|аль|ибн|бин|ле|ла)$/u;

/**
 * A woman's name (first name in -а/-я) with a surname that is no Russian -ов/-ин/-ская
 * form: the surname does not decline (`Урсулы фон дер Ляйен`).
 */
function indeclinableSurname(words: readonly string[], i: number): boolean {
  const first = normalize(words[0] ?? '');
  const word = normalize(words[i]!);
  return (
    i > 0 &&
    words.length > 1 &&
    /[ая]$/.test(first) &&
    /[^аеиоуыэюяь]$/.test(word) &&
    !/(?:[оеё]в|[иы]н|ий|ой)$/.test(word)
  );
}

/** Which of a Russian name's words decline. */
function russianDeclining(words: readonly string[], person: boolean): number[] {
  const out: number[] = [];
  for (const [i, word] of words.entries()) {
    if (CONJUNCTIONS.has(normalize(word))) continue;
    if (person && (NAME_PARTICLES.test(normalize(word)) || indeclinableSurname(words, i))) continue;
    if (isAbbreviation(word) || !hasVowel(word)) break;
    out.push(i);
    if (!person && !isRussianAdjective(normalize(splitCompound(word)[1]))) break;
  }
  return out;
}

/** Per case, the word's form as written; null: it does not decline. */
function russianCaseForms(word: string, person: boolean): string[] | null {
  const [prefix, head] = splitCompound(word);
  const table = russianCaseTable(normalize(head), person);
  return table && table.map((f) => prefix + recase(head, f));
}

/**
 * The case forms of a name in `language` (nominative excluded), as written: `Қазақстан` →
 * `Қазақстанның`, `Қазақстанға`…; `Мишустин` (person) → `Мишустина`, `Мишустиным`….
 */
export function inflectedForms(
  name: string,
  language: Language,
  options: NameOptions = {},
): string[] {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (!last || language === 'en') return [];
  const out = new Set<string>();
  if (language === 'kk') {
    // `ҚР-дың`, `РФ-ке`: an abbreviation takes its ending after a hyphen, in the harmony of
    // how its letters are read, so every spelling is a form.
    if (isAbbreviation(last) || !hasVowel(last)) {
      return KAZAKH_CASES.flatMap((c) => kazakhCaseEndings(c).map((e) => `${name}-${e}`));
    }
    const lower = normalize(last);
    const possessed = words.length > 1 && endsInPossessive(lower);
    const at = name.lastIndexOf(last);
    for (const form of kazakhForms(lower, possessed)) {
      out.add(name.slice(0, at) + last + form.slice(lower.length));
    }
  } else {
    const declining = russianDeclining(words, options.person ?? false);
    const tables = declining.map((i) => russianCaseForms(words[i]!, options.person ?? false));
    if (tables.some((t) => t === null)) return [];
    for (let c = 0; c < 5; c++) {
      let form = name;
      // Replace from the last declining word back, so earlier offsets stay valid.
      const positions = wordPositions(name, words);
      for (let k = declining.length - 1; k >= 0; k--) {
        const i = declining[k]!;
        const at = positions[i]!;
        form = form.slice(0, at) + tables[k]![c]! + form.slice(at + words[i]!.length);
      }
      if (form !== name) out.add(form);
    }
  }
  return [...out];
}

function wordPositions(name: string, words: readonly string[]): number[] {
  const positions: number[] = [];
  let from = 0;
  for (const word of words) {
    const at = name.indexOf(word, from);
    positions.push(at);
    from = at + word.length;
  }
  return positions;
}

/** Normalised words joined by one space: how two spellings of a phrase are compared. */
const phraseKey = (text: string) => nameWords(normalize(text)).join(' ');

/**
 * Are `words` (a phrase of a text, or its words) the name or one of its case forms? Case-,
 * `ё`- and spacing-insensitive: `Михаилом Мишустиным` matches `Михаил Мишустин` (ru, person).
 */
export function matchesName(
  words: string | readonly string[],
  name: string,
  language: Language,
  options: NameOptions = {},
): boolean {
  const phrase = phraseKey(typeof words === 'string' ? words : words.join(' '));
  return [name, ...inflectedForms(name, language, options)].some((f) => phraseKey(f) === phrase);
}

const NOMINATIVE_ADJECTIVE = /(?:ый|ий|ая|яя|ое|ее|ые|ие)$/;
const ADJECTIVE_SUFFIX = /(?:ск|цк|н|[кгхчшщж]|[оеи]в)$/;

const KAZAKH_CASE_LENGTH_FIRST = (a: { stem: string }, b: { stem: string }) =>
  a.stem.length - b.stem.length;

/** A Kazakh word with its case ending stripped (possessive and plural kept), best reading first. */
function kazakhNominatives(word: string): string[] {
  // A loanword's soft sign (`Шольц`) leaves its harmony to the writer: either is read.
  const harmonies = /ь/.test(word) ? (['front', 'back'] as const) : [undefined];
  const strict = (stem: string, kase: KazakhCase) =>
    harmonies.some(
      (h) =>
        word === stem + kazakhEnding(stem, kase, false, h) ||
        word === stem + kazakhEnding(stem, kase, endsInPossessive(stem), h),
    );
  const readings = kazakhAnalyses(word).filter(
    (a) => a.case && !a.possessive && !a.derivation && strict(a.stem, a.case),
  );
  readings.sort(KAZAKH_CASE_LENGTH_FIRST);
  return [...new Set([...readings.map((a) => a.stem), word])];
}

/**
 * A phrase put back into the nominative, best effort (the draft tool proposes it for review):
 * `Әлихан Смайыловпен` → `Әлихан Смайылов`, `ҚР Үкіметінің` → `ҚР Үкіметі` (kk);
 * `Евразийского межправительственного совета` → `Евразийский межправительственный совет` (ru).
 * A nominative-looking word is taken as is; an ambiguous ending (`Канада` as `Кана` + `-да`)
 * may be stripped wrongly.
 */
export function nominative(phrase: string, language: Language, options: NameOptions = {}): string {
  const words = nameWords(phrase);
  if (words.length === 0 || language === 'en') return phrase;
  const positions = wordPositions(phrase, words);
  const replace = (out: string, i: number, by: string) =>
    out.slice(0, positions[i]!) + by + out.slice(positions[i]! + words[i]!.length);
  if (language === 'kk') {
    const i = words.length - 1;
    const word = words[i]!;
    const hyphen = word.lastIndexOf('-');
    // `ҚР-дың`: the hyphenated ending of an abbreviation.
    if (hyphen > 0 && !hasVowel(word.slice(0, hyphen))) {
      const reading = kazakhAnalyses(normalize(word)).find((a) => a.case);
      return reading ? replace(phrase, i, word.slice(0, hyphen)) : phrase;
    }
    const best = kazakhNominatives(normalize(word))[0]!;
    return replace(phrase, i, recase(word, best));
  }
  // Russian: the declining words are the leading adjectives and the head noun (all, for a person).
  const person = options.person ?? false;
  let out = phrase;
  const nominatives: Array<[number, string]> = [];
  const adjectives: number[] = [];
  let plural = false;
  for (const [i, word] of words.entries()) {
    if (CONJUNCTIONS.has(normalize(word))) continue;
    if (person && (NAME_PARTICLES.test(normalize(word)) || indeclinableSurname(words, i))) continue;
    if (isAbbreviation(word) || !hasVowel(word)) break;
    const [prefix, head] = splitCompound(word);
    const lower = normalize(head);
    // A woman's first name before a surname that does not decline is already a nominative.
    if (person && i === 0 && words.length > 1 && /[ая]$/.test(lower)) {
      if (words.slice(1).some((_, k) => indeclinableSurname(words, k + 1))) continue;
    }
    if (NOMINATIVE_ADJECTIVE.test(lower) && isRussianAdjective(lower)) continue;
    // An adjective by its suffix too (`Российской`, not `Москвой` read as `Москвый`); a
    // participle in -емый/-имый only by a long ending (`возобновляемого`, not `приемом`).
    const participle = /(?:ого|его|ых|их|ую)$/.test(lower);
    const adjective = russianNominatives(lower, person, 'adjective').find(
      (c) =>
        c !== lower &&
        isRussianAdjective(c) &&
        (person
          ? /[сц]к(?:ий|ая|ой)$/.test(c)
          : ADJECTIVE_SUFFIX.test(c.slice(0, -2)) || (participle && /[еи]м$/.test(c.slice(0, -2)))),
    );
    if (adjective && /(?:ых|их)$/.test(lower)) plural = true;
    const noun = plural
      ? pluralNominative(lower)
      : (russianNominatives(lower, person, 'noun')[0] ?? lower);
    nominatives.push([i, prefix + recase(head, adjective ?? noun)]);
    if (adjective) adjectives.push(nominatives.length - 1);
    if (!person && !adjective) break;
  }
  // The adjectives agree with the head noun's gender and number (`устойчивое сырьё`).
  const headNoun = nominatives.length && !person ? nominatives[nominatives.length - 1]! : undefined;
  if (headNoun && !adjectives.includes(nominatives.length - 1)) {
    for (const k of adjectives) {
      const [i, adjective] = nominatives[k]!;
      nominatives[k] = [i, agree(adjective, normalize(headNoun[1]), plural)];
    }
  }
  for (const [i, word] of nominatives.reverse()) out = replace(out, i, word);
  return out;
}

/** The nominative plural of a genitive plural noun (`батарей` → `батареи`, `программ` → `программы`). */
function pluralNominative(word: string): string {
  if (/[оеё]в$/.test(word))
    return word.slice(0, -2) + (/[кгхжшщч]$/.test(word.slice(0, -2)) ? 'и' : 'ы');
  if (/ий$/.test(word)) return word.slice(0, -2) + 'ии';
  if (/ей$/.test(word))
    return word.slice(0, -2) + (/[аеиоуя]$/.test(word.slice(0, -2)) ? 'и' : 'и');
  if (/[^аеиоуыэюяйь]$/.test(word)) return word + (/[кгхжшщч]$/.test(word) ? 'и' : 'ы');
  return word;
}

/** A masculine nominative adjective made to agree with its noun (`устойчивый` + `сырье`). */
function agree(adjective: string, noun: string, plural: boolean): string {
  const lower = normalize(adjective);
  if (!/(?:ый|ий|ой)$/.test(lower)) return adjective;
  const stem = adjective.slice(0, -2);
  const soft = /ний$/.test(lower) || /[жшщч]ий$/.test(lower);
  const velar = /[гкх]ий$/.test(lower) || /[гкхжшщч]ой$/.test(lower);
  if (plural || /[ыи]$/.test(noun)) return stem + (soft || velar ? 'ие' : 'ые');
  if (/[оеё]$/.test(noun)) return stem + (soft ? 'ее' : 'ое');
  if (/[ая]$/.test(noun) && !/ья$/.test(noun)) return stem + (soft ? 'яя' : 'ая');
  return adjective;
}

/**
 * Search stems of a normalised word, Kazakh and Russian (the query's language is unknown):
 * what is left once an ending is stripped. The word itself is not among them.
 */
export function stemsOf(word: string): string[] {
  return [...new Set([...kazakhStems(word), ...russianStems(word)])];
}
