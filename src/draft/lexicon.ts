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
import type { DraftEntity, DraftLanguage, Excerpt } from './model.js';

/** Normalised words joined by one space: how a phrase of the text meets a name. */
export const phraseKey = (words: readonly string[]): string =>
  words.map((w) => normalize(w)).join(' ');

const keyOf = (text: string) => phraseKey(wordSpans(text).map((w) => w.text));

/** Leading country abbreviations a name may be written without (`ҚР Премьер-Министрі`). */
const COUNTRY_PREFIXES = new Set(['ҚР', 'РФ', 'РК', 'ҚХР', 'АҚШ', 'КР']);

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

export class Lexicon {
  private readonly keys = new Map<string, Entry>();
  private readonly entities = new Map<string, DraftEntity>();
  private readonly nominatives = new Map<string, string[]>();

  constructor(entities: Iterable<DraftEntity> = []) {
    for (const e of entities) this.add(e);
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
      if (entity.kind === 'Office' && surface === entity.names.ru && words.length > 1)
        this.addSurface(words[0]!, entity.id, true, false);
      if (entity.kind === 'Office' && words.length === 2 && COUNTRY_PREFIXES.has(words[0]!)) {
        for (const a of kazakhAnalyses(normalize(words[1]!)))
          if (a.possessive && !a.case && !a.derivation)
            this.addSurface(a.stem, entity.id, true, false);
      }
    }
  }

  private addSurface(surface: string, id: string, weak: boolean, person: boolean): void {
    const forms = [surface, ...inflectedForms(surface, 'kk', { person })];
    if (/\p{Script=Cyrillic}/u.test(surface))
      forms.push(...inflectedForms(surface, 'ru', { person }));
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
  private lastWordReadings(word: string, language: DraftLanguage): string[] {
    const lower = normalize(word);
    const cached = this.nominatives.get(`${language}:${lower}`);
    if (cached) return cached;
    const out = new Set([lower, normalize(nominative(word, language))]);
    if (language === 'kk') {
      for (const a of kazakhAnalyses(lower)) {
        if (a.derivation === 'adjective' && !a.possessive) out.add(a.stem);
      }
    } else {
      out.add(normalize(nominative(word, 'ru', { person: true })));
    }
    const readings = [...out];
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
    for (const reading of this.lastWordReadings(words[words.length - 1]!, language)) {
      const entry = this.keys.get([...head, reading].join(' '));
      if (!entry) continue;
      if (entry.ids.size === 1) return { id: [...entry.ids][0]!, weak: entry.weak };
      // Several entities share a weak key (`Үкіметі`): the one the text named last.
      const last = [...recent].reverse().find((id) => entry.ids.has(id));
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
        found = {
          entityId: hit.id,
          from: i,
          to: i + n,
          excerpt: { start: offset + start, end: offset + end, text: text.slice(start, end) },
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
