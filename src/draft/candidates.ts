/**
 * New entity candidates: phrases that name something, put back into the nominative by the
 * language module, with a proposed kind, id and kind-specific fields.
 * - offices in apposition to a person (`ҚР Премьер-Министрі Әлихан Смайылов`,
 *   `РФ Үкіметінің төрағасы Михаил Мишустинмен`) and the person;
 * - people: two capitalised words, the last a surname (`-ов`, `-ев`, `-ин`, `-ұлы`…);
 * - organizations and events by their head noun, extended left to their first capital
 *   (`Еуразиялық үкіметаралық кеңес отырысы`, `ҚР Үкіметінің баспасөз қызметі`);
 * - infrastructure: a «quoted» or capitalised name before `су тартқышы`, `құбыры`…;
 * - places: a capitalised word in the locative before `(Country)` or `өтіп жатқан`/`өткен`,
 *   and the regions of a country (`Қазақстанның солтүстік және шығыс өңірлері`);
 * - countries and places of the table of established names (established.ts).
 * Topics and meetings are proposed by the fact patterns (facts.ts), which see their frame.
 */
import { NAME_PARTICLES, kazakhToRussian, normalize, wordSpans } from '../language/index.js';
import { COUNTRIES, OFFICE_TITLES, PLACES } from './established.js';
import type { Lexicon } from './lexicon.js';
import type { Candidate, DraftLanguage, DraftSentence, EntityKind, Excerpt } from './model.js';
import { entityId, russianToEnglish } from './naming.js';
import {
  isAbbreviation,
  isCapitalised,
  isFunctionWord,
  isKazakhGenitive,
  isKazakhLocative,
  nominativeOf,
  nominativeWord,
  sentenceWords,
  span,
  type Word,
} from './words.js';

const SURNAME =
  /(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы|ский|ская|енко|ян|швили|баев|бек)$/u;

const ORG_HEADS: ReadonlyArray<[RegExp, string]> = [
  [/^үкіметі$|^правительств/u, 'GOVERNMENT'],
  [
    /^(?:министрлігі|агенттігі|комитеті|әкімдігі|әкімшілігі|министерств|агентств|комитет)/u,
    'GOVERNMENT_AGENCY',
  ],
  [/^(?:парламенті|мәжілісі|сенаты|парламент|мажилис|сенат|дума)/u, 'LEGISLATURE'],
  [/^(?:партиясы|парти)/u, 'PARTY'],
  [/^(?:компаниясы|корпорациясы|банкі|компани|корпораци|банк)/u, 'COMPANY'],
  [/^(?:консорциумы|консорциум)/u, 'CONSORTIUM'],
  [
    /^(?:кеңес|кеңесі|комиссиясы|одағы|ұйымы|совет|комисси|союз|организаци)/u,
    'INTERGOVERNMENTAL_BODY',
  ],
];
const EVENT_HEADS =
  /^(?:отырысы|саммиті|форумы|сапары|конференциясы|сессиясы|съезі|заседани\p{L}*|саммит\p{L}*|форум\p{L}*|визит\p{L}*|сесси\p{L}*)$/u;
const INFRA_HEADS: ReadonlyArray<[RegExp, string]> = [
  [/^тартқыш/u, 'WATER_PIPELINE'],
  [/^водовод/u, 'WATER_PIPELINE'],
  [/^(?:газ құбыр|газопровод)/u, 'GAS_PIPELINE'],
  [/^(?:мұнай құбыр|нефтепровод)/u, 'OIL_PIPELINE'],
  [/^(?:құбыр|трубопровод)/u, 'OIL_PIPELINE'],
  [/^(?:темір жол|железн)/u, 'RAILWAY'],
  [/^(?:электр станция|электростанц|аэс|жэс)/u, 'POWER_PLANT'],
];
const PRESS_SERVICE = /баспасөз қызметі|пресс-служб/u;
const REGION_HEAD = /^(?:өңір|аймақ|облыс|регион)/u;

const TITLE_KK = new Map(OFFICE_TITLES.flatMap((t) => t.kk.map((k) => [k, t.en] as const)));
const TITLE_RU = new Map(OFFICE_TITLES.flatMap((t) => t.ru.map((k) => [k, t.en] as const)));

export interface Proposal {
  kind: EntityKind;
  /** The name in the article's language (Kazakh or Russian). */
  kk: string;
  ru?: string;
  /** The Kazakh name when the article is Russian and the draft can give it. */
  otherKk?: string;
  en?: string;
  aliases?: string[];
  fields?: Record<string, string>;
  /** Evidence fields (`dateEvidence`, `statusEvidence`). */
  evidence?: Record<string, Excerpt[]>;
  first: Excerpt;
  todo?: string[];
  /** For an office in apposition: the person after it (its proposal's kk name). */
  holder?: string;
  /** An id to use instead of one made from the name. */
  id?: string;
}

/** Is this word an office title (in any case form)? Returns its English. */
function titleOf(w: Word, language: DraftLanguage): string | undefined {
  if (language === 'kk') return TITLE_KK.get(nominativeWord(w.text, 'kk')) ?? TITLE_KK.get(w.lower);
  return TITLE_RU.get(w.lower) ?? TITLE_RU.get(nominativeWord(w.text, 'ru'));
}

/** A person's name in the nominative (the language module: every word, for Russian). */
const personNominative = (phrase: string, language: DraftLanguage): string =>
  nominativeOf(phrase, language, true);

const PATRONYMIC = /(?:ович|евич|овна|евна|ұлы|улы|қызы|кызы)\p{L}*$/u;

/** Particles inside a name (`Урсула фон дер Ляйен`). */

/**
 * The words of a person's name starting at `i`: 2–3 capitalised words (particles allowed
 * inside), the last a surname; after an office title (`apposition`) any two capitalised words
 * (`Иран Президенті Ибраһим Раиси`).
 */
function personAt(
  words: readonly Word[],
  i: number,
  language: DraftLanguage,
  apposition = false,
): number {
  let j = i;
  while (
    j < words.length &&
    j - i < 4 &&
    ((isCapitalised(words[j]!.text) && !titleOf(words[j]!, language)) ||
      (j > i && language === 'ru' && NAME_PARTICLES.test(words[j]!.lower) && j + 1 < words.length))
  )
    j++;
  for (let end = j; end >= i + 2; end--) {
    const w = words[end - 1]!;
    if (NAME_PARTICLES.test(w.text)) continue;
    // Kazakh endings can look like a Russian surname's (`Республикасына`): test the nominative.
    if (
      (language === 'ru' && SURNAME.test(w.lower)) ||
      SURNAME.test(nominativeWord(w.text, language))
    )
      return end;
    if (SURNAME.test(normalize(nominativeOf(w.text, language, true)))) return end;
  }
  return apposition && j >= i + 2 ? j : i;
}

function kindName(kind: EntityKind, phrase: string, language: DraftLanguage): string {
  return nominativeOf(phrase, language, kind === 'Person').replace(/^«([^»]*)»$/u, '$1');
}

function personProposal(
  text: string,
  words: readonly Word[],
  from: number,
  to: number,
  language: DraftLanguage,
  asWritten = false,
): Proposal {
  const first = span(text, words, from, to);
  const kk = asWritten ? first.text : personNominative(first.text, language);
  const ru = language === 'kk' ? kazakhToRussian(kk) : kk;
  return {
    kind: 'Person',
    kk,
    ru,
    en: russianToEnglish(ru),
    first,
    todo: ['names.ru, names.en: transliterated; check the established spelling'],
  };
}

function countryOfPrefix(word: Word | undefined): string | undefined {
  if (!word) return undefined;
  const lower = normalize(nominativeOf(word.text, 'kk'));
  return COUNTRIES.find(
    (c) => c.aliases.includes(word.text) || normalize(c.kk) === lower || normalize(c.ru) === lower,
  )?.en;
}

/** Offices before a person (kk: modifiers then title; ru: title then genitives) and the person. */
function offices(text: string, words: readonly Word[], language: DraftLanguage): Proposal[] {
  const out: Proposal[] = [];
  for (let t = 0; t < words.length; t++) {
    const title = titleOf(words[t]!, language);
    if (!title) continue;
    let from = t;
    let to = t + 1;
    if (language === 'kk') {
      while (from > 0) {
        const w = words[from - 1]!;
        const surname = SURNAME.test(nominativeWord(w.text, 'kk')) || SURNAME.test(w.lower);
        if (isAbbreviation(w.text) || (isKazakhGenitive(w.text) && !surname)) from--;
        else if (
          /^(?:сыртқы|ішкі|істер|бірінші|вице|экономика|қаржы|энергетика|сауда|интеграция|жоғарғы)/u.test(
            w.lower,
          )
        )
          from--;
        // `Мемлекет басшысы`, `Иран Президенті`, `Қазақстан Республикасының`: a noun before.
        else if (
          isCapitalised(w.text) &&
          !surname &&
          !isFunctionWord(w.lower) &&
          !isKazakhLocative(w.text) &&
          !isKazakhGenitive(w.text)
        )
          from--;
        else break;
      }
    } else {
      // `Председатель Правительства РФ Михаил Мишустин`, `Глава государства Касым-Жомарт
      // Токаев`: the genitives after the title; the person is the run's last capitalised words.
      let end = t + 1;
      const lowercase = (k: number) =>
        !isCapitalised(words[k]!.text) &&
        !isAbbreviation(words[k]!.text) &&
        !NAME_PARTICLES.test(words[k]!.lower);
      while (
        end < words.length &&
        end - t <= 7 &&
        !/^(?:и|в|во|на|с|со|по|о|об|до|за|из)$/u.test(words[end]!.lower) &&
        // After a person's name (two capitalised words) a lowercase word is the verb.
        !(lowercase(end) && end - t >= 3 && !lowercase(end - 1) && !lowercase(end - 2)) &&
        (isAbbreviation(words[end]!.text) ||
          isCapitalised(words[end]!.text) ||
          NAME_PARTICLES.test(words[end]!.lower) ||
          /(?:а|я|ых|их|ов|ии|ей|и)$/u.test(words[end]!.lower) ||
          // An adjective's noun (`иностранных дел`).
          (lowercase(end) && /(?:ых|их|ого|его)$/u.test(words[end - 1]!.lower)))
      )
        end++;
      let first = end;
      if (end - 1 > t && isCapitalised(words[end - 1]!.text)) {
        first = end - 1;
        while (first - 1 > t && NAME_PARTICLES.test(words[first - 1]!.lower)) first--;
        if (first - 1 > t && isCapitalised(words[first - 1]!.text)) first--;
      }
      to = first - 1 > t || first === end ? first : end;
      if (first === t + 1 || personAt(words, to, language, true) === to) to = end;
    }
    const personEnd = personAt(words, to, language, true);
    const phrase = span(text, words, from, to);
    // Russian: only the title declines (`Премьер-Министром Республики Казахстан`).
    const kk =
      language === 'kk'
        ? nominativeOf(phrase.text, 'kk')
        : TITLE_RU.has(words[t]!.lower)
          ? phrase.text
          : nominativeOf(words[t]!.text, 'ru') + text.slice(words[t]!.end, phrase.end);
    const country = countryOfPrefix(language === 'kk' ? words[from] : words[t + 1]);
    const org =
      language === 'kk' && to - from >= 3 && /^үкіметінің$/u.test(words[to - 2]!.lower)
        ? ' of the Government'
        : '';
    const en = country ? `${title}${org} of ${country}` : undefined;
    // After a title in the nominative (`Председатель … Урсула фон дер Ляйен`) the name is too.
    const nominativeTitle = language === 'ru' && TITLE_RU.has(words[t]!.lower);
    const holder =
      personEnd > to
        ? personProposal(text, words, to, personEnd, language, nominativeTitle)
        : undefined;
    // A bare title with neither a country nor a person (`Премьер-Министр` alone) is a mention, not a name.
    if (!holder && from === t && to === t + 1) continue;
    out.push({
      kind: 'Office',
      kk,
      ...(en ? { en } : {}),
      first: phrase,
      todo: [`names.ru${en ? '' : ', names.en'}: give the office's established name`],
      ...(holder ? { holder: holder.kk } : {}),
    });
    if (holder) out.push(holder);
    t = Math.max(t, personEnd - 1);
  }
  return out;
}

/**
 * People not in apposition: capitalised first name + surname. At the start of a sentence a
 * capital proves nothing (`Кандидатуру Смаилова`): the first name must also be written with a
 * capital elsewhere in the text.
 */
function people(text: string, words: readonly Word[], language: DraftLanguage): Proposal[] {
  const out: Proposal[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!.text) || isFunctionWord(words[i]!.lower)) continue;
    const end = personAt(words, i, language);
    // First name and surname (and a patronymic between): `Казахстана Алихан Смаилов` starts
    // at `Алихан`.
    const named = words.slice(i, end).filter((w) => !NAME_PARTICLES.test(w.lower));
    if (named.length > 3 || (named.length === 3 && !PATRONYMIC.test(named[1]!.lower))) continue;
    if (end > i && i === 0 && !capitalisedElsewhere(text, words[0]!)) {
      i = end - 1;
      continue;
    }
    if (end > i) {
      out.push(personProposal(text, words, i, end, language));
      i = end - 1;
      continue;
    }
    // `о назначении Мурата Нуртлеу`, `Мурат Нуртлеу назначен`: an appointment names a person
    // whatever their surname looks like.
    const pair =
      i + 1 < words.length &&
      isCapitalised(words[i + 1]!.text) &&
      !titleOf(words[i]!, language) &&
      !titleOf(words[i + 1]!, language);
    const appointed =
      pair &&
      (APPOINTMENT_BEFORE.test(words[i - 1]?.lower ?? '') ||
        APPOINTMENT_AFTER.test(words[i + 2]?.lower ?? '') ||
        HOLDING_AFTER.test(`${words[i + 2]?.lower ?? ''} ${words[i + 3]?.lower ?? ''}`));
    if (appointed) {
      out.push(personProposal(text, words, i, i + 2, language));
      i += 1;
    }
  }
  return out;
}

const APPOINTMENT_BEFORE = /^(?:назначении|назначить|освобождении|кандидатуру)$/u;
const APPOINTMENT_AFTER = /^(?:назначен[аы]?|освобожден[аы]?|тағайындалды|босатылды)$/u;
/** `Роман Скляр исполнял обязанности`, `… занимала должность`: a holder of an office. */
const HOLDING_AFTER =
  /^(?:исполнял[аи]?|исполняет|занимал[аи]?|занимает) (?:обязанности|должность)$/u;

/** Is the word's stem written with a capital after a lowercase word somewhere in the text? */
function capitalisedElsewhere(text: string, word: Word): boolean {
  const stem = word.text.slice(0, Math.max(4, word.text.length - 2));
  if (/^\p{Lu}/u.test(stem)) return capitalisedAfterLowercase(text).has(stem);
  return new RegExp(`\\p{Ll}[\\s,]+${escapeRegExp(stem)}`, 'u').test(text);
}

/**
 * Every prefix of every capitalised token right after a lowercase word, read once per text:
 * searching the whole text for each sentence's first word made a long text quadratic.
 */
let afterLowercase: { text: string; prefixes: Set<string> } | undefined;
function capitalisedAfterLowercase(text: string): Set<string> {
  if (afterLowercase?.text === text) return afterLowercase.prefixes;
  const prefixes = new Set<string>();
  for (const m of text.matchAll(/(?<=\p{Ll}[\s,]+)\p{Lu}[^\s,]*/gu))
    for (let n = 1; n <= m[0].length; n++) prefixes.add(m[0].slice(0, n));
  afterLowercase = { text, prefixes };
  return prefixes;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Leftward from a head noun: lowercase words, up to and including the first capital. */
function leftToCapital(words: readonly Word[], head: number, maxWords = 6): number | undefined {
  for (let i = head; i >= 0 && head - i < maxWords; i--) {
    const w = words[i]!;
    if (i < head && isFunctionWord(w.lower)) return undefined;
    if (isCapitalised(w.text) || isAbbreviation(w.text)) {
      let from = i;
      // `ҚР Үкіметінің баспасөз қызметі`: a capitalised genitive may follow an abbreviation.
      while (from > 0 && isAbbreviation(words[from - 1]!.text)) from--;
      return from;
    }
    if (i < head && /[»]$/u.test(w.text)) return i;
  }
  return undefined;
}

function infraHead(words: readonly Word[], h: number, language: DraftLanguage) {
  const head = nominativeWord(words[h]!.text, language);
  const pair = `${words[h - 1]?.lower ?? ''} ${head}`;
  return INFRA_HEADS.find(([re]) => re.test(head) || (re.source.includes(' ') && re.test(pair)));
}

function orgHead(
  words: readonly Word[],
  h: number,
  language: DraftLanguage,
): readonly [RegExp, string] | undefined {
  const w = words[h]!;
  const head = nominativeWord(w.text, language);
  if (/^қызметі$/u.test(head) && words[h - 1]?.lower === 'баспасөз')
    return [/қызметі/u, 'PRESS_SERVICE'];
  if (/^пресс-служб/u.test(w.lower)) return [/пресс-служб/u, 'PRESS_SERVICE'];
  return ORG_HEADS.find(([re]) => re.test(head) || re.test(w.lower));
}

const RU_VERB = /(?:ют|ят|ет|ит|ут|ал|ил|ел|ли|ла|ло|ся|сь|ть)$/u;
const RU_STOP = /^(?:и|в|во|на|с|со|по|о|об|до|за|из|что|как|при|для|от)$/u;

/** One past the last word of a Russian name's complement after its head (genitives, up to 4). */
function rightOfHead(text: string, words: readonly Word[], h: number): number {
  let end = h + 1;
  while (
    end < words.length &&
    end - h <= 4 &&
    !/[,.;:!?()«»—]/u.test(text.slice(words[end - 1]!.end, words[end]!.start)) &&
    !RU_STOP.test(words[end]!.lower) &&
    (isAbbreviation(words[end]!.text) ||
      isCapitalised(words[end]!.text) ||
      !RU_VERB.test(words[end]!.lower) ||
      /(?:ых|их|ого|его)$/u.test(words[end - 1]!.lower))
  )
    end++;
  return end;
}

function organizationsAndEvents(
  text: string,
  words: readonly Word[],
  language: DraftLanguage,
): Proposal[] {
  const out: Proposal[] = [];
  for (let h = 0; h < words.length; h++) {
    const w = words[h]!;
    const headWord = nominativeWord(w.text, language);
    // `бизнес-форумы`: the head is the compound's last part.
    const headPart = headWord.slice(headWord.lastIndexOf('-') + 1);
    const isEvent =
      EVENT_HEADS.test(headWord) || EVENT_HEADS.test(w.lower) || EVENT_HEADS.test(headPart);
    const infra = infraHead(words, h, language);
    const org = orgHead(words, h, language);
    if (!isEvent && !infra && !org) continue;
    // The longest name: `Каспий құбыр консорциумы`, not `Каспий құбыр`.
    if (
      h + 1 < words.length &&
      (infraHead(words, h + 1, language) ||
        orgHead(words, h + 1, language) ||
        EVENT_HEADS.test(nominativeWord(words[h + 1]!.text, language)))
    )
      continue;
    const from = leftToCapital(words, h);
    if (from === undefined) continue;
    const phrase = span(text, words, from, h + 1);
    if (isEvent) {
      const name = kindName('Event', phrase.text, language);
      out.push({
        kind: 'Event',
        kk: name,
        fields: { eventType: 'TODO' },
        first: phrase,
        todo: ['eventType: say what kind of event', 'names.ru, names.en: translate the name'],
      });
      // The organization the session is of: the phrase without its head.
      const orgHead = h - 1 > from ? words[h - 1]! : undefined;
      const orgKind =
        orgHead && ORG_HEADS.find(([re]) => re.test(nominativeWord(orgHead.text, language)));
      if (orgKind) {
        const orgPhrase = span(text, words, from, h);
        out.push({
          kind: 'Organization',
          kk: kindName('Organization', orgPhrase.text, language),
          fields: { organizationType: orgKind[1] },
          first: orgPhrase,
          todo: ['names.ru, names.en: translate the name', 'organizationType: check'],
        });
      }
      continue;
    }
    if (infra || /құбыр/u.test(phrase.text.toLowerCase())) {
      const projectType = infra?.[1] ?? 'OIL_PIPELINE';
      const quoted = /«([^»]+)»/u.exec(phrase.text)?.[1];
      out.push({
        kind: 'InfrastructureProject',
        kk: kindName('InfrastructureProject', phrase.text, language).replace(/[«»]/gu, ''),
        ...(quoted ? { aliases: [quoted] } : {}),
        fields: { projectType },
        first: phrase,
        todo: ['names.ru, names.en: translate the name', 'projectType: check'],
      });
      continue;
    }
    const organizationType = PRESS_SERVICE.test(phrase.text.toLowerCase())
      ? 'PRESS_SERVICE'
      : org![1];
    // Russian names go on after their head (`Министерство иностранных дел Казахстана`).
    const named = language === 'ru' ? span(text, words, from, rightOfHead(text, words, h)) : phrase;
    out.push({
      kind: 'Organization',
      kk: kindName('Organization', named.text, language),
      fields: { organizationType },
      first: named,
      todo: ['names.ru, names.en: translate the name', 'organizationType: check'],
    });
    // A government named inside (`ҚР Үкіметінің баспасөз қызметі` → `ҚР Үкіметі`).
    for (let g = from; g < h; g++) {
      if (/^үкіметі/u.test(words[g]!.lower) && isKazakhGenitive(words[g]!.text)) {
        const inner = span(text, words, from, g + 1);
        out.push({
          kind: 'Organization',
          kk: kindName('Organization', inner.text, language),
          fields: { organizationType: 'GOVERNMENT' },
          first: inner,
          todo: ['names.ru, names.en: translate the name'],
        });
      }
    }
  }
  return out;
}

const EVENT_HEADS_RU = /^(?:конференци|саммит|форум|заседани|сесси|съезд|выставк)/u;
const EVENT_FRAME_RU = /(?:на\s+полях|в\s+рамках|в\s+ходе|участи[еия]\s+в|во?)\s*$/u;

/**
 * Russian events are named by their head and what follows it (`на полях конференции ООН по
 * изменению климата COP27`): a frame before the head, and a capital, an abbreviation or a
 * number among the words after it, up to the end of the clause.
 */
function russianEvents(text: string, words: readonly Word[]): Proposal[] {
  const out: Proposal[] = [];
  for (let h = 0; h < words.length; h++) {
    const w = words[h]!;
    if (!EVENT_HEADS_RU.test(w.lower)) continue;
    if (!EVENT_FRAME_RU.test(text.slice(Math.max(0, w.start - 20), w.start))) continue;
    let end = h + 1;
    while (
      end < words.length &&
      end - h <= 8 &&
      !/[,.;:!?()]/u.test(text.slice(words[end - 1]!.end, words[end]!.start))
    )
      end++;
    // The name ends at its last capital, abbreviation or number (`… COP27`).
    let last = end - 1;
    while (last > h && !/^[\p{Lu}\d]/u.test(words[last]!.text)) last--;
    if (last === h) continue;
    const phrase = span(text, words, h, last + 1);
    const head = nominativeOf(w.text, 'ru');
    const name = head.charAt(0).toUpperCase() + head.slice(1) + phrase.text.slice(w.text.length);
    out.push({
      kind: 'Event',
      kk: name,
      fields: { eventType: 'TODO' },
      first: phrase,
      todo: ['eventType: say what kind of event', 'names.kk, names.en: translate the name'],
    });
    h = last;
  }
  return out;
}

/** The government named inside an office's name (`РФ Үкіметінің төрағасы` → `РФ Үкіметі`). */
function governmentsInOffices(text: string, words: readonly Word[]): Proposal[] {
  const out: Proposal[] = [];
  for (let g = 1; g < words.length; g++) {
    if (!/^үкіметі(?:нің)$/u.test(words[g]!.lower) || !isAbbreviation(words[g - 1]!.text)) continue;
    const inner = span(text, words, g - 1, g + 1);
    out.push({
      kind: 'Organization',
      kk: nominativeOf(inner.text, 'kk'),
      fields: { organizationType: 'GOVERNMENT' },
      first: inner,
      todo: ['names.ru, names.en: translate the name'],
    });
  }
  return out;
}

function places(text: string, words: readonly Word[], language: DraftLanguage): Proposal[] {
  const out: Proposal[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w.text)) continue;
    const after = text.slice(w.end, w.end + 20);
    const venue =
      (language === 'kk' &&
        isKazakhLocative(w.text) &&
        /^\s*(?:\(|өтіп жатқан|өткен|өтетін|қаласында)/u.test(after)) ||
      (language === 'ru' &&
        /^\s*\(/u.test(after) &&
        i > 0 &&
        /^(?:в|во)$/u.test(words[i - 1]!.lower));
    if (!venue) continue;
    const first = span(text, words, i, i + 1);
    const kk = nominativeOf(w.text, language);
    const ru = language === 'kk' ? kazakhToRussian(kk) : kk;
    out.push({
      kind: 'Place',
      kk,
      ru,
      en: russianToEnglish(ru),
      fields: { placeType: 'SETTLEMENT' },
      first,
      todo: [
        'names.ru, names.en: transliterated; check the established spelling',
        'placeType: check',
      ],
    });
  }
  // Regions of a country: `Қазақстанның солтүстік және шығыс өңірлерін`.
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!.text) || !isKazakhGenitive(words[i]!.text)) continue;
    let j = i + 1;
    while (
      j < words.length &&
      j - i <= 5 &&
      !REGION_HEAD.test(words[j]!.lower) &&
      /^\p{Ll}/u.test(words[j]!.text)
    )
      j++;
    if (j >= words.length || !REGION_HEAD.test(words[j]!.lower) || j === i + 1) continue;
    const first = span(text, words, i, j + 1);
    out.push({
      kind: 'Place',
      kk: nominativeOf(first.text, language),
      fields: { placeType: 'REGION' },
      first,
      todo: ['names.ru, names.en: translate the name'],
    });
  }
  return out;
}

/** Everything a sentence names that the registry does not know. */
export function proposeInSentence(
  text: string,
  sentence: DraftSentence,
  language: DraftLanguage,
): Proposal[] {
  const words = sentenceWords(sentence, wordSpans);
  return [
    ...offices(text, words, language),
    ...governmentsInOffices(text, words),
    ...organizationsAndEvents(text, words, language),
    ...(language === 'ru' ? russianEvents(text, words) : []),
    ...places(text, words, language),
    ...people(text, words, language),
  ];
}

/** Countries and places of the table of established names, as candidates (found by the lexicon). */
export function establishedCandidates(): Candidate[] {
  const first: Excerpt = { start: 0, end: 0, text: '' };
  return [
    ...COUNTRIES.map((c): Candidate => ({
      id: `country/${c.alpha2.toLowerCase()}`,
      kind: 'Country',
      names: { kk: c.kk, ru: c.ru, en: c.en },
      aliases: c.aliases,
      forms: [],
      registered: false,
      fields: { iso3166Alpha2: c.alpha2, iso3166Alpha3: c.alpha3 },
      first,
      todo: [],
    })),
    ...PLACES.map((p): Candidate => ({
      id: entityId('Place', p.en),
      kind: 'Place',
      names: { kk: p.kk, ru: p.ru, en: p.en },
      aliases: [],
      forms: [],
      registered: false,
      fields: { placeType: 'SETTLEMENT' },
      first,
      todo: [],
    })),
  ];
}

/** A proposal as a candidate, unless the lexicon (registry and earlier candidates) has it. */
export function toCandidate(
  p: Proposal,
  lexicon: Lexicon,
  language: DraftLanguage,
): Candidate | string {
  const words = wordSpans(p.kk).map((w) => w.text);
  const known = lexicon.lookup(words, language);
  if (known && !known.weak) return known.id;
  const ru = p.ru;
  const en = p.en;
  return {
    id: p.id ?? entityId(p.kind, en ?? p.kk),
    kind: p.kind,
    names: { kk: language === 'kk' ? p.kk : p.otherKk, ru: language === 'ru' ? p.kk : ru, en },
    aliases: p.aliases ?? [],
    forms: [],
    registered: false,
    fields: p.fields ?? {},
    ...(p.evidence ? { evidence: p.evidence } : {}),
    first: p.first,
    todo: p.todo ?? [],
  };
}
