/**
 * Quotations: «…» followed by an attribution (`», — деді X`, `— деп атап өтті X`,
 * `— сказал X`, `заявил X`), or preceded by one ending in a colon (`X атап өтті: «…»`,
 * `X заявил: «…»`). A «…» with neither (a headline, a name such as «Астрахан-Маңғышлақ») is
 * not a quote. The speaker is resolved through the lexicon: a person by any form of the name,
 * an office through the person the text put in apposition to it (`ҚР Премьер-Министрі Әлихан
 * Смайылов` … `— деді Премьер-Министр`), a pronoun to the previous speaker.
 */
import { wordSpans } from '../language/index.js';
import type { Lexicon } from './lexicon.js';
import type { DraftLanguage, DraftQuote, DraftSentence, Excerpt } from './model.js';
import { sentenceAt } from './sentences.js';

/** Speech verbs after the dash: the speaker follows (`— деді Премьер-Министр`). */
const AFTER_DASH_VERB =
  /^\s*,?\s*[—–-]\s*(деді|дейді|деп(?:\s+[\p{Ll}-]+){1,3}?\s+(?:өтті|етті|айтты|берді|білдірді|көрсетті|қосты|мәлімдеді|түйіндеді|хабарлады|жазды|тоқталды)|(?:сказал|заявил|отметил|подчеркнул|сообщил|добавил|пояснил|констатировал|резюмировал|написал|уточнил|заключил)а?)(?=[\s.,]|$)/u;
/** Speaker first, verb last (`— Тоқаев атап өтті.`, `— считает министр`). */
const AFTER_DASH_SPEAKER_FIRST = /^\s*,?\s*[—–-]\s*(?=\p{Lu})/u;
const SPEAKER_FIRST_VERB =
  /(?:деді|атап өтті|мәлімдеді|айтты|сказал|заявил|отметил|подчеркнул|считает)а?\s*[.!]?\s*$/u;
/** An attribution before the quote, ending in a colon. */
const BEFORE_COLON =
  /(?:деді|атап өтті|мәлімдеді|айтты|жеткізді|сөзін|былай|сказал|заявил|отметил|подчеркнул|сообщил|добавил)[^«]*:\s*$/u;
const PRONOUNS = new Set(['ол', 'он', 'она', 'олар']);

interface QuoteSpan {
  open: number;
  close: number;
}

/** Outermost «…» pairs (nested «» inside a quote are part of it). */
function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '«') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '»' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ open, close: i });
    } else if (c === '\n' && depth > 0 && /^[ \t]*\n/.test(text.slice(i + 1, i + 40))) {
      // A quote never runs over a blank line: an unbalanced « is dropped.
      depth = 0;
    }
  }
  return out;
}

interface SpeakerContext {
  lexicon: Lexicon;
  language: DraftLanguage;
  /** The person holding an office, from the text's appositions (office id → person id). */
  holders: ReadonlyMap<string, string>;
  /** Entity ids in the order the text names them up to a point. */
  namedBefore: (at: number) => string[];
}

/** The person a phrase names: a person directly, an office through its holder. */
function resolveSpeaker(
  phrase: Excerpt,
  context: SpeakerContext,
): { id?: string; excerpt: Excerpt; pronoun: boolean } {
  const words = wordSpans(phrase.text);
  if (words.length > 0 && PRONOUNS.has(words[0]!.text.toLowerCase())) {
    return { excerpt: phrase, pronoun: true };
  }
  const recent = context.namedBefore(phrase.start);
  const matches = context.lexicon.scan(phrase.text, context.language, phrase.start, [...recent]);
  for (const m of matches) {
    const entity = context.lexicon.get(m.entityId);
    if (entity?.kind === 'Person') return { id: entity.id, excerpt: m.excerpt, pronoun: false };
    if (entity?.kind === 'Office') {
      const holder = context.holders.get(entity.id);
      if (holder) return { id: holder, excerpt: m.excerpt, pronoun: false };
    }
  }
  return { excerpt: phrase, pronoun: false };
}

/** The words after an attribution verb, up to the end of the clause. */
function clauseFrom(text: string, from: number, limit: number): Excerpt {
  const rest = text.slice(from, limit);
  const stop = rest.search(/[.!?;,\n]|\s[—–]\s/u);
  const raw = stop < 0 ? rest : rest.slice(0, stop);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { start: from + lead, end: from + lead + trimmed.length, text: trimmed };
}

export function findQuotes(
  text: string,
  sentences: readonly DraftSentence[],
  context: SpeakerContext,
): DraftQuote[] {
  const quotes: DraftQuote[] = [];
  let previousSpeaker: string | undefined;
  for (const span of quoteSpans(text)) {
    const inner = text.slice(span.open + 1, span.close);
    const lead = inner.length - inner.trimStart().length;
    const body: Excerpt = {
      start: span.open + 1 + lead,
      end: span.open + 1 + lead + inner.trim().length,
      text: inner.trim(),
    };
    if (body.text === '') continue;
    const last = sentenceAt(sentences, span.close);
    const first = sentenceAt(sentences, span.open);
    const lineEnd = (() => {
      const nl = text.indexOf('\n', span.close);
      return nl < 0 ? text.length : nl;
    })();
    const after = text.slice(span.close + 1, last ? Math.max(last.end, span.close + 1) : lineEnd);
    const verb = AFTER_DASH_VERB.exec(after);
    let speakerPhrase: Excerpt | undefined;
    if (verb) {
      speakerPhrase = clauseFrom(text, span.close + 1 + verb[0].length, lineEnd);
    } else if (AFTER_DASH_SPEAKER_FIRST.test(after) && SPEAKER_FIRST_VERB.test(after)) {
      const from = span.close + 1 + (AFTER_DASH_SPEAKER_FIRST.exec(after)?.[0].length ?? 0);
      speakerPhrase = clauseFrom(text, from, lineEnd);
    } else {
      const before = text.slice(first ? first.start : 0, span.open);
      if (BEFORE_COLON.test(before)) {
        const start = first ? first.start : 0;
        speakerPhrase = { start, end: span.open, text: before };
      }
    }
    if (!speakerPhrase) continue;
    const speaker = resolveSpeaker(speakerPhrase, context);
    const id = speaker.pronoun ? previousSpeaker : speaker.id;
    const todo: string[] = ['translation: translate the quote into English'];
    if (!id) todo.unshift(`speaker: say who "${speaker.excerpt.text}" is (a Person id)`);
    quotes.push({
      excerpt: body,
      ...(id ? { speakerId: id } : {}),
      speakerExcerpt: speaker.excerpt,
      todo,
    });
    if (id) previousSpeaker = id;
  }
  return quotes;
}
