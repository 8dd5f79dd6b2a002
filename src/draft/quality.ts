/**
 * Measured quality of the draft against the corpus's own annotations, blind: each article of
 * `seeds/` is drafted from its text alone, with a registry of only the entities the *other*
 * articles use (so nothing of this article's annotation is read), then compared with its
 * annotation: recall and precision of known entities linked per sentence, new entity
 * candidates (nominative name and kind), quotes (verbatim, speaker), numeric facts (every
 * field) and each fact type; and the lines a person would still write.
 */
import { parse, stringify } from 'yaml';
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

/** The fact types the issue's target names. */
export const TARGET_FACT_TYPES = [
  'PARTICIPATED_IN',
  'HELD_IN',
  'ON_SIDELINES_OF',
  'DISCUSSED',
  'HOLDS_OFFICE',
  'REPORTED_BY',
] as const;

/** Every fact type measured: the target's, then the others the draft proposes. */
export const FACT_TYPES = [
  ...TARGET_FACT_TYPES,
  'LOCATED_IN',
  'SESSION_OF',
  'OFFICE_IN',
  'OFFICE_OF',
  'GOVERNMENT_OF',
  'PART_OF',
  'DURING',
  'ABOUT',
  'SIGNED',
  'SIGNED_AT',
  'APPOINTED',
  'NOMINATED',
] as const;

export interface ArticleQuality {
  slug: string;
  sentences: number;
  ms: number;
  linked: Score;
  /** Linking with the whole registry (not blind), filled in by the report. */
  linkedWithRegistry?: Score;
  candidates: Score;
  /** Candidates with the right name, whatever their kind. */
  candidatesNamed: number;
  quotesVerbatim: Score;
  quotesSpeaker: Score;
  figures: Score;
  /** Gold figures found with every field right (value, unit, currency, period, direction). */
  figuresExact: number;
  /** Claims found by their evidence; `claimsBy` of them with the right author. */
  claims: Score;
  claimsBy: number;
  facts: Record<string, Score>;
  misses: string[];
}

interface GoldArticle {
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

  // Claims: the same evidence excerpt (as written), then the same author.
  let claimsFound = 0;
  let claimsBy = 0;
  for (const c of a.claims) {
    const texts = c.evidence.map((e) => (typeof e === 'string' ? e : e.text));
    const d = draft.claims.find((x) => texts.some((t) => sameText(t, x.evidence.text)));
    if (d) claimsFound++;
    if (d && (to(d.by) ?? 'article') === c.by) claimsBy++;
    else misses.push(`claim ${d ? `by ${to(d.by) ?? 'unresolved'}` : 'missed'}: ${c.id}`);
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
    claims: { found: claimsFound, expected: a.claims.length, proposed: draft.claims.length },
    claimsBy,
    facts,
    misses,
  };
}

type Doc = Record<string, unknown>;
type Item = Record<string, unknown>;

/** The sections of an annotation, and how an item of each is told apart from the others. */
const SECTIONS: ReadonlyArray<[string, (item: Item) => string]> = [
  ['uses', (u) => (typeof u === 'string' ? u : String(u.id))],
  ['entities', (e) => String(e.id)],
  ['quotes', (q) => String(q.text).replace(/\s+/gu, ' ').trim()],
  [
    'claims',
    (c) => {
      const first = (c.evidence as unknown[] | undefined)?.[0];
      const text = first && typeof first === 'object' ? (first as Item).text : first;
      return String(text).replace(/\s+/gu, ' ').trim();
    },
  ],
  ['numericFacts', (n) => String(n.surfaceText)],
  [
    'facts',
    (f) => `${String(f.type)} ${String(f.from)} ${String(f.to)} ${String(f.framing ?? '')}`,
  ],
];
const LOCAL_SECTIONS = ['quotes', 'claims', 'numericFacts', 'facts'];

/** An item's YAML lines; local ids (which a person keeps as drafted) masked. */
function itemLines(item: unknown, section: string): string[] {
  let value = item;
  if (item && typeof item === 'object') {
    const rest = Object.fromEntries(
      Object.entries(item as Item).filter(
        ([k]) => k !== 'todo' && !(k === 'id' && LOCAL_SECTIONS.includes(section)),
      ),
    );
    const contains = rest.contains as unknown[] | undefined;
    value =
      contains && LOCAL_SECTIONS.includes(section)
        ? { ...rest, contains: contains.map(() => '_') }
        : rest;
  }
  return stringify(value, { lineWidth: 100, minContentWidth: 40 })
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

/** Lines of `gold` that `draft` lacks (as a multiset). */
function missingLines(gold: readonly string[], draft: readonly string[]): number {
  const have = new Map<string, number>();
  for (const l of draft) have.set(l, (have.get(l) ?? 0) + 1);
  let missing = 0;
  for (const l of gold) {
    const n = have.get(l) ?? 0;
    if (n > 0) have.set(l, n - 1);
    else missing++;
  }
  return missing;
}

export interface LinesToWrite {
  fromScratch: number;
  fromDraft: number;
  /** The same, per section of the annotation (`article`, `entities`, `claims`…). */
  bySection: Record<string, { fromScratch: number; fromDraft: number }>;
}

/**
 * Lines a person writes to turn the draft into the annotation. Both are serialised item by
 * item; each annotation item is paired with the draft's item of the same key (entity id, quote
 * text, figure as written, fact type and ends, after mapping the draft's ids to the
 * annotation's), and every line of it the draft's item lacks is a line to write; an item the
 * draft lacks is written whole. Local ids (`continue-joint-work`) and `todo:` lists do not
 * count: a person keeps the one and deletes the other. From scratch, every line is written.
 */
export function linesToWrite(
  draftYaml: string,
  annotation: unknown,
  ids: ReadonlyMap<string, string> = new Map(),
): LinesToWrite {
  const rename = (yaml: string) =>
    [...ids].reduce((out, [from, to]) => out.split(from).join(to), yaml);
  const draft = (parse(rename(draftYaml)) ?? {}) as Doc;
  const gold = (annotation ?? {}) as Doc;
  let fromScratch = 0;
  let fromDraft = 0;
  const bySection: LinesToWrite['bySection'] = {};
  const count = (section: string, goldLines: string[], draftLines: string[]) => {
    const missing = missingLines(goldLines, draftLines);
    fromScratch += goldLines.length;
    fromDraft += missing;
    const s = (bySection[section] ??= { fromScratch: 0, fromDraft: 0 });
    s.fromScratch += goldLines.length;
    s.fromDraft += missing;
  };
  count(
    'article',
    itemLines({ article: gold.article }, 'article'),
    itemLines({ article: draft.article }, 'article'),
  );
  for (const [section, key] of SECTIONS) {
    const goldItems = (gold[section] as Item[] | undefined) ?? [];
    const draftItems = new Map(
      ((draft[section] as Item[] | undefined) ?? []).map((d) => [key(d), d]),
    );
    for (const item of goldItems) {
      const match = draftItems.get(key(item));
      count(section, itemLines(item, section), match ? itemLines(match, section) : []);
    }
  }
  return { fromScratch, fromDraft, bySection };
}

/** The draft's ids mapped to the annotation's (for linesToWrite). */
export const draftIds = (draft: Draft, gold: GoldArticle): Map<string, string> =>
  idMap(draft, gold);
