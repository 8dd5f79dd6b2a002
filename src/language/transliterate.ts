/**
 * Cyrillic (Kazakh and Russian) ⇄ Latin: the one table of the project.
 *
 * Two spellings per letter, because Latin text spells Kazakh in two ways:
 * - `press`, as English-language news and the `en` names spell Kazakh and Russian names
 *   (`Kazakhstan`, `Mangyshlak`, `Mishustin`): Kazakh `қ ғ ң` fold into `k g n`;
 * - `kazakh`, keeping those letters apart as the Kazakh Latin alphabet does (`Qazaqstan`,
 *   `Mangghystau`-style `gh`, `ng`): the synthetic bench corpus spells its names this way, and
 *   search accepts both.
 */
type LatinScheme = 'press' | 'kazakh';

const TABLE: Record<string, readonly [press: string, kazakh: string]> = {
  а: ['a', 'a'],
  ә: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['g', 'g'],
  ғ: ['g', 'gh'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  ё: ['yo', 'yo'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['i', 'i'],
  й: ['y', 'y'],
  к: ['k', 'k'],
  қ: ['k', 'q'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  ң: ['n', 'ng'],
  о: ['o', 'o'],
  ө: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ұ: ['u', 'u'],
  ү: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  һ: ['h', 'h'],
  ц: ['ts', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ъ: ['', ''],
  ы: ['y', 'y'],
  і: ['i', 'i'],
  ь: ['', ''],
  э: ['e', 'e'],
  ю: ['yu', 'yu'],
  я: ['ya', 'ya'],
};

/**
 * Cyrillic letters → Latin, other characters kept. A capital letter gives a capitalised Latin
 * spelling (`Шолпан` → `Sholpan`), so names keep their look.
 */
export function cyrillicToLatin(text: string, scheme: LatinScheme = 'press'): string {
  const column = scheme === 'press' ? 0 : 1;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = TABLE[lower]?.[column];
    if (latin === undefined) out += ch;
    else if (lower !== ch && latin.length > 0) out += latin[0]!.toUpperCase() + latin.slice(1);
    else out += latin;
  }
  return out;
}

/** Latin → Cyrillic for lowercase words, longest spelling first (`shch`, `zh`, `kh`, …). */
const LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['q', 'қ'],
  ['w', 'у'],
  ['x', 'кс'],
];

const LATIN_VOWELS = 'aeiouy';

/**
 * A lowercase Latin word → Cyrillic (`mishustin` → `мишустин`): a search key, not a spelling.
 * `y` is `ы` after a consonant (`kyrgyz` → `кыргыз`, `mishustinym`), `й` elsewhere; `ye`
 * first or after a vowel is `е` (`tokayev` → `токаев`, `yerlan` → `ерлан`).
 */
export function latinToCyrillic(word: string): string {
  let out = '';
  let i = 0;
  outer: while (i < word.length) {
    const after = word[i - 1];
    const afterVowel = after !== undefined && LATIN_VOWELS.includes(after);
    if (
      word[i] === 'y' &&
      after !== undefined &&
      !afterVowel &&
      !'aeiou'.includes(word[i + 1] ?? '')
    ) {
      out += 'ы';
      i += 1;
      continue;
    }
    if (word.startsWith('ye', i) && (afterVowel || i === 0)) {
      out += 'е';
      i += 2;
      continue;
    }
    for (const [lat, cyr] of LATIN_TO_CYRILLIC) {
      if (word.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    out += word[i];
    i += 1;
  }
  return out;
}

/** A lowercase Cyrillic word's Latin spellings, both schemes (`қазақстан` → `kazakstan`, `qazaqstan`). */
export function latinSpellings(word: string): string[] {
  return [...new Set([cyrillicToLatin(word, 'press'), cyrillicToLatin(word, 'kazakh')])];
}

/** Kazakh letters → the Russian letters Russian spelling uses for them. */
const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: 'а',
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  і: 'и',
  һ: 'х',
};

/**
 * A Kazakh spelling of a name as Russian spells it, letter by letter (`Әлихан Смайылов` →
 * `Алихан Смаилов`; `-айы-`/`-ейі-` → `-аи-`/`-еи-`). Right for most personal names, wrong
 * for established ones (`Шолпан-Ата` is `Чолпон-Ата`): a proposal to review.
 */
export function kazakhToRussian(text: string): string {
  let out = '';
  for (const ch of text.replace(/айы/gu, 'аи').replace(/ейі/gu, 'еи')) {
    const lower = ch.toLowerCase();
    const ru = KAZAKH_TO_RUSSIAN[lower];
    out += ru === undefined ? ch : lower === ch ? ru : ru.toUpperCase();
  }
  return out;
}
