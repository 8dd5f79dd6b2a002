/**
 * Claims: what someone asserted, with its verbatim words, its author and the meeting or event
 * it was made at. A person writes only the English summary (and checks the type):
 * - each sentence of a quote that states no figure (the figures are numeric facts), by the
 *   quote's speaker;
 * - reported speech: `X … -ғанын атап өтті / айтты / мәлімдеді`, the clauses joined by
 *   `, сондай-ақ` each a claim; `X считает / заявил / отметил, что …`;
 * - a body's position: `Депутаты Мажилиса поддержали …`, `Мәжіліс депутаттары … қолдады`;
 * - the article's own voice on what is planned or aimed at (`… көзделіп отыр`,
 *   `… бағытталған`, `планируется`, `направлен`).
 */
import type { FactContext } from './facts.js';
import type { Match } from './lexicon.js';
import type {
  ClaimType,
  DraftClaim,
  DraftFact,
  DraftFigure,
  EntityKind,
  Excerpt,
} from './model.js';

const REPORTED_KK =
  /(?:\p{L}+(?:ғанын|генін|қанын|кенін|ғанды|генді|атынын|етінін|йтынын|йтінін|уін|уын))\s+(?:атап\s+өтті|айтты|мәлімдеді|жеткізді|баса\s+айтты|сенім\s+білдірді|атап\s+көрсетті)/u;
const REPORTED_RU =
  /(?:считают|считает|заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|уверен[аы]?|полагают|выразил[аи]?\s+уверенность),\s+что\s+/u;
const SUPPORTED = /поддержал[аи]?|одобрил[аи]?|қолдады|мақұлдады/u;
const ARTICLE_VOICE =
  /көзделіп\s+отыр|көзделуде|жоспарлануда|бағытталған|предусмотрен\p{L}*|планируется|направлен[аоы]?\s/u;

const TYPES: ReadonlyArray<[RegExp, ClaimType]> = [
  [/перспектив|мүмкіндік|возможност/iu, 'PROSPECT'],
  [/күн\s+тәртіб|повестк|қол\s+қою\s+көзделіп|көзделіп|предусмотрен|планируется/iu, 'AGENDA'],
  [
    /сенім\s+артамыз|сенім\s+білдір|күтеміз|поможет|бағытталған|направлен|ожида|позволит/iu,
    'EXPECTATION',
  ],
  [/керек|қажет|тиіс|должн|необходимо|бағалай|назарымызда|поддержал|қолдады|ценит/iu, 'POSITION'],
];

const typeOf = (text: string): ClaimType =>
  TYPES.find(([re]) => re.test(text))?.[1] ?? 'ASSESSMENT';

const kindOf = (context: FactContext, id: string): EntityKind | undefined =>
  context.lexicon.get(id)?.kind;

const ex = (text: string, start: number, end: number): Excerpt => ({
  start,
  end,
  text: text.slice(start, end),
});

/** Trimmed of spaces, a final stop and a leading `«`. */
function trimmed(text: string, start: number, end: number): Excerpt {
  let s = start;
  let e = end;
  while (s < e && /[\s«]/u.test(text[s]!)) s++;
  while (e > s && /[\s.!?,»]/u.test(text[e - 1]!)) e--;
  return ex(text, s, e);
}

interface ClaimContext extends FactContext {
  holds: readonly DraftFact[];
  figures: readonly DraftFigure[];
  /** The meeting or event the article reports, and who took part in it. */
  occasion?: { id: string; participants: ReadonlySet<string>; countries: readonly string[] };
  /** The event the article's own voice speaks about (a visit). */
  event?: string;
  headline: ReadonlySet<number>;
}

/** The claims, and the subjects of each quote (as its claims' are found). */
export function claimsAndSubjects(context: ClaimContext): {
  claims: DraftClaim[];
  quoteAbout: string[][];
} {
  const { text, language } = context;
  const out: DraftClaim[] = [];
  const holderOf = new Map(context.holds.map((h) => [h.to, h.from]));
  const authorOf = (m: Match): string | undefined => {
    const kind = kindOf(context, m.entityId);
    if (kind === 'Person' || kind === 'Organization') return m.entityId;
    if (kind === 'Office') return holderOf.get(m.entityId);
    return undefined;
  };
  // What was said at a meeting of two countries' envoys is about both, unless a person says
  // otherwise: proposed, for review, with what the words themselves name.
  const about = (e: Excerpt, at: string | undefined) => [
    ...new Set([
      ...(at && at === context.occasion?.id ? context.occasion.countries : []),
      ...[...context.matches.values()]
        .flat()
        .filter(
          (m) =>
            m.excerpt.start >= e.start &&
            m.excerpt.end <= e.end &&
            ['Country', 'Topic', 'Place', 'InfrastructureProject', 'Document'].includes(
              kindOf(context, m.entityId) ?? '',
            ),
        )
        .map((m) => m.entityId),
    ]),
  ];
  const madeAt = (by: string | undefined) =>
    by && context.occasion?.participants.has(by) ? context.occasion.id : undefined;
  const push = (by: string | undefined, evidence: Excerpt, at = madeAt(by)) => {
    if (evidence.text.split(/\s+/u).length < 3) return;
    if (out.some((c) => c.evidence.start === evidence.start)) return;
    out.push({
      claimType: typeOf(evidence.text),
      ...(by ? { by } : {}),
      evidence,
      ...(at ? { madeAt: at } : {}),
      about: about(evidence, at),
    });
  };

  // Each sentence of a quote that states no figure.
  for (const q of context.quotes) {
    const parts = q.excerpt.text.split(/(?<=[.!?])\s+(?=\p{Lu}|\d|\$)/u);
    let at = q.excerpt.start;
    for (const part of parts) {
      const start = text.indexOf(part, at);
      at = start + part.length;
      const e = trimmed(text, start, start + part.length);
      const figure = context.figures.some(
        (f) => f.surface.start >= e.start && f.surface.end <= e.end,
      );
      if (!figure) push(q.speakerId, e);
    }
  }
  const quoteAbout = context.quotes.map((q) => about(q.excerpt, madeAt(q.speakerId)));

  for (const sentence of context.sentences) {
    if (context.headline.has(sentence.index)) continue;
    const s = sentence.text;
    if (s.includes('«')) continue;
    const matches = context.matches.get(sentence.index) ?? [];
    const end = /[.!?]$/u.test(s) ? sentence.end - 1 : sentence.end;

    if (language === 'kk') {
      const reported = REPORTED_KK.exec(s);
      if (reported) {
        const verbAt = sentence.start + reported.index;
        const subject = matches.find((m) => m.excerpt.end <= verbAt && authorOf(m) !== undefined);
        const by = subject && authorOf(subject);
        if (subject) {
          const verbEnd = reported.index + reported[0].length;
          const head = s.slice(0, verbEnd);
          const joints = [...head.matchAll(/,\s+сондай-ақ\s+/gu)];
          if (joints.length > 0) {
            // The verb ends the last clause; each clause is the words between the joints.
            const verbWords = reported[0].replace(/^\p{L}+/u, '').length;
            const bounds = [
              subject.excerpt.end - sentence.start,
              ...joints.flatMap((j) => [j.index, j.index + j[0].length]),
              verbEnd - verbWords,
            ];
            for (let k = 0; k + 1 < bounds.length; k += 2)
              push(by, trimmed(text, sentence.start + bounds[k]!, sentence.start + bounds[k + 1]!));
          } else push(by, trimmed(text, subject.excerpt.start, end));
        }
        continue;
      }
    } else {
      const reported = REPORTED_RU.exec(s);
      if (reported) {
        const verbAt = sentence.start + reported.index;
        const subject = [...matches]
          .reverse()
          .find((m) => m.excerpt.end <= verbAt && authorOf(m) !== undefined);
        if (subject) push(authorOf(subject), trimmed(text, verbAt + reported[0].length, end));
        continue;
      }
    }
    const supported = SUPPORTED.exec(s);
    if (supported) {
      const body = matches.find(
        (m) =>
          kindOf(context, m.entityId) === 'Organization' &&
          m.excerpt.end <= sentence.start + supported.index,
      );
      if (body) {
        push(body.entityId, trimmed(text, sentence.start, end), undefined);
        continue;
      }
    }
    if (ARTICLE_VOICE.test(s) && !matches.some((m) => kindOf(context, m.entityId) === 'Person'))
      push(undefined, trimmed(text, sentence.start, end), context.event);
  }
  return { claims: out, quoteAbout };
}
