/**
 * The draft of one article: sentences, mentions of registered entities, new entity candidates,
 * quotes with speakers, figures, dates and facts, each with its verbatim evidence. Pure: the
 * text and the registry in, a `Draft` out (emit.ts writes it in the seed format).
 */
import { normalize, wordSpans } from '../language/index.js';
import {
  establishedCandidates,
  proposeInSentence,
  toCandidate,
  type Proposal,
} from './candidates.js';
import { claimsAndSubjects } from './claims.js';
import { documents } from './documents.js';
import { discussions, holdings, meetings, placesAndSessions, type FactContext } from './facts.js';
import { findDates, findFigures } from './figures.js';
import { Lexicon, type Match } from './lexicon.js';
import type { Candidate, Draft, DraftEntity, DraftFact, DraftLanguage } from './model.js';
import { findQuotes } from './quotes.js';
import { structuralFacts } from './structure.js';
import { visits } from './visits.js';
import { draftSentences } from './sentences.js';

interface DraftOptions {
  /** The registered entities (seeds/entities/) the draft links to. */
  registry: readonly DraftEntity[];
  /** The text's language; guessed from its letters when not given. */
  language?: DraftLanguage;
  /** Publication date-time (ISO, with offset) or date; otherwise read from the dateline. */
  published?: string;
}

/** Kazakh has letters Russian lacks. */
const guessLanguage = (text: string): DraftLanguage => (/[әғқңөұүһі]/iu.test(text) ? 'kk' : 'ru');

const MONTH_PREFIXES = [
  ['қаң', 'янв'],
  ['ақп', 'фев'],
  ['нау', 'мар'],
  ['сәу', 'апр'],
  ['мам', 'мая', 'май'],
  ['мау', 'июн'],
  ['шіл', 'июл'],
  ['там', 'авг'],
  ['қыр', 'сен'],
  ['қаз', 'окт'],
  ['қар', 'ноя'],
  ['жел', 'дек'],
];

/** A dateline (`25 там, 2022 сағат 23:33`, `30 марта 2023, 10:15`) as ISO date and date-time. */
export function readDateline(line: string): { date: string; dateTime?: string } | undefined {
  const m =
    /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})(?:\s*(?:ж\.|жыл\p{L}*|г\.|года))?(?:,?\s*(?:сағат|в)?\s*(\d{1,2}):(\d{2}))?/u.exec(
      line.trim(),
    );
  if (!m) return undefined;
  const prefix = m[2]!.toLowerCase().slice(0, 3);
  const month = MONTH_PREFIXES.findIndex((p) => p.includes(prefix)) + 1;
  if (month === 0) return undefined;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (m[4] === undefined) return { date };
  // Kazakhstan kept UTC+6 (Astana) until 1 March 2024, then one zone, UTC+5.
  const offset = date < '2024-03-01' ? '+06:00' : '+05:00';
  return { date, dateTime: `${date}T${m[4].padStart(2, '0')}:${m[5]}:00${offset}` };
}

export function draftArticle(text: string, options: DraftOptions): Draft {
  const language = options.language ?? guessLanguage(text);
  const sentences = draftSentences(text);
  const dateline = sentences[0] ? readDateline(sentences[0].text) : undefined;
  const published = options.published?.slice(0, 10) ?? dateline?.date;
  const publishedAt = options.published?.includes('T') ? options.published : dateline?.dateTime;
  const titleSentence = dateline ? sentences[1] : sentences[0];
  const titleLine = titleSentence
    ? text.slice(titleSentence.start, text.indexOf('\n', titleSentence.start) >>> 0).trim()
    : '';

  const lexicon = new Lexicon(options.registry, text);
  const table = new Lexicon(establishedCandidates(), text);
  const candidates = new Map<string, Candidate>();
  const add = (c: Candidate) => {
    candidates.set(c.id, c);
    lexicon.add(c);
  };
  const propose = (p: Proposal): string => {
    const made = toCandidate(p, lexicon, language);
    if (typeof made === 'string') return made;
    // Its English name makes a registered entity's id (`Қазақстан Президенті` → the
    // registry's `office/president-of-kazakhstan`): the same entity.
    if (lexicon.get(made.id)?.registered) return made.id;
    // A name of the table of established names: its names and id.
    const established = table.lookup(
      wordSpans(p.kk).map((w) => w.text),
      language,
    );
    if (established && !established.weak) {
      const entry = table.get(established.id) as Candidate;
      if (!candidates.has(entry.id)) add({ ...entry, first: p.first });
      return entry.id;
    }
    const existing = candidates.get(made.id);
    if (existing) return existing.id;
    add(made);
    return made.id;
  };

  // Countries and places the registry does not have but the table does.
  for (const sentence of sentences) {
    for (const m of table.scan(sentence.text, language, sentence.start)) {
      const words = wordSpans(m.excerpt.text).map((w) => w.text);
      if (lexicon.lookup(words, language) || candidates.has(m.entityId)) continue;
      add({ ...(table.get(m.entityId) as Candidate), first: m.excerpt });
    }
  }
  const holderOf = new Map<string, string>();
  for (const sentence of sentences) {
    if (sentence === titleSentence || sentence.index === 0) continue;
    for (const p of proposeInSentence(text, sentence, language)) propose(p);
  }

  const scanAll = () => {
    const matches = new Map<number, Match[]>();
    const recent: string[] = [];
    for (const sentence of sentences) {
      matches.set(sentence.index, lexicon.scan(sentence.text, language, sentence.start, recent));
    }
    return matches;
  };
  let matches = scanAll();
  const context: FactContext = {
    text,
    language,
    lexicon,
    sentences,
    matches,
    quotes: [],
    ...(published ? { published } : {}),
    propose,
  };
  const holds = holdings(context);
  for (const h of holds) holderOf.set(h.to, h.from);
  const namedBefore = (at: number) =>
    [...matches.values()]
      .flat()
      .filter((m) => m.excerpt.start < at)
      .map((m) => m.entityId);
  const quotes = findQuotes(text, sentences, { lexicon, language, holders: holderOf, namedBefore });
  context.quotes = quotes;
  const year = published ? Number(published.slice(0, 4)) : undefined;
  const dates = sentences.slice(1).flatMap((s) => findDates(s, year));
  const figures = findFigures(text, sentences.slice(dateline ? 1 : 0), dates).map((f) => {
    const quote = quotes.find(
      (q) => q.excerpt.start <= f.surface.start && f.surface.end <= q.excerpt.end,
    );
    return quote?.speakerId ? { ...f, statedBy: quote.speakerId } : f;
  });

  const met = meetings(context, holds);
  const meetingId = met.find((f) => f.type === 'PARTICIPATED_IN')?.to;
  if (meetingId) {
    // `кездесу` (meeting), `Келіссөз` (talks): the words the text refers to the meeting by.
    const meeting = candidates.get(meetingId);
    if (meeting) {
      const words = new Set(
        wordSpans(text)
          .map((w) => w.text)
          .filter(
            (w) => /^(?:кездесу|келіссөз|встреч|переговор)/iu.test(w) && !/^кездесулер/iu.test(w),
          ),
      );
      lexicon.add({ ...meeting, forms: [...meeting.forms, ...words] });
      candidates.set(meetingId, { ...meeting, forms: [...meeting.forms, ...words] });
    }
  }
  matches = scanAll();
  context.matches = matches;
  const signed = documents({
    ...context,
    holds,
    participations: met.filter((f) => f.type === 'PARTICIPATED_IN'),
    dates,
    headline: new Set([0, ...(titleSentence ? [titleSentence.index] : [])]),
  });
  const visited = visits({
    ...context,
    holds,
    participations: met.filter((f) => f.type === 'PARTICIPATED_IN'),
    dates,
    headline: new Set([0, ...(titleSentence ? [titleSentence.index] : [])]),
  });
  // `Документ`, `Указ`, `Жарлыққа`, `Сапар`, `Миссия`: a head noun alone refers to its entity.
  let referred = false;
  for (const c of [...candidates.values()].filter(
    (c) => c.kind === 'Document' || (c.kind === 'Event' && visited.some((f) => f.to === c.id)),
  )) {
    const headWord =
      c.kind === 'Document'
        ? wordSpans(c.first.text)[0]?.text
        : /сапар|миссия|визит|мисси/iu.exec(c.names.kk ?? c.names.ru ?? '')?.[0];
    const head = normalize(headWord ?? '').slice(0, 5);
    const words = new Set(
      wordSpans(text)
        .map((w) => w.text)
        .filter((w) => {
          const lower = normalize(w);
          return (
            (head.length >= 4 && lower.startsWith(head)) || /^(?:документ|құжат)$/u.test(lower)
          );
        }),
    );
    if (words.size === 0) continue;
    const withForms = { ...c, forms: [...c.forms, ...words] };
    lexicon.add(withForms);
    candidates.set(c.id, withForms);
    referred = true;
  }
  // A full rescan only when a head noun added a way to refer to an entity.
  if (referred) {
    matches = scanAll();
    context.matches = matches;
  }
  const facts: DraftFact[] = dedupe([
    ...holds,
    ...met,
    ...signed,
    ...visited,
    ...placesAndSessions(context),
    ...discussions(context, meetingId),
    ...structuralFacts(context),
  ]);
  matches = scanAll();

  context.matches = matches;
  const visit = visited.find((f) => f.qualifiers.role === 'VISITOR')?.to;
  const { claims, quoteAbout } = claimsAndSubjects({
    ...context,
    holds,
    figures,
    ...(meetingId
      ? {
          occasion: {
            id: meetingId,
            participants: new Set(met.filter((f) => f.to === meetingId).map((f) => f.from)),
            countries: [
              ...new Set(
                met
                  .filter((f) => f.to === meetingId && f.qualifiers.countryId)
                  .map((f) => f.qualifiers.countryId!),
              ),
            ],
          },
        }
      : {}),
    ...(visit ? { event: visit } : {}),
    headline: new Set([0, ...(titleSentence ? [titleSentence.index] : [])]),
  });

  const reported = facts.find((f) => f.type === 'REPORTED_BY');
  const mentions = [...matches.entries()].flatMap(([index, list]) => {
    const sentence = sentences[index]!;
    // A topic's words inside another name (`сауда` in `… сауда миссиясы`) are part of that
    // name, not a mention of the topic: topics are named by common nouns.
    const inner = lexicon
      .nested(sentence.text, list, language, sentence.start)
      .filter((m) => lexicon.get(m.entityId)?.kind !== 'Topic');
    return [...list, ...inner].map((m) => ({
      entityId: m.entityId,
      sentence: index,
      excerpt: m.excerpt,
    }));
  });
  return {
    text,
    language,
    ...(published ? { published } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    title: titleLine,
    sentences,
    mentions,
    candidates: [...candidates.values()],
    quotes: quotes.map((q, i) => (quoteAbout[i]?.length ? { ...q, about: quoteAbout[i]! } : q)),
    figures,
    dates,
    facts,
    claims,
    ...(reported ? { source: { id: reported.to, excerpt: reported.evidence[0]! } } : {}),
  };
}

function dedupe(facts: DraftFact[]): DraftFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.type} ${f.from} ${f.to} ${f.qualifiers.framing ?? ''} ${f.qualifiers.current ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
