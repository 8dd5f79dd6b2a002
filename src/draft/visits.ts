/**
 * Visits and what happens during them, in Kazakh and Russian:
 * - the visit (`Иран Ислам Республикасына ресми сапармен барады`, `совершит официальный
 *   визит в Иран`): a new Event named `X-тың Country-ға ресми сапары` / `Официальный визит X
 *   в Country`, its type, status (announced: PLANNED) and day; the visitor (VISITOR, with
 *   office and country), the host who invited (`X-тың шақыруымен`, `по приглашению X`:
 *   HOST), HELD_IN the host country;
 * - talks between the two (`екі ел президенттерінің келіссөздері өтеді`, `переговоры`): a
 *   Meeting of visitor and host, held where its sentence says;
 * - a trade mission (`қазақстандық кәсіпкерлердің Иранға сауда миссиясы`): an Event, the
 *   business delegation that takes part in it, HELD_IN the country it goes to;
 * - DURING: what a sentence places `Сапар барысында`/`аясында`, `в ходе визита`, and every
 *   meeting of the visitor after the visit is announced; PART_OF: an event `Миссия
 *   бағдарламасына … кіреді` (`в программу … входит`).
 */
import { inflectedForms, kazakhEnding, normalize, russianCase } from '../language/index.js';
import type { FactContext } from './facts.js';
import { meetingName } from './facts.js';
import type { Match } from './lexicon.js';
import type { DraftDate, DraftFact, EntityKind, Excerpt } from './model.js';
import { nominativeOf } from './words.js';

const VISIT_KK =
  /(ресми|мемлекеттік|жұмыс)\s+сапар(?:мен|ы|пен)?\s+(барады|барды|келеді|келді|барып|жасайды|жасады)/u;
const VISIT_RU = /(официальн|государственн|рабоч)\p{L}*\s+визит\p{L}*/u;
const VISIT_TYPES: Record<string, string> = {
  ресми: 'OFFICIAL_VISIT',
  официальн: 'OFFICIAL_VISIT',
  мемлекеттік: 'STATE_VISIT',
  государственн: 'STATE_VISIT',
  жұмыс: 'WORKING_VISIT',
  рабоч: 'WORKING_VISIT',
};
const VISIT_NAMES_RU: Record<string, string> = {
  OFFICIAL_VISIT: 'Официальный визит',
  STATE_VISIT: 'Государственный визит',
  WORKING_VISIT: 'Рабочий визит',
};
const FUTURE =
  /барады|келеді|жасайды|совершит|посетит|состоится|пройд[её]т|өтеді|жоспарлан|ұйымдастырылады|организуют|будет|кіреді|войд[её]т/u;
const INVITED_KK = /^\s*шақыруымен/u;
const INVITED_RU = /по\s+приглашению\s*$/u;
const DURING = /сапар\s+(?:барысында|аясында)|в\s+(?:ходе|рамках)\s+визита/iu;
const TALKS = /келіссөздері\s+(?:өтеді|өтті|өткізіледі|жоспарланған)|переговоры/u;
const MISSION =
  /(\p{L}+\s+(?:кәсіпкерлерінің|кәсіпкерлердің|бизнесмендерінің|предпринимателей|бизнесменов))(\s+\S+)?\s+(сауда\s+миссиясы|бизнес-миссиясы|торгов\p{L}*\s+мисси\p{L}*|бизнес-мисси\p{L}*)/iu;
const PROGRAMME = /бағдарламасына|в\s+программу/u;

interface VisitContext extends FactContext {
  holds: readonly DraftFact[];
  dates: readonly DraftDate[];
  /** The meetings drafted so far, with their participants. */
  participations: readonly DraftFact[];
  headline: ReadonlySet<number>;
}

const kindOf = (context: FactContext, id: string): EntityKind | undefined =>
  context.lexicon.get(id)?.kind;

const ex = (text: string, start: number, end: number): Excerpt => ({
  start,
  end,
  text: text.slice(start, end),
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const lastWord = (name: string) => normalize(name.split(/\s+/u).pop() ?? name);

export function visits(context: VisitContext): DraftFact[] {
  const { text, language, lexicon } = context;
  const out: DraftFact[] = [];
  const holderOf = new Map(context.holds.map((h) => [h.to, h.from]));
  const personOf = (m: Match) =>
    kindOf(context, m.entityId) === 'Person'
      ? m.entityId
      : kindOf(context, m.entityId) === 'Office'
        ? holderOf.get(m.entityId)
        : undefined;
  const roleOf = (person: string) => {
    const office = context.holds.find((h) => h.from === person);
    const country = office ? countryOfOffice(context, office.to) : undefined;
    return {
      ...(office ? { officeId: office.to } : {}),
      ...(country ? { countryId: country } : {}),
      evidence: office?.evidence[0],
    };
  };

  let visit:
    { id: string; visitor: string; host?: string; sentence: number; date?: DraftDate } | undefined;
  for (const sentence of context.sentences) {
    if (context.headline.has(sentence.index)) continue;
    const matches = context.matches.get(sentence.index) ?? [];
    const s = sentence.text;

    // The visit.
    const verb = !visit ? (language === 'kk' ? VISIT_KK : VISIT_RU).exec(s) : null;
    if (verb) {
      const at = sentence.start + verb.index;
      const end = at + verb[0].length;
      const visitorMatch = matches.find((m) => m.excerpt.end <= at && personOf(m) !== undefined);
      const country =
        language === 'kk'
          ? [...matches]
              .reverse()
              .find((m) => m.excerpt.end <= at && kindOf(context, m.entityId) === 'Country')
          : matches.find(
              (m) => m.excerpt.start >= end && kindOf(context, m.entityId) === 'Country',
            );
      const visitor = visitorMatch && personOf(visitorMatch);
      if (visitor && country) {
        const visitorNames = lexicon.get(visitor)!.names;
        const countryNames = lexicon.get(country.entityId)!.names;
        const type = Object.entries(VISIT_TYPES).find(([k]) => verb[1]!.startsWith(k))![1];
        const planned = FUTURE.test(s);
        const date = context.dates.find(
          (d) => d.excerpt.start >= sentence.start && d.excerpt.end <= sentence.end,
        );
        const statusEvidence = ex(
          text,
          Math.min(country.excerpt.start, at),
          Math.max(end, country.excerpt.end),
        );
        const kk =
          visitorNames.kk && countryNames.kk
            ? `${visitorNames.kk}${kazakhEnding(lastWord(visitorNames.kk), 'genitive')} ${countryNames.kk}${kazakhEnding(lastWord(countryNames.kk), 'dative')} ${verb[1]} сапары`
            : undefined;
        const ruVisitor = visitorNames.ru;
        const ru =
          ruVisitor && countryNames.ru
            ? `${VISIT_NAMES_RU[type] ?? 'Визит'} ${genitiveRu(ruVisitor)} в ${accusativeRu(countryNames.ru)}`
            : undefined;
        const id = context.propose({
          kind: 'Event',
          kk: language === 'kk' ? (kk ?? verb[0]) : (ru ?? verb[0]),
          ...(language === 'kk' && ru ? { ru } : {}),
          ...(language === 'ru' && kk ? { otherKk: kk } : {}),
          fields: {
            eventType: type,
            ...(planned ? { status: 'PLANNED' } : {}),
            ...(date ? { startDate: date.start, endDate: date.end } : {}),
          },
          evidence: {
            ...(planned ? { statusEvidence: [statusEvidence] } : {}),
            ...(date ? { startDateEvidence: [date.excerpt], endDateEvidence: [date.excerpt] } : {}),
          },
          first: statusEvidence,
          todo: ['names: check the name in each language', 'status, dates: check'],
        });
        const visitorRole = roleOf(visitor);
        out.push({
          type: 'PARTICIPATED_IN',
          from: visitor,
          to: id,
          evidence: [...(visitorRole.evidence ? [visitorRole.evidence] : []), statusEvidence],
          qualifiers: {
            role: 'VISITOR',
            ...(visitorRole.officeId ? { officeId: visitorRole.officeId } : {}),
            ...(visitorRole.countryId ? { countryId: visitorRole.countryId } : {}),
          },
        });
        // The host: `X-тың шақыруымен`, `по приглашению X`.
        let host: string | undefined;
        for (const m of matches) {
          const after = text.slice(m.excerpt.end, m.excerpt.end + 14);
          const before = text.slice(Math.max(0, m.excerpt.start - 16), m.excerpt.start);
          const invited = language === 'kk' ? INVITED_KK.exec(after) : INVITED_RU.exec(before);
          const person = personOf(m);
          if (!invited || !person || person === visitor) continue;
          host = person;
          const role = roleOf(person);
          const from =
            role.evidence && role.evidence.end === m.excerpt.end
              ? role.evidence.start
              : m.excerpt.start;
          const evidence =
            language === 'kk'
              ? ex(text, from, m.excerpt.end + invited[0].length)
              : ex(text, m.excerpt.start - invited[0].length, m.excerpt.end);
          out.push({
            type: 'PARTICIPATED_IN',
            from: person,
            to: id,
            evidence: [evidence],
            qualifiers: {
              role: 'HOST',
              ...(role.officeId ? { officeId: role.officeId } : {}),
              ...(role.countryId ? { countryId: role.countryId } : {}),
            },
          });
          break;
        }
        out.push({
          type: 'HELD_IN',
          from: id,
          to: country.entityId,
          evidence: [statusEvidence],
          qualifiers: {},
        });
        visit = {
          id,
          visitor,
          ...(host ? { host } : {}),
          sentence: sentence.index,
          ...(date ? { date } : {}),
        };
        continue;
      }
    }
    if (!visit) continue;
    const during = DURING.exec(s);
    const duringEvidence = (end: number) =>
      ex(text, sentence.start, Math.min(end, /[.!?]$/u.test(s) ? sentence.end - 1 : sentence.end));

    // Talks of the visitor and the host.
    const talks = TALKS.exec(s);
    if (talks && visit.host) {
      const a = lexicon.get(visit.visitor)!.names;
      const b = lexicon.get(visit.host)!.names;
      const at = sentence.start + talks.index;
      const end = at + talks[0].length;
      const noun = /^\S+/u.exec(talks[0])![0];
      const planned = FUTURE.test(s);
      const place = matches.find((m) => kindOf(context, m.entityId) === 'Place');
      // `екі ел президенттерінің келіссөздері`: who the talks are of.
      const of = /(?:екі\s+ел\s+)?\S+(?:терінің|дарының|лерінің|тарының|ларының|дерінің)\s+$/u.exec(
        text.slice(sentence.start, at),
      );
      const who = ex(text, of ? sentence.start + of.index : at, at + noun.length);
      const id = context.propose({
        kind: 'Meeting',
        kk:
          language === 'kk' && a.kk && b.kk
            ? meetingName(a.kk, b.kk, 'келіссөздері')
            : `Переговоры ${genitiveRu(a.ru ?? a.kk ?? '')} и ${genitiveRu(b.ru ?? b.kk ?? '')}`,
        fields: {
          meetingType: 'BILATERAL',
          ...(planned ? { status: 'PLANNED' } : {}),
          ...(visit.date ? { date: visit.date.start } : {}),
        },
        evidence: {
          ...(planned
            ? { statusEvidence: [ex(text, at, sentence.end - (/[.!?]$/u.test(s) ? 1 : 0))] }
            : {}),
          ...(visit.date ? { dateEvidence: [visit.date.excerpt] } : {}),
        },
        first: who,
        todo: ['names: check the name in each language', 'status, date: check'],
      });
      for (const person of [visit.visitor, visit.host]) {
        const role = roleOf(person);
        out.push({
          type: 'PARTICIPATED_IN',
          from: person,
          to: id,
          evidence: [who],
          qualifiers: {
            ...(role.officeId ? { officeId: role.officeId } : {}),
            ...(role.countryId ? { countryId: role.countryId } : {}),
          },
        });
      }
      if (place)
        out.push({
          type: 'HELD_IN',
          from: id,
          to: place.entityId,
          evidence: [ex(text, place.excerpt.start, end)],
          qualifiers: {},
        });
      out.push({
        type: 'DURING',
        from: id,
        to: visit.id,
        evidence: [duringEvidence(end)],
        qualifiers: {},
      });
    }

    // A trade mission and its business delegation.
    const mission = MISSION.exec(s);
    if (mission) {
      const at = sentence.start + mission.index;
      const end = at + mission[0].length;
      const phrase = ex(text, at, end);
      const planned = FUTURE.test(s);
      const verbEnd = /ұйымдастырылады|ұйымдастырылды|организуют|пройд[её]т/u.exec(s);
      const id = context.propose({
        kind: 'Event',
        kk: capitalise(phrase.text),
        fields: { eventType: 'TRADE_MISSION', ...(planned ? { status: 'PLANNED' } : {}) },
        ...(planned && verbEnd
          ? {
              evidence: {
                statusEvidence: [
                  ex(
                    text,
                    sentence.start + s.indexOf(mission[3]!, mission.index),
                    sentence.start + verbEnd.index + verbEnd[0].length,
                  ),
                ],
              },
            }
          : {}),
        first: phrase,
        todo: ['names: translate the name', 'status: check'],
      });
      const business = mission[1]!;
      const delegationKk =
        language === 'kk'
          ? `${capitalise(nominativeOf(business, 'kk'))} делегациясы`
          : `Делегация ${business}`;
      const delegationFirst = ex(text, at, at + business.length);
      const delegation = context.propose({
        kind: 'Organization',
        kk: delegationKk,
        fields: { organizationType: 'OTHER' },
        first: delegationFirst,
        todo: ['names: translate the name', 'organizationType: check'],
      });
      const country = lexicon
        .scan(business, language, at)
        .find((m) => kindOf(context, m.entityId) === 'Country');
      out.push({
        type: 'PARTICIPATED_IN',
        from: delegation,
        to: id,
        evidence: [phrase],
        qualifiers: {
          role: 'DELEGATION_MEMBER',
          ...(country ? { countryId: country.entityId } : {}),
        },
      });
      const destination = matches.find(
        (m) =>
          m.excerpt.start >= at + business.length &&
          m.excerpt.end <= end &&
          kindOf(context, m.entityId) === 'Country',
      );
      if (destination)
        out.push({
          type: 'HELD_IN',
          from: id,
          to: destination.entityId,
          evidence: [ex(text, destination.excerpt.start, end)],
          qualifiers: {},
        });
      if (during)
        out.push({
          type: 'DURING',
          from: id,
          to: visit.id,
          evidence: [
            duringEvidence(verbEnd ? sentence.start + verbEnd.index + verbEnd[0].length : end),
          ],
          qualifiers: {},
        });
    }

    // `Миссия бағдарламасына … форумы кіреді`: an event within another.
    if (PROGRAMME.test(s)) {
      const events = matches.filter((m) => kindOf(context, m.entityId) === 'Event');
      if (events.length >= 2 && events[0]!.entityId !== events[1]!.entityId)
        out.push({
          type: 'PART_OF',
          from: events[1]!.entityId,
          to: events[0]!.entityId,
          evidence: [duringEvidence(sentence.end)],
          qualifiers: {},
        });
    }
  }

  // Every meeting of the visitor announced with the visit happens during it.
  if (visit) {
    const v = visit;
    for (const p of context.participations) {
      if (p.from !== v.visitor || out.some((f) => f.type === 'DURING' && f.from === p.to)) continue;
      const sentence = context.sentences.find(
        (s) => s.start <= p.evidence[0]!.start && p.evidence[0]!.start < s.end,
      );
      if (!sentence || sentence.index <= v.sentence) continue;
      out.push({
        type: 'DURING',
        from: p.to,
        to: v.id,
        evidence: [
          ex(text, sentence.start, /[.!?]$/u.test(sentence.text) ? sentence.end - 1 : sentence.end),
        ],
        qualifiers: {},
      });
    }
  }
  return out;
}

/** A one-word place name in the accusative (`в Германию`); longer names as written. */
function accusativeRu(name: string): string {
  if (/\s/u.test(name)) return name;
  const form = russianCase(normalize(name), 'accusative');
  return form ? name.charAt(0) + form.slice(1) : name;
}

/** A Russian person's name in the genitive (`Касым-Жомарта Токаева`). */
const genitiveRu = (name: string) => inflectedForms(name, 'ru', { person: true })[0] ?? name;

/** The country an office belongs to: the country named in its names. */
function countryOfOffice(context: FactContext, office: string): string | undefined {
  const names = context.lexicon.get(office)?.names;
  for (const name of [names?.kk, names?.ru].filter((n): n is string => n !== undefined)) {
    const hit = context.lexicon
      .scan(name, context.language)
      .find((m) => kindOf(context, m.entityId) === 'Country');
    if (hit) return hit.entityId;
  }
  return undefined;
}
