/**
 * Finding entities in a text by their names, through the language module's morphology: a
 * name's case forms (`Қазақстанмен`, `Мишустиным`), the nominative of a phrase of the text
 * (`тартқышының` → `тартқышы`), the `-лық` adjective of a place (`қазақстандық`), a person's
 * surname alone and a name without a leading `ҚР`/`РФ` (weak keys: used only when one entity
 * has them, or for the entity the text named in full last). No hand-listed forms needed.
 */
import {
  inflectedForms,
  kazakhAnalyses,
  nominative,
  normalize,
  wordSpans,
  type WordSpan,
} from '../language/index.js';
import { OFFICE_TITLES } from './established.js';
import type { DraftEntity, DraftLanguage, Excerpt } from './model.js';

/** Normalised words joined by one space: how a phrase of the text meets a name. */
const phraseKey = (words: readonly string[]): string => words.map((w) => normalize(w)).join(' ');

const keyOf = (text: string) => phraseKey(wordSpans(text).map((w) => w.text));

/** Leading country abbreviations a name may be written without (`ҚР Премьер-Министрі`). */
const COUNTRY_PREFIXES = new Set(['ҚР', 'РФ', 'РК', 'ҚХР', 'АҚШ', 'КР']);

const PLACE_KINDS = new Set(['Country', 'Place']);

/** Russian office titles (`Президент`, `Премьер-министр`): an office may be named by one alone. */
const RU_TITLES = new Set(OFFICE_TITLES.flatMap((t) => t.ru));

/** The longest name a scan tries, in words. */
const MAX_WORDS = 9;

interface Entry {
  ids: Set<string>;
  weak: boolean;
}

export interface Match {
  entityId: string;
  excerpt: Excerpt;
  /** Index of the first and one past the last word in the scanned words. */
  from: number;
  to: number;
}

/** A match's excerpt, with the opening « of a «quoted» name whose closing » it holds. */
function quoted(text: string, offset: number, start: number, end: number): Excerpt {
  const inside = text.slice(start, end);
  const s =
    text[start - 1] === '«' && inside.includes('»') && !inside.includes('«') ? start - 1 : start;
  return { start: offset + s, end: offset + end, text: text.slice(s, end) };
}

export class Lexicon {
  private readonly keys = new Map<string, Entry>();
  private readonly entities = new Map<string, DraftEntity>();
  private readonly nominatives = new Map<string, Array<{ reading: string; adjective: boolean }>>();

  /** Normalised text the lexicon is for: a name none of whose words' starts occur is skipped. */
  private readonly within?: string;

  /**
   * `within`: the text to be scanned. A name is put through the morphology only when the start
   * of each of its words occurs in it (endings are suffixes, so every form keeps that start):
   * the registry grows, one article mentions a few of its entities.
   */
  constructor(entities: Iterable<DraftEntity> = [], within?: string) {
    if (within !== undefined) this.within = normalize(within);
    for (const e of entities) this.add(e);
  }

  private relevant(surface: string): boolean {
    if (this.within === undefined) return true;
    return wordSpans(surface).every((w) => this.within!.includes(normalize(w.text).slice(0, 3)));
  }

  get(id: string): DraftEntity | undefined {
    return this.entities.get(id);
  }

  all(): DraftEntity[] {
    return [...this.entities.values()];
  }

  /** Adds an entity's names, aliases and forms, with the case forms of each. */
  add(entity: DraftEntity): void {
    this.entities.set(entity.id, entity);
    const person = entity.kind === 'Person';
    const surfaces = [
      entity.names.kk,
      entity.names.ru,
      entity.names.en,
      ...entity.aliases,
      ...entity.forms,
    ].filter((s): s is string => s !== undefined && s.trim() !== '');
    for (const surface of surfaces) {
      this.addSurface(surface, entity.id, false, person);
      const words = wordSpans(surface).map((w) => w.text);
      if (words.length > 1 && COUNTRY_PREFIXES.has(words[0]!)) {
        this.addSurface(surface.slice(surface.indexOf(words[1]!)), entity.id, true, person);
      }
      if (person && words.length > 1)
        this.addSurface(words[words.length - 1]!, entity.id, true, true);
      // An office by its title alone (`— деді Премьер-Министр`): without the prefix and the
      // possessive of `ҚР Премьер-Министрі`.
      // Russian: the title that starts the name (`Премьер-министр Республики Казахстан`).
      if (
        entity.kind === 'Office' &&
        surface === entity.names.ru &&
        words.length > 1 &&
        RU_TITLES.has(normalize(words[0]!))
      )
        this.addSurface(words[0]!, entity.id, true, false);
      if (entity.kind === 'Office' && words.length === 2 && COUNTRY_PREFIXES.has(words[0]!)) {
        for (const a of kazakhAnalyses(normalize(words[1]!)))
          if (a.possessive && !a.case && !a.derivation)
            this.addSurface(a.stem, entity.id, true, false);
      }
    }
  }

  private addSurface(surface: string, id: string, weak: boolean, person: boolean): void {
    if (!this.relevant(surface)) return;
    const forms = [surface];
    // Latin names (the English ones) do not inflect in a Kazakh or Russian text.
    if (/\p{Script=Cyrillic}/u.test(surface))
      forms.push(
        ...inflectedForms(surface, 'kk', { person }),
        ...inflectedForms(surface, 'ru', { person }),
      );
    for (const form of forms) this.addKey(keyOf(form), id, weak);
  }

  private addKey(key: string, id: string, weak: boolean): void {
    if (key === '') return;
    const entry = this.keys.get(key);
    if (!entry) this.keys.set(key, { ids: new Set([id]), weak });
    else if (!weak && entry.weak) this.keys.set(key, { ids: new Set([id]), weak: false });
    else if (weak === entry.weak) entry.ids.add(id);
  }

  /** Readings of a word as a form of a name's last word: itself, its nominatives, its -лық stem. */
  /** Readings of a word as a form of a name's last word; `adjective`: read through -лық. */
  private lastWordReadings(
    word: string,
    language: DraftLanguage,
  ): Array<{ reading: string; adjective: boolean }> {
    const lower = normalize(word);
    const cached = this.nominatives.get(`${language}:${lower}`);
    if (cached) return cached;
    const out = new Map<string, boolean>([[lower, false]]);
    const add = (reading: string, adjective: boolean) => {
      if (!out.has(reading)) out.set(reading, adjective);
    };
    add(normalize(nominative(word, language)), false);
    if (language === 'kk') {
      for (const a of kazakhAnalyses(lower))
        if (a.derivation === 'adjective' && !a.possessive) add(a.stem, true);
    } else {
      add(normalize(nominative(word, 'ru', { person: true })), false);
    }
    const readings = [...out].map(([reading, adjective]) => ({ reading, adjective }));
    this.nominatives.set(`${language}:${lower}`, readings);
    return readings;
  }

  /** The entity a phrase of the text names, if any (strong keys first, then unique weak ones). */
  lookup(
    words: readonly string[],
    language: DraftLanguage,
    recent: readonly string[] = [],
  ): { id: string; weak: boolean } | undefined {
    if (words.length === 0) return undefined;
    const head = words.slice(0, -1).map((w) => normalize(w));
    for (const { reading, adjective } of this.lastWordReadings(
      words[words.length - 1]!,
      language,
    )) {
      const entry = this.keys.get([...head, reading].join(' '));
      if (!entry) continue;
      // `-лық` makes the adjective of a place (`қазақстандық`), not of a sector or a person.
      const ids = [...entry.ids].filter(
        (id) => !adjective || PLACE_KINDS.has(this.entities.get(id)?.kind ?? 'Topic'),
      );
      if (ids.length === 1) return { id: ids[0]!, weak: entry.weak };
      // Several entities share a weak key (`Үкіметі`): the one the text named last.
      const last = [...recent].reverse().find((id) => ids.includes(id));
      if (last) return { id: last, weak: entry.weak };
    }
    return undefined;
  }

  /** Every entity named in `text` (longest match first, left to right). Offsets from `offset`. */
  scan(text: string, language: DraftLanguage, offset = 0, recent: string[] = []): Match[] {
    const words = wordSpans(text);
    return this.scanWords(words, language, offset, recent, text);
  }

  /**
   * The entities named inside each match (`ҚР` and `ҚР Үкіметі` in `ҚР Үкіметінің баспасөз
   * қызметі`): mentions too, as the seeder counts every entity's names on their own.
   */
  nested(text: string, matches: readonly Match[], language: DraftLanguage, offset = 0): Match[] {
    const words = wordSpans(text);
    const out: Match[] = [];
    const inside = (m: Match) => {
      if (m.to - m.from < 2) return;
      const part = words.slice(m.from, m.to);
      for (const hit of this.scanWords(part, language, offset, [], text, m.to - m.from)) {
        const shifted = { ...hit, from: hit.from + m.from, to: hit.to + m.from };
        if (shifted.entityId === m.entityId) continue;
        out.push(shifted);
        inside(shifted);
      }
    };
    for (const m of matches) inside(m);
    return out;
  }

  /** `whole`: a match of that many words (the whole of a nested scan) is not taken. */
  scanWords(
    words: readonly WordSpan[],
    language: DraftLanguage,
    offset: number,
    recent: string[],
    text: string,
    whole = Infinity,
  ): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < words.length;) {
      let found: Match | undefined;
      for (let n = Math.min(MAX_WORDS, words.length - i, whole - 1); n >= 1 && !found; n--) {
        const slice = words.slice(i, i + n);
        const hit = this.lookup(
          slice.map((w) => w.text),
          language,
          recent,
        );
        if (!hit) continue;
        const start = slice[0]!.start;
        const end = slice[n - 1]!.end;
        // Whole words only, as the seeder matches: no part of a hyphenated compound
        // (`сауда` is not named in `сауда-экономикалық`).
        if (
          /^-\p{L}/u.test(text.slice(end, end + 2)) ||
          /\p{L}-$/u.test(text.slice(Math.max(0, start - 2), start))
        )
          continue;
        found = {
          entityId: hit.id,
          from: i,
          to: i + n,
          excerpt: quoted(text, offset, start, end),
        };
      }
      if (found) {
        out.push(found);
        if (!recent.includes(found.entityId) || recent[recent.length - 1] !== found.entityId)
          recent.push(found.entityId);
        i = found.to;
      } else i += 1;
    }
    return out;
  }
}
