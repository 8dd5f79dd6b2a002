/**
 * Measured quality of the draft against the corpus's own annotations, blind: each article of
 * `seeds/` is drafted from its text alone, with a registry of only the entities the *other*
 * articles use (so nothing of this article's annotation is read), then compared with its
 * annotation: recall and precision of known entities linked per sentence, new entity
 * candidates (nominative name and kind), quotes (verbatim, speaker), numeric facts (every
 * field) and each fact type; and the lines a person would still write.
 */
import { stringify } from 'yaml';
import { normalize } from '../language/index.js';
import type { Annotation } from '../seed/annotation-schema.js';
import type { Mention } from '../seed/mentions.js';
import type { Draft } from './model.js';

export interface Score {
  found: number;
  expected: number;
  proposed: number;
}

export const recall = (s: Score): number => (s.expected === 0 ? 1 : s.found / s.expected);
export const precision = (s: Score): number => (s.proposed === 0 ? 1 : s.found / s.proposed);

export const FACT_TYPES = [
  'PARTICIPATED_IN',
  'HELD_IN',
  'ON_SIDELINES_OF',
  'DISCUSSED',
  'HOLDS_OFFICE',
  'REPORTED_BY',
] as const;

export interface ArticleQuality {
  slug: string;
  sentences: number;
  ms: number;
  linked: Score;
  candidates: Score;
  /** Candidates with the right name, whatever their kind. */
  candidatesNamed: number;
  quotesVerbatim: Score;
  quotesSpeaker: Score;
  figures: Score;
  /** Gold figures found with every field right (value, unit, currency, period, direction). */
  figuresExact: number;
  facts: Record<string, Score>;
  misses: string[];
}

export interface GoldArticle {
  annotation: Annotation;
  mentions: readonly Mention[];
  /** The registered entities the other articles use: what the blind run may know. */
  known: ReadonlySet<string>;
  /** This article's entities (own and registered) with their kinds and names. */
  entities: ReadonlyArray<{
    id: string;
    kind: string;
    names: { kk: string; ru: string; en: string };
  }>;
}

const key = (s: string | undefined) =>
  s === undefined ? '' : normalize(s).replace(/[«»"]/gu, '').replace(/\s+/gu, ' ').trim();
const sameText = (a: string, b: string) =>
  a.replace(/\s+/gu, ' ').trim() === b.replace(/\s+/gu, ' ').trim();

/** Maps the draft's ids to the annotation's: registered ids stay; candidates by their name. */
function idMap(draft: Draft, gold: GoldArticle): Map<string, string> {
  const map = new Map<string, string>();
  const language = gold.annotation.article.language === 'ru' ? 'ru' : 'kk';
  for (const c of draft.candidates) {
    const name = key(c.names[language] ?? c.names.kk ?? c.names.ru);
    const match =
      gold.entities.find((e) => e.id === c.id) ??
      gold.entities.find((e) => key(e.names[language]) === name || key(e.names.kk) === name);
    if (match) map.set(c.id, match.id);
  }
  return map;
}

export function evaluate(draft: Draft, gold: GoldArticle, ms: number): ArticleQuality {
  const misses: string[] = [];
  const a = gold.annotation;
  const map = idMap(draft, gold);
  const to = (id: string | undefined) => (id === undefined ? undefined : (map.get(id) ?? id));

  // Known entities linked in the sentences that mention them.
  const goldPairs = new Set(
    gold.mentions
      .filter((m) => gold.known.has(m.entityId))
      .map((m) => `${m.sentenceIndex} ${m.entityId}`),
  );
  const draftPairs = new Set(
    draft.mentions
      .filter((m) => gold.known.has(m.entityId))
      .map((m) => `${m.sentence} ${m.entityId}`),
  );
  const linkedFound = [...draftPairs].filter((p) => goldPairs.has(p)).length;
  for (const p of goldPairs) if (!draftPairs.has(p)) misses.push(`link missed: sentence ${p}`);
  for (const p of draftPairs)
    if (!goldPairs.has(p)) misses.push(`link not in the annotation: sentence ${p}`);

  // New entity candidates: the article's entities the blind registry did not have.
  const expected = gold.entities.filter((e) => !gold.known.has(e.id));
  const language = a.article.language === 'ru' ? 'ru' : 'kk';
  const used = new Set([
    ...draft.mentions.map((m) => m.entityId),
    ...draft.facts.flatMap((f) => [f.from, f.to]),
  ]);
  const proposed = draft.candidates.filter((c) => used.has(c.id));
  let named = 0;
  let right = 0;
  for (const e of expected) {
    const candidate = proposed.find(
      (c) => key(c.names[language] ?? c.names.kk) === key(e.names[language]),
    );
    if (candidate) named++;
    if (candidate && candidate.kind === e.kind) right++;
    else
      misses.push(
        `candidate ${candidate ? `of the wrong kind (${candidate.kind})` : 'missed'}: ${e.kind} ${e.names[language]}`,
      );
  }

  // Quotes.
  let verbatim = 0;
  let speaker = 0;
  for (const q of a.quotes) {
    const d = draft.quotes.find((x) => sameText(x.excerpt.text, q.text));
    if (d) verbatim++;
    if (d && to(d.speakerId) === q.speaker) speaker++;
    else
      misses.push(`quote ${d ? `speaker ${to(d.speakerId) ?? 'unresolved'}` : 'missed'}: ${q.id}`);
  }

  // Numeric facts.
  let figuresFound = 0;
  let exact = 0;
  for (const n of a.numericFacts) {
    const d = draft.figures.find((f) => sameText(f.surface.text, n.surfaceText));
    if (!d) {
      misses.push(`figure missed: ${n.id} (${n.surfaceText})`);
      continue;
    }
    figuresFound++;
    const wrong = [
      Math.abs(d.value - n.value) > Math.abs(n.value) * 1e-9 ? 'value' : '',
      d.unit !== n.unit ? 'unit' : '',
      (d.currency ?? undefined) !== (n.currency ?? undefined) ? 'currency' : '',
      (d.period?.start ?? undefined) !== (n.periodStart ?? undefined) ||
      (d.period?.end ?? undefined) !== (n.periodEnd ?? undefined)
        ? 'period'
        : '',
      d.change !== n.change ? 'change' : '',
      d.isChange !== n.isChange ? 'isChange' : '',
    ].filter(Boolean);
    if (wrong.length === 0) exact++;
    else misses.push(`figure ${n.id}: wrong ${wrong.join(', ')}`);
  }

  // Facts of each type.
  const facts: Record<string, Score> = {};
  for (const type of FACT_TYPES) {
    const g = a.facts.filter((f) => f.type === type);
    const d = draft.facts.filter((f) => f.type === type);
    const sig = (from: string | undefined, toId: string | undefined, framing?: string) =>
      `${from} ${toId} ${framing ?? ''}`;
    const goldSigs = new Set(
      g.map((f) => sig(f.from, f.to, 'framing' in f ? f.framing : undefined)),
    );
    const draftSigs = new Set(d.map((f) => sig(to(f.from), to(f.to), f.qualifiers.framing)));
    const found = [...draftSigs].filter((s) => goldSigs.has(s)).length;
    for (const s of goldSigs) if (!draftSigs.has(s)) misses.push(`${type} missed: ${s.trim()}`);
    for (const s of draftSigs)
      if (!goldSigs.has(s)) misses.push(`${type} not in the annotation: ${s.trim()}`);
    facts[type] = { found, expected: goldSigs.size, proposed: draftSigs.size };
  }

  return {
    slug: a.article.slug,
    sentences: draft.sentences.length,
    ms,
    linked: { found: linkedFound, expected: goldPairs.size, proposed: draftPairs.size },
    candidates: { found: right, expected: expected.length, proposed: proposed.length },
    candidatesNamed: named,
    quotesVerbatim: { found: verbatim, expected: a.quotes.length, proposed: draft.quotes.length },
    quotesSpeaker: { found: speaker, expected: a.quotes.length, proposed: draft.quotes.length },
    figures: {
      found: figuresFound,
      expected: a.numericFacts.length,
      proposed: draft.figures.length,
    },
    figuresExact: exact,
    facts,
    misses,
  };
}

/** Lines of a YAML text that carry content (no blank lines, no comments). */
const contentLines = (yaml: string) =>
  yaml
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));

/** Length of the longest common subsequence of two line lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const row = new Uint32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++)
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Lines a person writes: the annotation, serialised as the draft is, against the draft with
 * its `todo:` lists removed (deleting is not writing). Every annotation line the draft does
 * not already have, in order, is a line to write; from scratch, every line is.
 */
export function linesToWrite(
  draftYaml: string,
  annotation: unknown,
): { fromScratch: number; fromDraft: number } {
  const gold = contentLines(stringify(annotation, { lineWidth: 100, minContentWidth: 40 }));
  const draft = contentLines(draftYaml.replace(/^\s*todo:\n(?:\s+- .*\n)+/gmu, ''));
  return { fromScratch: gold.length, fromDraft: gold.length - lcs(gold, draft) };
}
