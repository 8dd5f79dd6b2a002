/**
 * Documents and what is done with them, in Kazakh and Russian:
 * - a document signed (`подписал указ о …`, `подписали меморандум о …`, `Жарлыққа қол
 *   қойып`): a new Document named by its head and what follows it (`Указ о назначении …`),
 *   or, for an appointment decree in Kazakh, by the convention `X-ты Office етіп тағайындау
 *   туралы Жарлық`; its type and date (`Указ подписан 11 января 2022 года`, `Жарлыққа 2024
 *   жылғы 6 ақпанда қол қойылды`);
 * - SIGNED by the sentence's subject (a person, an office's holder, or `они` / `олар`: the
 *   participants of the meeting the sentence names), with their office and country;
 * - SIGNED_AT the meeting the signing sentence names (`По итогам встречи …`);
 * - APPOINTED: the person a decree appoints to an office (`о назначении X Office-ом`,
 *   `X-ты Office етіп тағайындады`), and the office's start date on that holding;
 * - NOMINATED: who put forward the candidacy (`Кандидатуру X Президент внёс`, `Президент
 *   ұсынған кандидатураны`);
 * - ABOUT: the fields a document is in (`в области A, B и C`).
 */
import { kazakhEnding, normalize } from '../language/index.js';
import type { FactContext } from './facts.js';
import type { Match } from './lexicon.js';
import type { DatedQualifier, DraftDate, DraftFact, EntityKind, Excerpt } from './model.js';
import { nominativeOf } from './words.js';

const DOC_HEADS_RU: ReadonlyArray<[RegExp, string]> = [
  [/^указ/u, 'DECREE'],
  [/^(?:постановлени|распоряжени)/u, 'RESOLUTION'],
  [/^закон/u, 'LAW'],
  [/^меморандум/u, 'MEMORANDUM'],
  [/^(?:соглашени|договор|контракт)/u, 'AGREEMENT'],
  [/^деклараци/u, 'DECLARATION'],
  [/^(?:протокол|план|дорожн)/u, 'OTHER'],
];
const DOC_HEADS_KK: ReadonlyArray<[RegExp, string]> = [
  [/^жарлы[қғ]/u, 'DECREE'],
  [/^қаулы/u, 'RESOLUTION'],
  [/^заң/u, 'LAW'],
  [/^меморандум/u, 'MEMORANDUM'],
  [/^(?:келісім|шарт)/u, 'AGREEMENT'],
  [/^декларация/u, 'DECLARATION'],
  [/^(?:хаттама|жоспар|құжат)/u, 'OTHER'],
];
const SIGNED_RU = /подписал[аи]?|подпишут|подписан[аоы]?/u;
const SIGNED_KK = /қол\s+қой(?:ып|ды|ылды|ған|ады|матын)/u;
const PLURAL_SUBJECT = /(?:^|\s)(?:они|стороны|олар|тараптар)\s/u;
const NOMINATION = /кандидатур\p{L}*/iu;
const NOMINATING_VERB = /внес[её]?|внёс|предложил\p{L}*|представил\p{L}*|ұсынған|ұсынды|ұсынылған/u;
const FIELDS_RU = /\s+в\s+(?:области|сфере|сферах|областях)\s+/u;
/** Where a Russian document's name ends: the end of its clause. */
const NAME_END = /,\s*(?:котор|что|чтобы|где|согласно)|[.;:!?](?:\s|$)|\s+—\s+/u;

interface DocumentContext extends FactContext {
  holds: readonly DraftFact[];
  /** Who took part in which meeting (PARTICIPATED_IN facts so far). */
  participations: readonly DraftFact[];
  dates: readonly DraftDate[];
  /** Sentences that are no report of a signing: the dateline and the headline. */
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

export function documents(context: DocumentContext): DraftFact[] {
  const { text, language, sentences } = context;
  const heads = language === 'kk' ? DOC_HEADS_KK : DOC_HEADS_RU;
  const out: DraftFact[] = [];
  const holderOf = new Map(context.holds.map((h) => [h.to, h.from]));
  const personOf = (m: Match) =>
    kindOf(context, m.entityId) === 'Person'
      ? m.entityId
      : kindOf(context, m.entityId) === 'Office'
        ? holderOf.get(m.entityId)
        : undefined;

  for (const sentence of sentences) {
    if (context.headline.has(sentence.index)) continue;
    const s = sentence.text;
    const verb = (language === 'kk' ? SIGNED_KK : SIGNED_RU).exec(s);
    if (!verb || /^подписан/u.test(verb[0])) continue;
    const verbAt = sentence.start + verb.index;
    const verbEnd = verbAt + verb[0].length;
    // The document: the first head noun after the verb (ru), right before it (kk).
    const words = [...s.matchAll(/[\p{L}\p{N}-]+/gu)].map((m) => ({
      text: m[0],
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
    }));
    const headIndex =
      language === 'kk'
        ? words.findLastIndex(
            (w) => w.end <= verbAt && heads.some(([re]) => re.test(normalize(w.text))),
          )
        : words.findIndex(
            (w) => w.start >= verbEnd && heads.some(([re]) => re.test(normalize(w.text))),
          );
    if (headIndex < 0) continue;
    const head = words[headIndex]!;
    const documentType = heads.find(([re]) => re.test(normalize(head.text)))![1];
    const matches = context.matches.get(sentence.index) ?? [];

    // Its name.
    let name: string;
    let nameExcerpt: Excerpt;
    let appointee:
      { person: string; office: string; evidence: Excerpt; personEnd: number } | undefined;
    let otherKk: string | undefined;
    if (language === 'ru') {
      const rest = text.slice(head.end, sentence.end);
      const end = NAME_END.exec(rest);
      nameExcerpt = ex(text, head.start, head.end + (end ? end.index : rest.length));
      name = capitalise(nominativeOf(head.text, 'ru')) + nameExcerpt.text.slice(head.text.length);
      const person = matches.find(
        (m) => m.excerpt.start >= head.end && kindOf(context, m.entityId) === 'Person',
      );
      const office = matches.find(
        (m) =>
          person &&
          m.excerpt.start >= person.excerpt.end &&
          kindOf(context, m.entityId) === 'Office',
      );
      if (/^назначени/u.test(normalize(rest.trim().split(/\s+/u)[1] ?? '')) && person && office) {
        appointee = {
          person: person.entityId,
          office: office.entityId,
          evidence: nameExcerpt,
          personEnd: person.excerpt.end,
        };
        if (documentType === 'DECREE')
          otherKk = decreeNameKk(context, person.entityId, office.entityId);
      }
    } else {
      nameExcerpt = ex(text, head.start, head.end);
      name = capitalise(nominativeOf(head.text, 'kk'));
      // `X-ты Office етіп тағайындады`: the decree's conventional name.
      const appoint = /етіп\s+тағайында\p{L}*/u.exec(s);
      const appointAt = appoint ? sentence.start + appoint.index : -1;
      const person = matches.find(
        (m) =>
          m.excerpt.start >= verbEnd &&
          m.excerpt.end <= appointAt &&
          kindOf(context, m.entityId) === 'Person',
      );
      const office = matches.find(
        (m) =>
          person &&
          m.excerpt.start >= person.excerpt.end &&
          m.excerpt.end <= appointAt &&
          kindOf(context, m.entityId) === 'Office',
      );
      if (appoint && person && office) {
        name =
          decreeNameKk(context, person.entityId, office.entityId, name) ??
          `${person.excerpt.text} ${office.excerpt.text} етіп тағайындау туралы ${name}`;
        appointee = {
          person: person.entityId,
          office: office.entityId,
          evidence: ex(text, person.excerpt.start, appointAt + appoint![0].length),
          personEnd: person.excerpt.end,
        };
      }
    }

    // Its date: a later sentence saying when it was signed, or a date in this one.
    const dated = datedSigning(context, sentence.index, head.text);
    const documentId = context.propose({
      kind: 'Document',
      kk: name,
      ...(otherKk ? { otherKk } : {}),
      fields: { documentType, ...(dated ? { date: dated.date } : {}) },
      ...(dated ? { evidence: { dateEvidence: dated.evidence } } : {}),
      first: nameExcerpt,
      todo: [
        `names.${language === 'kk' ? 'ru' : 'kk'}, names.en: translate the name`,
        'documentType: check',
      ],
    });
    const pointInTime = dated ? { pointInTime: dated } : undefined;

    // Who signed it.
    const subject = matches.filter((m) => m.excerpt.end <= verbAt);
    let signers = [...new Set(subject.map(personOf).filter((p): p is string => p !== undefined))];
    const plural = PLURAL_SUBJECT.test(text.slice(sentence.start, verbAt + 1));
    const meeting = matches.find((m) => kindOf(context, m.entityId) === 'Meeting');
    if (plural || signers.length === 0) {
      const meetingId = meeting?.entityId ?? context.participations.at(-1)?.to;
      const took = context.participations.filter((p) => p.to === meetingId).map((p) => p.from);
      if (plural || took.length) signers = took;
    }
    const signStart = subject[0] && !plural ? subject[0].excerpt.start : sentence.start;
    // `подписал указ о назначении Алихана Смаилова`: up to whom an appointment names.
    const signEnd = language === 'kk' ? verbEnd : (appointee?.personEnd ?? head.end);
    const signEvidence = ex(text, signStart, signEnd);
    for (const signer of signers) {
      const took = context.participations.find((p) => p.from === signer);
      const office = context.holds.find((h) => h.from === signer)?.to;
      out.push({
        type: 'SIGNED',
        from: signer,
        to: documentId,
        evidence: [signEvidence],
        qualifiers: {
          ...(took?.qualifiers ?? (office ? { officeId: office } : {})),
        },
        ...(pointInTime ? { dated: pointInTime } : {}),
      });
    }
    if (meeting) {
      out.push({
        type: 'SIGNED_AT',
        from: documentId,
        to: meeting.entityId,
        evidence: [ex(text, Math.min(meeting.excerpt.start, verbAt), head.end)],
        qualifiers: {},
      });
    }
    if (appointee) {
      out.push({
        type: 'APPOINTED',
        from: documentId,
        to: appointee.person,
        evidence: [appointee.evidence],
        qualifiers: { officeId: appointee.office },
        ...(pointInTime ? { dated: pointInTime } : {}),
      });
      for (const h of context.holds) {
        if (h.from !== appointee.person || h.to !== appointee.office) continue;
        if (h.qualifiers.current === 'false' || !dated) continue;
        delete h.qualifiers.asOf;
        h.qualifiers.current = 'true';
        h.dated = { ...h.dated, startDate: dated };
      }
      const nominated = nomination(context, appointee, holderOf);
      if (nominated) out.push(nominated);
    }
    // The fields it is in: `в области A, B и C`.
    if (language === 'ru') {
      const fields = FIELDS_RU.exec(nameExcerpt.text);
      if (fields) {
        const from = nameExcerpt.start + fields.index;
        const listStart = from + fields[0].length;
        let at = listStart;
        const parts = nameExcerpt.text.slice(listStart - nameExcerpt.start).split(/,\s*|\s+и\s+/u);
        parts.forEach((part, k) => {
          const start = text.indexOf(part, at);
          at = start + part.length;
          const item = ex(text, start, start + part.length);
          const topic = context.propose({
            kind: 'Topic',
            kk: nominativeOf(item.text, 'ru'),
            fields: { topicType: 'COOPERATION_AREA' },
            first: item,
            todo: ['names.kk, names.en: translate the topic', 'topicType: check'],
          });
          const evidence = k === 0 ? ex(text, from + 1, item.end) : item;
          out.push({
            type: 'ABOUT',
            from: documentId,
            to: topic,
            evidence: [evidence],
            qualifiers: {},
          });
        });
      }
    }
  }
  return out;
}

/** An appointment decree's Kazakh name: `X-ты Office етіп тағайындау туралы Жарлық`. */
function decreeNameKk(
  context: DocumentContext,
  person: string,
  office: string,
  head = 'Жарлық',
): string | undefined {
  const personKk = context.lexicon.get(person)?.names.kk;
  const officeKk = context.lexicon.get(office)?.names.kk;
  if (!personKk || !officeKk) return undefined;
  const last = normalize(personKk.split(/\s+/u).pop() ?? personKk);
  return `${personKk}${kazakhEnding(last, 'accusative')} ${officeKk} етіп тағайындау туралы ${head}`;
}

/** `Указ подписан 11 января 2022 года`, `Жарлыққа 2024 жылғы 6 ақпанда қол қойылды`. */
function datedSigning(
  context: DocumentContext,
  from: number,
  head: string,
): DatedQualifier | undefined {
  const stem = normalize(head).slice(0, 4);
  for (const sentence of context.sentences.slice(from, from + 4)) {
    const s = sentence.text;
    const signed =
      /подписан[аоы]?(?:\s|$)|қол\s+қойылды/u.test(s) &&
      (sentence.index === from || normalize(s).startsWith(stem) || /^(?:Документ|Құжат)/u.test(s));
    if (!signed && sentence.index !== from) continue;
    const date = context.dates.find(
      (d) => d.excerpt.start >= sentence.start && d.excerpt.end <= sentence.end,
    );
    if (!date || date.start !== date.end) continue;
    if (sentence.index === from) return { date: date.start, evidence: [date.excerpt] };
    const end = /[.!?]$/u.test(s) ? sentence.end - 1 : sentence.end;
    return { date: date.start, evidence: [ex(context.text, sentence.start, end)] };
  }
  return undefined;
}

/** Who put the appointee's candidacy forward (`Кандидатуру X Президент внёс …`). */
function nomination(
  context: DocumentContext,
  appointee: { person: string; office: string },
  holderOf: ReadonlyMap<string, string>,
): DraftFact | undefined {
  for (const sentence of context.sentences) {
    const noun = NOMINATION.exec(sentence.text);
    const verb = NOMINATING_VERB.exec(sentence.text);
    if (!noun || !verb) continue;
    const matches = context.matches.get(sentence.index) ?? [];
    const nominator = matches
      .map((m) => ({
        m,
        id:
          kindOf(context, m.entityId) === 'Office'
            ? holderOf.get(m.entityId)
            : kindOf(context, m.entityId) === 'Person'
              ? m.entityId
              : undefined,
      }))
      .find((x) => x.id !== undefined && x.id !== appointee.person);
    if (!nominator) continue;
    const nounAt = sentence.start + noun.index;
    const verbAt = sentence.start + verb.index;
    const start = Math.min(nounAt, nominator.m.excerpt.start, verbAt);
    const end = Math.max(nounAt + noun[0].length, nominator.m.excerpt.end, verbAt + verb[0].length);
    return {
      type: 'NOMINATED',
      from: nominator.id!,
      to: appointee.person,
      evidence: [ex(context.text, start, end)],
      qualifiers: { officeId: appointee.office },
    };
  }
  return undefined;
}
