/**
 * Facts from patterns of the text, between entities the lexicon finds (registered or new):
 * - who holds which office: an office right before a person (apposition);
 * - who met whom: `X Y-мен кездесу өткізді`, `X встретился с Y` (a new Meeting, its
 *   participants with the office and country each represented);
 * - where: `Place-да (Country) өтіп жатқан Event` (HELD_IN, LOCATED_IN); the meeting is held
 *   where its sentence names a place;
 * - on the sidelines: `Event алаңында`, `на полях Event`;
 * - reported by: `деп хабарлайды Org`, `сообщает Org`;
 * - discussed, with framing: enumerations before `мәселелерін талқылады` (DISCUSSED),
 *   `… қаралды` (CONSIDERED), `… перспективаларын`, `… сияқты салаларда …`, `… үшін
 *   мүмкіндіктер бар` (PROSPECT, raised by the quote's speaker).
 */
import { inflectedForms, kazakhEnding, normalize, wordSpans } from '../language/index.js';
import type { Proposal } from './candidates.js';
import type { Lexicon, Match } from './lexicon.js';
import { findDates } from './figures.js';
import type {
  DatedQualifier,
  DraftFact,
  DraftLanguage,
  DraftQuote,
  DraftSentence,
  EntityKind,
  Excerpt,
} from './model.js';
import { slug } from './naming.js';
import { nominativeOf } from './words.js';

export interface FactContext {
  text: string;
  language: DraftLanguage;
  lexicon: Lexicon;
  sentences: readonly DraftSentence[];
  /** Entity matches per sentence index. */
  matches: ReadonlyMap<number, Match[]>;
  quotes: readonly DraftQuote[];
  published?: string;
  /** Adds a candidate (or finds the entity it names); returns its id. */
  propose: (p: Proposal) => string;
}

const MET =
  /кездесу өткізді|кездесті|кездеседі|кездесуі өтті|келіссөз жүргізді|келіссөздер өткізді|встретил(?:ся|ась|ись)|встретится|провел[аи]? (?:встречу|переговоры)|проведут переговоры/u;
/** A meeting announced, not yet held. */
const PLANNED = /кездеседі|встретится|проведут/u;
const SIDELINES_KK = /^\s*алаңында/u;
const SIDELINES_RU = /на полях\s*$/u;
const REPORTED = /(?:деп )?хабарлай(?:ды|ды)|(?:деп )?хабарлады|сообща(?:ет|ют)|переда[её]т/u;
const HELD_AFTER_PLACE = /^\s*(?:\([^)]*\)\s*)?(?:өтіп жатқан|өткен|өтетін|өтті)/u;
const TOPIC_HEAD = /\s+(?:мәселелерін|мәселелері|мәселесін|мәселесі|вопросы|вопросов)(?=\s|$)/u;
const DISCUSSED_VERB = /талқылады|талқыланды|обсудили|обсуждались|обсуждены/u;
const CONSIDERED_VERB = /қаралды|қарады|қарастырды|рассмотрели|рассмотрены/u;

const kindOf = (lexicon: Lexicon, id: string): EntityKind | undefined => lexicon.get(id)?.kind;

function between(text: string, a: Excerpt, b: Excerpt): string {
  return text.slice(Math.min(a.end, b.start), Math.max(a.end, b.start));
}

function ex(text: string, start: number, end: number): Excerpt {
  return { start, end, text: text.slice(start, end) };
}

/** The quote an offset lies in. */
const quoteAt = (quotes: readonly DraftQuote[], at: number) =>
  quotes.find((q) => q.excerpt.start <= at && at < q.excerpt.end);

/** `X назначен Премьер-Министром`, `исполнял обязанности …`, `занимал должность …`. */
const APPOINTED =
  /назначении|назначен(?:а|ы)?|тағайындау|тағайындалды|тағайындады|исполнял(?:а)? обязанности|занимал(?:а)? должность|міндетін атқар\p{L}*|қызметін\s+(?:\S+\s+){0,5}?атқар\p{L}*/u;
const FORMER = /исполнял|занимал|атқарды|атқарған/u;
/** Held as acting: `исполнял обязанности`, `міндетін атқарды` (not the office itself). */
const ACTING = /обязанности|міндетін/u;
/** The auxiliary that closes a Kazakh past verb (`атқарған еді`): part of the statement. */
const AUXILIARY = /^\s+(?:еді|болатын)(?![\p{L}])/u;

/**
 * The date a holding starts, as the sentence states it: `С 5 января …` (up to the verb when
 * it follows), `2022 жылғы 11 қаңтардан бастап`.
 */
function startOf(
  text: string,
  sentence: DraftSentence,
  year: number | undefined,
  verbEnd: number,
): DatedQualifier | undefined {
  for (const d of findDates(sentence, year)) {
    const before = /(?:^|\s)([Сс])\s+$/u.exec(text.slice(sentence.start, d.excerpt.start));
    if (before) {
      const from = sentence.start + before.index + before[0].length - before[0].trimStart().length;
      return { date: d.start, evidence: [ex(text, from, Math.max(d.excerpt.end, verbEnd))] };
    }
    const after = /^\s+бастап(?![\p{L}])/u.exec(text.slice(d.excerpt.end, sentence.end));
    if (after)
      return {
        date: d.start,
        evidence: [ex(text, d.excerpt.start, d.excerpt.end + after[0].length)],
      };
  }
  return undefined;
}

export function holdings(context: FactContext): DraftFact[] {
  const { text, lexicon, published } = context;
  const year = published ? Number(published.slice(0, 4)) : undefined;
  const out: DraftFact[] = [];
  for (const sentence of context.sentences) {
    const verb = APPOINTED.exec(sentence.text);
    if (!verb) continue;
    const at = sentence.start + verb.index;
    const list = context.matches.get(sentence.index) ?? [];
    const isPerson = (m: Match) => kindOf(lexicon, m.entityId) === 'Person';
    // `о назначении X …`, `X-ты … тағайындау`: the noun names the person after it.
    const after = /назначении|тағайындау/u.test(verb[0]);
    const person = after
      ? list.find((m) => m.excerpt.start >= at && isPerson(m))
      : [...list].reverse().find((m) => m.excerpt.end <= at && isPerson(m));
    // The office after the person, before the verb (`X-ты Office етіп тағайындады`) or after
    // it (`X назначен Office-ом`).
    const office = list.find(
      (m) =>
        m.excerpt.start >= (person?.excerpt.end ?? at) && kindOf(lexicon, m.entityId) === 'Office',
    );
    if (!person || !office) continue;
    // `занимал должность Первого заместителя … Президента`: an office named only in part is
    // not the one held.
    const gap = text.slice(Math.max(person.excerpt.end, at + verb[0].length), office.excerpt.start);
    if (/(?:^|\s)\p{Lu}/u.test(gap) && !/назначении|тағайындау/u.test(verb[0])) continue;
    const former = FORMER.test(verb[0]);
    const acting = ACTING.test(verb[0]);
    let verbEnd = at + verb[0].length;
    verbEnd += AUXILIARY.exec(text.slice(verbEnd, sentence.end))?.[0].length ?? 0;
    const start = startOf(text, sentence, year, verbEnd);
    out.push({
      type: 'HOLDS_OFFICE',
      from: person.entityId,
      to: office.entityId,
      evidence: [
        ex(text, Math.min(person.excerpt.start, at), Math.max(office.excerpt.end, verbEnd)),
      ],
      qualifiers: {
        ...(acting ? { acting: 'true' } : {}),
        ...(former ? { current: 'false' } : published ? { asOf: published } : {}),
      },
      ...(start ? { dated: { startDate: start } } : {}),
    });
  }
  for (const list of context.matches.values()) {
    for (let k = 0; k + 1 < list.length; k++) {
      const office = list[k]!;
      const person = list[k + 1]!;
      if (
        kindOf(lexicon, office.entityId) !== 'Office' ||
        kindOf(lexicon, person.entityId) !== 'Person'
      )
        continue;
      if (between(text, office.excerpt, person.excerpt).trim() !== '') continue;
      if (out.some((f) => f.from === person.entityId && f.to === office.entityId)) continue;
      out.push({
        type: 'HOLDS_OFFICE',
        from: person.entityId,
        to: office.entityId,
        evidence: [ex(text, office.excerpt.start, person.excerpt.end)],
        // An apposition names the office the person holds as the article is written.
        qualifiers: published ? { current: 'true', asOf: published } : {},
      });
    }
  }
  return out;
}

/** The country an office or organization belongs to, by the country its name starts with. */
function countryOf(context: FactContext, id: string): string | undefined {
  const name = context.lexicon.get(id)?.names.kk ?? context.lexicon.get(id)?.names.ru;
  if (!name) return undefined;
  const first = wordSpans(name)[0]?.text;
  if (!first) return undefined;
  const hit = context.lexicon.lookup([first], context.language);
  return hit && kindOf(context.lexicon, hit.id) === 'Country' ? hit.id : undefined;
}

/** A Russian person's name in the genitive (`Алихана Смаилова`). */
const genitive = (name: string) => inflectedForms(name, 'ru', { person: true })[0] ?? name;

/** `A пен B-ның кездесуі` (or `келіссөздері`): the meeting of two people, in Kazakh. */
export function meetingName(a: string, b: string, head = 'кездесуі'): string {
  const lastA = normalize(a.split(/\s+/).pop() ?? a);
  const lastB = normalize(b.split(/\s+/).pop() ?? b);
  return `${a} ${kazakhEnding(lastA, 'instrumental')} ${b}${kazakhEnding(lastB, 'genitive')} ${head}`;
}

export function meetings(context: FactContext, holds: readonly DraftFact[]): DraftFact[] {
  const { text, lexicon, published } = context;
  const out: DraftFact[] = [];
  for (const sentence of context.sentences) {
    const verb = MET.exec(sentence.text);
    if (!verb) continue;
    const verbEnd = sentence.start + verb.index + verb[0].length;
    const list = (context.matches.get(sentence.index) ?? []).filter(
      (m) => m.excerpt.end <= verbEnd,
    );
    // People by name, or by an office the text gave them (`Мемлекет басшысы … кездеседі`).
    const holderOf = new Map(holds.map((h) => [h.to, h.from]));
    const people = [
      ...new Set(
        list
          .map((m) =>
            kindOf(lexicon, m.entityId) === 'Office' ? holderOf.get(m.entityId) : m.entityId,
          )
          .filter((id): id is string => id !== undefined && kindOf(lexicon, id) === 'Person'),
      ),
    ];
    if (people.length < 2) continue;
    const names = people.map((id) => lexicon.get(id)!.names);
    const surname = (n: { kk?: string; ru?: string; en?: string }) =>
      (n.en ?? n.ru ?? n.kk ?? '').split(/\s+/).pop() ?? '';
    const date = published ?? 'undated';
    const kkA = names[0]!.kk;
    const kkB = names[1]!.kk;
    const kk = kkA && kkB ? meetingName(kkA, kkB) : undefined;
    const ruA = names[0]!.ru ?? names[0]!.kk ?? '';
    const ruB = names[1]!.ru ?? names[1]!.kk ?? '';
    const ru = `Встреча ${genitive(ruA)} и ${genitive(ruB)}`;
    const meetingId = context.propose({
      kind: 'Meeting',
      kk: context.language === 'kk' ? (kk ?? '') : ru,
      ...(context.language === 'ru' ? { ...(kk ? { otherKk: kk } : {}) } : { ru }),
      en: `Meeting of ${names.map((n) => n.en ?? '').join(' and ')}`,
      fields: {
        meetingType: people.length === 2 ? 'BILATERAL' : 'MULTILATERAL',
        ...(PLANNED.test(verb[0]) ? { status: 'PLANNED' } : {}),
        ...(published && !PLANNED.test(verb[0]) ? { date } : {}),
      },
      first: ex(text, sentence.start + verb.index, verbEnd),
      todo: [
        `names.${context.language === 'kk' ? 'ru' : 'kk'}: check the name`,
        `date: the article reports it on ${date}; check the day it was held`,
      ],
      id: `meeting/${date}-${people.map((id) => slug(surname(lexicon.get(id)!.names))).join('-')}`,
    });
    const evidenceStart = list[0]!.excerpt.start;
    const evidence = ex(text, evidenceStart, verbEnd);
    for (const person of people) {
      const office = holds.find((h) => h.from === person)?.to;
      const country = office ? countryOf(context, office) : undefined;
      out.push({
        type: 'PARTICIPATED_IN',
        from: person,
        to: meetingId,
        evidence: [evidence],
        qualifiers: {
          ...(office ? { officeId: office } : {}),
          ...(country ? { countryId: country } : {}),
        },
      });
    }
    // Where and on the sidelines of what: in the same sentence.
    const events = (context.matches.get(sentence.index) ?? []).filter(
      (m) => kindOf(lexicon, m.entityId) === 'Event',
    );
    for (const event of events) {
      const after = text.slice(event.excerpt.end, event.excerpt.end + 20);
      const before = text.slice(Math.max(0, event.excerpt.start - 12), event.excerpt.start);
      if (SIDELINES_KK.test(after)) {
        const end = event.excerpt.end + (SIDELINES_KK.exec(after)?.[0].length ?? 0);
        out.push({
          type: 'ON_SIDELINES_OF',
          from: meetingId,
          to: event.entityId,
          evidence: [ex(text, event.excerpt.start, end)],
          qualifiers: {},
        });
      } else if (SIDELINES_RU.test(before)) {
        const start = event.excerpt.start - (SIDELINES_RU.exec(before)?.[0].length ?? 0);
        out.push({
          type: 'ON_SIDELINES_OF',
          from: meetingId,
          to: event.entityId,
          evidence: [ex(text, start, event.excerpt.end)],
          qualifiers: {},
        });
        // `в Шарм-эш-Шейхе (Египет) на полях конференции …`: the event is where the meeting is.
        const venue = (context.matches.get(sentence.index) ?? []).find(
          (m) =>
            kindOf(lexicon, m.entityId) === 'Place' &&
            /^\s*(?:\([^)]*\)\s*)?$/u.test(text.slice(m.excerpt.end, start)),
        );
        if (venue) {
          const from = /(?:^|\s)(?:в|во)\s$/u.test(
            text.slice(venue.excerpt.start - 4, venue.excerpt.start),
          )
            ? text.lastIndexOf(' ', venue.excerpt.start - 2) + 1
            : venue.excerpt.start;
          out.push({
            type: 'HELD_IN',
            from: event.entityId,
            to: venue.entityId,
            evidence: [ex(text, from, event.excerpt.end)],
            qualifiers: {},
          });
        }
      }
    }
    const place = (context.matches.get(sentence.index) ?? []).find(
      (m) => kindOf(lexicon, m.entityId) === 'Place',
    );
    if (place) {
      const held = HELD_AFTER_PLACE.exec(text.slice(place.excerpt.end));
      const placeEvidence = ex(
        text,
        place.excerpt.start,
        place.excerpt.end + (held?.[0].length ?? 0),
      );
      const lastPerson =
        [...list].reverse().find((m) => kindOf(lexicon, m.entityId) === 'Person') ?? list[0]!;
      out.push({
        type: 'HELD_IN',
        from: meetingId,
        to: place.entityId,
        evidence: [placeEvidence, ex(text, lastPerson.excerpt.start, verbEnd)],
        qualifiers: {},
      });
    }
    // Reported by: `…, деп хабарлайды ҚР Үкіметінің баспасөз қызметі.`
    const reported = REPORTED.exec(sentence.text);
    if (reported) {
      const at = sentence.start + reported.index;
      const org = (context.matches.get(sentence.index) ?? []).find(
        (m) => m.excerpt.start >= at && kindOf(lexicon, m.entityId) === 'Organization',
      );
      if (org) {
        out.push({
          type: 'REPORTED_BY',
          from: meetingId,
          to: org.entityId,
          evidence: [ex(text, at, org.excerpt.end)],
          qualifiers: {},
        });
      }
    }
  }
  return out;
}

/** Where events are held, places' countries, sessions' bodies: in any sentence. */
export function placesAndSessions(context: FactContext): DraftFact[] {
  const { text, lexicon } = context;
  const out: DraftFact[] = [];
  for (const list of context.matches.values()) {
    list.forEach((m, k) => {
      const kind = kindOf(lexicon, m.entityId);
      if (kind === 'Place') {
        const paren = /^\s*\(([^)]*)\)/u.exec(text.slice(m.excerpt.end));
        const country =
          paren &&
          list.find(
            (c) =>
              c.excerpt.start > m.excerpt.end &&
              c.excerpt.end <= m.excerpt.end + paren[0].length &&
              kindOf(lexicon, c.entityId) === 'Country',
          );
        if (paren && country) {
          out.push({
            type: 'LOCATED_IN',
            from: m.entityId,
            to: country.entityId,
            evidence: [ex(text, m.excerpt.start, m.excerpt.end + paren[0].length)],
            qualifiers: {},
          });
        }
        const held = HELD_AFTER_PLACE.exec(text.slice(m.excerpt.end));
        const event = held && list[k + (country ? 2 : 1)];
        if (held && event && kindOf(lexicon, event.entityId) === 'Event') {
          out.push({
            type: 'HELD_IN',
            from: event.entityId,
            to: m.entityId,
            evidence: [ex(text, m.excerpt.start, event.excerpt.end)],
            qualifiers: {},
          });
        }
      }
      if (kind === 'Event') {
        const body = lexicon
          .all()
          .find(
            (e) =>
              e.kind === 'Organization' &&
              e.names.kk !== undefined &&
              lexicon.get(m.entityId)?.names.kk?.startsWith(`${e.names.kk} `),
          );
        if (body && !out.some((f) => f.type === 'SESSION_OF' && f.from === m.entityId)) {
          out.push({
            type: 'SESSION_OF',
            from: m.entityId,
            to: body.id,
            evidence: [m.excerpt],
            qualifiers: {},
          });
        }
      }
    });
  }
  return out;
}

/** Splits an enumeration (`A, B, сондай-ақ C`, `X мен Y`) into its items' excerpts. */
function items(text: string, start: number, end: number): Excerpt[] {
  const out: Excerpt[] = [];
  const part = text.slice(start, end);
  let from = 0;
  const separators =
    /,\s*(?:сондай-ақ\s+|а также\s+|и\s+)?|\s+сондай-ақ\s+|\s+(?:мен|пен|бен|и)\s+(?=\p{Lu}|«)/gu;
  for (const m of part.matchAll(separators)) {
    out.push(trimmed(text, start + from, start + m.index));
    from = m.index + m[0].length;
  }
  out.push(trimmed(text, start + from, end));
  return out.filter((e) => e.text !== '');
}

function trimmed(text: string, start: number, end: number): Excerpt {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /[\s,]/u.test(text[e - 1]!)) e--;
  return ex(text, s, e);
}

/** Where the enumeration starts: after `тараптар`/`стороны` or a leading adverbial. */
function enumerationStart(sentence: DraftSentence): number {
  const subject = /(?:^|\s)(?:тараптар|стороны|олар|они)\s+/u.exec(sentence.text);
  if (subject) return sentence.start + subject.index + subject[0].length;
  const lead = /^(?:Сондай-ақ|Сонымен қатар|Сонымен бірге|Также|Кроме того,?)\s+/u.exec(
    sentence.text,
  );
  return sentence.start + (lead ? lead[0].length : 0);
}

export function discussions(context: FactContext, meetingId: string | undefined): DraftFact[] {
  if (!meetingId) return [];
  const { text, lexicon, language } = context;
  const out: DraftFact[] = [];
  const topicOf = (item: Excerpt, topicType: string): string => {
    const words = wordSpans(item.text);
    const hits = lexicon.scan(item.text, language, item.start);
    if (hits.length === 1 && hits[0]!.from === 0 && hits[0]!.to === words.length)
      return hits[0]!.entityId;
    return context.propose({
      kind: 'Topic',
      kk: nominativeOf(item.text, language),
      fields: { topicType },
      first: item,
      todo: ['names.ru, names.en: translate the topic', 'topicType: check'],
    });
  };
  const push = (to: string, framing: string, evidence: Excerpt[], raisedBy?: string) => {
    if (out.some((f) => f.to === to && f.qualifiers.framing === framing)) return;
    out.push({
      type: 'DISCUSSED',
      from: meetingId,
      to,
      evidence,
      qualifiers: { framing, ...(raisedBy ? { raisedById: raisedBy } : {}) },
    });
  };
  for (const sentence of context.sentences) {
    const s = sentence.text;
    const verb = DISCUSSED_VERB.exec(s) ?? CONSIDERED_VERB.exec(s);
    if (verb) {
      const framing = DISCUSSED_VERB.test(verb[0]) ? 'DISCUSSED' : 'CONSIDERED';
      const verbEnd = sentence.start + verb.index + verb[0].length;
      const begin = enumerationStart(sentence);
      const list = items(text, begin, sentence.start + verb.index);
      list.forEach((item, i) => {
        // Heads: `… мәселелерін` (issues of), `… қызметі` (the operation of).
        let core = item;
        let head: Excerpt | undefined;
        const issues = TOPIC_HEAD.exec(item.text);
        if (issues) {
          core = trimmed(text, item.start, item.start + issues.index);
          head = ex(text, item.start + issues.index + 1, item.end);
        }
        const operation = /\s+қызметі$/u.exec(core.text);
        if (operation) core = trimmed(text, core.start, core.start + operation.index);
        const last = i === list.length - 1;
        const tail = ex(text, (head ?? core).end, verbEnd);
        const evidence: Excerpt[] = last
          ? [ex(text, core.start, verbEnd)]
          : [
              core,
              head
                ? ex(text, head.start, verbEnd)
                : ex(
                    text,
                    list[list.length - 1]!.end -
                      (list[list.length - 1]!.text.match(/\S+$/u)?.[0].length ?? 0),
                    verbEnd,
                  ),
            ];
        void tail;
        push(
          topicOf(core, 'ISSUE'),
          framing,
          evidence.filter((e) => e.text.trim() !== ''),
        );
      });
    }
    const speaker =
      quoteAt(context.quotes, sentence.end - 1)?.speakerId ??
      quoteAt(context.quotes, sentence.start + 1)?.speakerId;
    // `X-ды жүзеге асырудың жақсы перспективаларын`
    const prospect =
      /(\S+(?:\s+\S+){0,6}?)\s+(?:жүзеге асырудың|іске асырудың|дамытудың)\s+(?:\p{Ll}+\s+)?перспективаларын/u.exec(
        s,
      );
    if (prospect) {
      let start = sentence.start + prospect.index;
      const pronoun = /^«?(?:(?:Біз|Мы)\s+)?/u.exec(s.slice(prospect.index));
      if (pronoun) start += pronoun[0].length;
      const objectEnd = sentence.start + prospect.index + prospect[1]!.length;
      const object = ex(text, start, objectEnd);
      const evidence = ex(text, start, sentence.start + prospect.index + prospect[0].length);
      push(topicOf(object, 'POLICY'), 'PROSPECT', [evidence], speaker);
    }
    // `A, B, C сияқты салаларда X-ды іске қосу үшін мүмкіндіктер бар`
    const sectors = /сияқты салаларда/u.exec(s);
    const opportunity =
      /(\S+(?:\s+\S+){0,4}?)\s+(?:іске қосу|жүзеге асыру|дамыту)\s+үшін\s+мүмкіндіктер\s+бар/u.exec(
        s,
      );
    if (opportunity) {
      let start = sentence.start + opportunity.index;
      const afterSectors = sectors ? sentence.start + sectors.index + sectors[0].length : -1;
      if (
        afterSectors > start &&
        afterSectors < sentence.start + opportunity.index + opportunity[1]!.length
      )
        start = afterSectors + 1;
      const objectEnd = sentence.start + opportunity.index + opportunity[1]!.length;
      const object = trimmed(text, start, objectEnd);
      const evidence = ex(
        text,
        object.start,
        sentence.start + opportunity.index + opportunity[0].length,
      );
      push(topicOf(object, 'COOPERATION_AREA'), 'PROSPECT', [evidence], speaker);
      if (sectors) {
        const listStart = sentence.start + (/^(?:\S+\s+){0}/u.exec(s)?.[0].length ?? 0);
        const clauseStart = Math.max(
          listStart,
          sentence.start + (s.lastIndexOf('. ', sectors.index) + 1 || 0),
        );
        const sectorItems = items(text, clauseStart, sentence.start + sectors.index);
        const frame = ex(text, sentence.start + sectors.index + 'сияқты '.length, evidence.end);
        for (const item of sectorItems)
          push(topicOf(item, 'SECTOR'), 'PROSPECT', [item, frame], speaker);
      }
    }
  }
  return out;
}
