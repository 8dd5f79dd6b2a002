/**
 * Russian declension for names: nouns (`Правительство`, `Россия`, `Иран`), surnames
 * (`Мишустин` → `Мишустиным`, `Токаев` → `Токаевым`), first names and the adjectives of
 * multi-word names (`Евразийский` → `Евразийского`). One table of paradigms serves three uses:
 * `russianForms` declines a word, `russianNominatives` undoes it, `russianStems` strips any
 * ending for search keys.
 *
 * Snowball's Russian stemmer was tried first and left out: it is made for common words and
 * cuts names unevenly (`токаев` → `тока` but `токаева` → `токаев`, `казахстан` → `казахста`).
 * Input words are normalised (`normalize`): lowercase, `ё` written `е`.
 */
import { hasVowel } from './text.js';

type RussianCase = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
const RUSSIAN_CASES: readonly RussianCase[] = [
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
];

/** Stems shorter than this are never produced (`Рим`, `Уфа` stay whole). */
const MIN_STEM = 4;

interface Paradigm {
  /** The nominative ending this paradigm applies to ('' for a final consonant). */
  nominative: string;
  /** Which words: a noun, an adjective, or a person's surname / first name (animate). */
  part: 'noun' | 'adjective' | 'person';
  /** Only for stems that match (the letter before the ending). */
  stem?: RegExp;
  /** The case endings replacing `nominative`, in RUSSIAN_CASES order. */
  endings: readonly [string, string, string, string, string];
}

const VELAR_OR_HUSHING = /[гкхжшщч]$/;
const HUSHING = /[жшщчц]$/;
// Russian spelling writes -ий, never -ый, after г к х ж ш щ ч (`Евразийский`, `общий`).
const NOT_VELAR = /[^гкхжшщч]$/;
const SOFT = /[нжшщч]$/;

// Most specific first: the first paradigm whose nominative ending and stem fit is used.
const PARADIGMS: readonly Paradigm[] = [
  // Adjectives (also the -ский surnames): every form of a multi-word name agrees.
  {
    part: 'adjective',
    nominative: 'ый',
    stem: NOT_VELAR,
    endings: ['ого', 'ому', 'ый', 'ым', 'ом'],
  },
  {
    part: 'adjective',
    nominative: 'ий',
    stem: /[гкх]$/,
    endings: ['ого', 'ому', 'ий', 'им', 'ом'],
  },
  { part: 'adjective', nominative: 'ой', endings: ['ого', 'ому', 'ой', 'ым', 'ом'] },
  { part: 'adjective', nominative: 'ий', stem: SOFT, endings: ['его', 'ему', 'ий', 'им', 'ем'] },
  { part: 'adjective', nominative: 'ая', endings: ['ой', 'ой', 'ую', 'ой', 'ой'] },
  { part: 'adjective', nominative: 'яя', endings: ['ей', 'ей', 'юю', 'ей', 'ей'] },
  { part: 'adjective', nominative: 'ое', endings: ['ого', 'ому', 'ое', 'ым', 'ом'] },
  { part: 'adjective', nominative: 'ее', endings: ['его', 'ему', 'ее', 'им', 'ем'] },
  {
    part: 'adjective',
    nominative: 'ые',
    stem: NOT_VELAR,
    endings: ['ых', 'ым', 'ые', 'ыми', 'ых'],
  },
  { part: 'adjective', nominative: 'ие', endings: ['их', 'им', 'ие', 'ими', 'их'] },
  // People: surnames in -ов/-ев/-ин/-ын take -ым; any masculine name is animate (acc = gen).
  {
    part: 'person',
    nominative: '',
    stem: /(?:[оеё]в|[иы]н)$/,
    endings: ['а', 'у', 'а', 'ым', 'е'],
  },
  { part: 'person', nominative: 'ий', endings: ['ия', 'ию', 'ия', 'ием', 'ии'] },
  { part: 'person', nominative: 'й', endings: ['я', 'ю', 'я', 'ем', 'е'] },
  { part: 'person', nominative: 'ь', endings: ['я', 'ю', 'я', 'ем', 'е'] },
  { part: 'person', nominative: '', stem: HUSHING, endings: ['а', 'у', 'а', 'ем', 'е'] },
  { part: 'person', nominative: '', stem: /[^аеиоуыэюяьй]$/, endings: ['а', 'у', 'а', 'ом', 'е'] },
  // Nouns.
  { part: 'noun', nominative: 'ия', endings: ['ии', 'ии', 'ию', 'ией', 'ии'] },
  { part: 'noun', nominative: 'ие', endings: ['ия', 'ию', 'ие', 'ием', 'ии'] },
  { part: 'noun', nominative: 'ий', endings: ['ия', 'ию', 'ий', 'ием', 'ии'] },
  { part: 'noun', nominative: 'а', stem: VELAR_OR_HUSHING, endings: ['и', 'е', 'у', 'ой', 'е'] },
  { part: 'noun', nominative: 'а', endings: ['ы', 'е', 'у', 'ой', 'е'] },
  { part: 'noun', nominative: 'я', endings: ['и', 'е', 'ю', 'ей', 'е'] },
  { part: 'noun', nominative: 'о', endings: ['а', 'у', 'о', 'ом', 'е'] },
  { part: 'noun', nominative: 'е', endings: ['я', 'ю', 'е', 'ем', 'е'] },
  { part: 'noun', nominative: 'й', endings: ['я', 'ю', 'й', 'ем', 'е'] },
  // -ь: feminine abstract nouns (`область`, `связь`…) decline in -и, the others like `Кремль`.
  { part: 'noun', nominative: 'ь', stem: /(?:ст|зн|[вдз])$/, endings: ['и', 'и', 'ь', 'ью', 'и'] },
  { part: 'noun', nominative: 'ь', endings: ['я', 'ю', 'ь', 'ем', 'е'] },
  // Plurals (`регионы`); plurals in -и are left whole, like indeclinable `Тбилиси`, `Сочи`.
  { part: 'noun', nominative: 'ы', endings: ['ов', 'ам', 'ы', 'ами', 'ах'] },
  { part: 'noun', nominative: '', stem: HUSHING, endings: ['а', 'у', '', 'ем', 'е'] },
  { part: 'noun', nominative: '', stem: /[^аеиоуыэюяьй]$/, endings: ['а', 'у', '', 'ом', 'е'] },
];

/**
 * Is a nominative word an adjective (`Евразийский`, `Российская`, `северные`)? By its ending:
 * `-ий`/`-ие` only after the consonants adjectives have there (`Василий`, `заседание` are nouns).
 */
export const isRussianAdjective = (word: string): boolean =>
  word.length > 4 &&
  (/(?:ый|ой|ая|яя|ое|ее|ые)$/.test(word) || /[гкхнжшчщ]ий$|[гкхжшчщ]ие$/.test(word));

function paradigmOf(word: string, person: boolean): Paradigm | undefined {
  // A person's -ий is a first name (`Юрий`); surnames in -ский/-ой decline as adjectives.
  const adjective =
    isRussianAdjective(word) && (!person || /(?:[сц]кий|[сц]кой|ый|ой|ая)$/.test(word));
  const parts = adjective ? ['adjective'] : person ? ['person', 'noun'] : ['noun'];
  return PARADIGMS.find(
    (p) =>
      parts.includes(p.part) &&
      word.endsWith(p.nominative) &&
      (!p.stem || p.stem.test(word.slice(0, word.length - p.nominative.length))) &&
      word.length - p.nominative.length >= 2,
  );
}

/**
 * A nominative word's forms in RUSSIAN_CASES order (a form may equal the word: `совет`'s
 * accusative); null when it does not decline (`Баку`, `Тбилиси`, a word without vowels).
 * `person`: a person's name (animate, surnames in -ым).
 */
export function russianCaseTable(word: string, person = false): string[] | null {
  if (!hasVowel(word)) return null;
  const paradigm = paradigmOf(word, person);
  if (!paradigm || (/[иуюэ]$/.test(word) && paradigm.part !== 'adjective')) return null;
  const stem = word.slice(0, word.length - paradigm.nominative.length);
  return paradigm.endings.map((e) => stem + e);
}

/** A nominative word's form in one case; null when it does not decline. */
export function russianCase(word: string, kase: RussianCase, person = false): string | null {
  return russianCaseTable(word, person)?.[RUSSIAN_CASES.indexOf(kase)] ?? null;
}

/** The distinct oblique case forms of a nominative word, the word itself left out. */
export function russianForms(word: string, person = false): string[] {
  const table = russianCaseTable(word, person) ?? [];
  return [...new Set(table)].filter((f) => f !== word);
}

/** Every case ending of the table, longest first: what `russianStems` strips. */
const ENDINGS = [
  ...new Set(PARADIGMS.flatMap((p) => [p.nominative, ...p.endings]).filter((e) => e !== '')),
].sort((a, b) => b.length - a.length);

/** The word with each ending it may carry stripped (itself excluded), stems of MIN_STEM+ letters. */
export function russianStems(word: string): string[] {
  const stems = new Set<string>();
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= MIN_STEM && hasVowel(stem)) stems.add(stem);
  }
  return [...stems];
}

/**
 * Nominatives that `word` may be a case form of, likeliest first (best effort: `Ирана` may be
 * `Иран` or a nominative `Ирана`). The word itself is always among them.
 */
export function russianNominatives(
  word: string,
  person = false,
  as: 'adjective' | 'noun' | 'any' = 'any',
): string[] {
  const out: string[] = [];
  for (const p of PARADIGMS) {
    if (p.part === 'person' && !person) continue;
    // A person's name is never a plural: `Смаилов` is a surname, not the genitive of `Смаилы`.
    if (person && p.part === 'noun' && p.nominative === 'ы') continue;
    if (as !== 'any' && (p.part === 'adjective') !== (as === 'adjective')) continue;
    for (const ending of new Set(p.endings)) {
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, word.length - ending.length);
      if (stem.length < 2 || !hasVowel(stem) || (p.stem && !p.stem.test(stem))) continue;
      const nominative = stem + p.nominative;
      // No declining Russian noun ends in a vowel and `-а`/`-о` (`Нуртлеу` is no form of
      // `Нуртлеа` or `Нуртлео`).
      if (/[аеиоуыэюя][ао]$/.test(nominative)) continue;
      if (russianForms(nominative, person).includes(word)) out.push(nominative);
    }
  }
  // A consonant-final masculine (`Иран`) is likelier than a neuter (`Ирано`), but `-ств-` is
  // the neuter suffix (`Правительство`).
  const neuterFirst = (n: string) =>
    /ство$/.test(n) ? -1 : /ств[аяе]?$/.test(n) ? (n.endsWith('о') ? 0 : 1) : 0;
  const consonantFirst = (n: string) => (/[аеиоуыэюяьй]$/.test(n) ? 1 : 0);
  out.sort((a, b) => neuterFirst(a) - neuterFirst(b) || consonantFirst(a) - consonantFirst(b));
  if (!out.includes(word)) out.push(word);
  return [...new Set(out)];
}
