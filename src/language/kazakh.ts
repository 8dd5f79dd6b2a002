/**
 * Kazakh inflection for names: the case, possessive and plural endings, chosen by vowel harmony
 * (back `а о ұ ы` vs front `ә е ө ү і`) and by the stem's last sound (vowel, nasal, voiced or
 * voiceless consonant). One table of endings serves both directions: `kazakhForms` builds a
 * name's forms, `kazakhStems` / `kazakhAnalyses` strip them from a word of a text.
 *
 * Input words are normalised (`normalize`): lowercase Cyrillic.
 */
import { hasVowel } from './text.js';

type Harmony = 'back' | 'front';
export type KazakhCase =
  'genitive' | 'dative' | 'accusative' | 'locative' | 'ablative' | 'instrumental';
export const KAZAKH_CASES: readonly KazakhCase[] = [
  'genitive',
  'dative',
  'accusative',
  'locative',
  'ablative',
  'instrumental',
];

const BACK_VOWELS = 'аоұыяё';
const FRONT_VOWELS = 'әеөүіэию';
const VOWELS = BACK_VOWELS + FRONT_VOWELS + 'у';
/** Final consonants that take the voiceless allomorphs (final `б в г д` are devoiced in loans). */
const VOICELESS = 'кқпстфхцчшщһбвгдғ';

/** Stems shorter than this are never produced: a short word is more likely whole than inflected. */
const MIN_STEM = 4;

/**
 * The harmony a stem's endings follow: its last back or front vowel. `у` is neutral. A Russian
 * surname suffix `-ев`/`-ов` follows the root before it (`Тоқаев` → `Тоқаевқа`, not `-ке`;
 * `Бектенов` → `Бектеновті`).
 */
export function harmonyOf(stem: string): Harmony {
  const root = /[аоұыяёәеөүіэию][^аоұыяёәеөүіэию]*[ео]ва?$/.test(stem)
    ? stem.replace(/[ео](ва?)$/, '')
    : stem;
  for (let i = root.length - 1; i >= 0; i--) {
    const c = root[i]!;
    if (BACK_VOWELS.includes(c)) return 'back';
    if (FRONT_VOWELS.includes(c)) return 'front';
  }
  return 'back';
}

/** The sound class of a stem's last letter, which picks an ending's first consonant. */
type Final = 'vowel' | 'nasal' | 'sonorant' | 'sibilant' | 'voiceless';

function finalOf(stem: string): Final {
  const c = stem[stem.length - 1] ?? '';
  // A final `и` is read `ий` (`Раиси` → `Раисидің`, `Хаменеидің`), like `й`.
  if (c === 'у' || c === 'й' || c === 'и' || c === 'р' || c === 'л') return 'sonorant';
  if (VOWELS.includes(c)) return 'vowel';
  if (c === 'м' || c === 'н' || c === 'ң') return 'nasal';
  if (c === 'ж' || c === 'з') return 'sibilant';
  return VOICELESS.includes(c) ? 'voiceless' : 'sonorant';
}

type Morpheme = KazakhCase | 'plural' | 'possessive' | 'adjective';

/** Back-vowel allomorphs by the stem's final sound; front ones follow by `front()`. */
const ALLOMORPHS: Record<Morpheme, Record<Final, string>> = {
  genitive: { vowel: 'ның', nasal: 'ның', sonorant: 'дың', sibilant: 'дың', voiceless: 'тың' },
  accusative: { vowel: 'ны', nasal: 'ды', sonorant: 'ды', sibilant: 'ды', voiceless: 'ты' },
  dative: { vowel: 'ға', nasal: 'ға', sonorant: 'ға', sibilant: 'ға', voiceless: 'қа' },
  locative: { vowel: 'да', nasal: 'да', sonorant: 'да', sibilant: 'да', voiceless: 'та' },
  ablative: { vowel: 'дан', nasal: 'нан', sonorant: 'дан', sibilant: 'дан', voiceless: 'тан' },
  instrumental: { vowel: 'мен', nasal: 'мен', sonorant: 'мен', sibilant: 'бен', voiceless: 'пен' },
  plural: { vowel: 'лар', nasal: 'дар', sonorant: 'лар', sibilant: 'дар', voiceless: 'тар' },
  // -лық: the adjective of a place (`қазақстандық`), matched as a form of the place's name.
  adjective: { vowel: 'лық', nasal: 'дық', sonorant: 'лық', sibilant: 'дық', voiceless: 'тық' },
  possessive: { vowel: 'сы', nasal: 'ы', sonorant: 'ы', sibilant: 'ы', voiceless: 'ы' },
};

// `л` takes -дар/-дық (not -лар): `өңірлер` but `ауылдар`.
const AFTER_L: Partial<Record<Morpheme, string>> = { plural: 'дар', adjective: 'дық' };

/** After a 3rd-person possessive (`Үкіметі`): the case endings start with `н`. */
const AFTER_POSSESSIVE: Record<KazakhCase, string> = {
  genitive: 'ның',
  accusative: 'н',
  dative: 'на',
  locative: 'нда',
  ablative: 'нан',
  instrumental: 'мен',
};

const FRONT: Record<string, string> = { а: 'е', ы: 'і', ұ: 'ү', қ: 'к', ғ: 'г', о: 'ө' };
const front = (ending: string) => [...ending].map((c) => FRONT[c] ?? c).join('');

/** The ending of `morpheme` for `stem`; `possessed`: the stem ends in a possessive. */
export function kazakhEnding(
  stem: string,
  morpheme: Morpheme,
  possessed = false,
  harmony: Harmony = harmonyOf(stem),
): string {
  const back =
    possessed && morpheme in AFTER_POSSESSIVE
      ? AFTER_POSSESSIVE[morpheme as KazakhCase]
      : stem.endsWith('л') && AFTER_L[morpheme]
        ? AFTER_L[morpheme]!
        : ALLOMORPHS[morpheme][finalOf(stem)];
  return harmony === 'front' ? front(back) : back;
}

/** Every spelling of a case's ending, both harmonies (after an abbreviation any may be read). */
export function kazakhCaseEndings(kase: KazakhCase): string[] {
  const back = Object.values(ALLOMORPHS[kase]);
  return [...new Set([...back, ...back.map(front)])];
}

/** Does the word end in a 3rd-person possessive (`Үкіметі`, `басшысы`, `Республикасы`)? */
export const endsInPossessive = (word: string): boolean =>
  /[ыі]$/.test(word) && word.length > MIN_STEM;

/**
 * The six case forms of a word (nominative excluded). `possessed`: the word is the possessed
 * head of a compound (`ҚР Үкіметі` → `Үкіметінің`, `Үкіметіне`…), so the `н`-endings apply.
 */
export function kazakhForms(word: string, possessed = false): string[] {
  if (!hasVowel(word)) return [];
  return KAZAKH_CASES.map((c) => word + kazakhEnding(word, c, possessed));
}

interface KazakhAnalysis {
  /** The word without the endings named below. */
  stem: string;
  case?: KazakhCase;
  possessive?: boolean;
  /** `plural` or `adjective` (-лық), the innermost slot. */
  derivation?: 'plural' | 'adjective';
}

const SLOT_MORPHEMES: ReadonlyArray<'plural' | 'adjective'> = ['plural', 'adjective'];

/** Ways to read `stem + ending` as `morpheme`, either harmony (loans do not always follow it). */
function strips(word: string, morpheme: Morpheme, possessed: boolean): string[] {
  const out: string[] = [];
  for (let length = 1; length <= 4; length++) {
    const stem = word.slice(0, -length);
    if (stem.length < MIN_STEM || !hasVowel(stem)) break;
    const ending = word.slice(-length);
    // `-стан` ends place names (`Қазақстан`, `Қырғызстан`), not an ablative of a stem in -с.
    if (ending === 'тан' && stem.endsWith('с')) continue;
    if (
      ending === kazakhEnding(stem, morpheme, possessed, 'back') ||
      ending === kazakhEnding(stem, morpheme, possessed, 'front')
    ) {
      out.push(stem);
    }
  }
  return out;
}

/**
 * Every reading of a word as stem + [plural | -лық] + [possessive] + [case], the word itself
 * (no endings) first. A hyphenated ending after an abbreviation (`ҚР-дың`) counts as a case.
 */
export function kazakhAnalyses(word: string): KazakhAnalysis[] {
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && !hasVowel(word.slice(0, hyphen))) {
    const tail = word.slice(hyphen + 1);
    const stem = word.slice(0, hyphen);
    const kase = KAZAKH_CASES.find((c) => kazakhCaseEndings(c).includes(tail));
    if (kase) return [{ stem: word }, { stem, case: kase }];
  }
  const out: KazakhAnalysis[] = [{ stem: word }];
  const inner = (stem: string, outer: Omit<KazakhAnalysis, 'stem'>) => {
    for (const possessed of strips(stem, 'possessive', false)) {
      out.push({ stem: possessed, ...outer, possessive: true });
      innermost(possessed, { ...outer, possessive: true });
    }
    innermost(stem, outer);
  };
  const innermost = (stem: string, outer: Omit<KazakhAnalysis, 'stem'>) => {
    for (const derivation of SLOT_MORPHEMES) {
      for (const s of strips(stem, derivation, false)) out.push({ stem: s, ...outer, derivation });
    }
  };
  for (const kase of KAZAKH_CASES) {
    for (const s of strips(word, kase, false)) {
      out.push({ stem: s, case: kase });
      inner(s, { case: kase });
    }
    // The н-endings after a possessive: the stem must end in one.
    if (endsInPossessive(word.slice(0, -1)) || endsInPossessive(word.slice(0, -2))) {
      for (const s of strips(word, kase, true)) {
        if (!endsInPossessive(s)) continue;
        out.push({ stem: s, case: kase });
        inner(s, { case: kase });
      }
    }
  }
  inner(word, {});
  return out;
}

/** The distinct stems of a word (itself excluded): what its endings leave. */
export function kazakhStems(word: string): string[] {
  const stems = new Set(kazakhAnalyses(word).map((a) => a.stem));
  stems.delete(word);
  return [...stems];
}
