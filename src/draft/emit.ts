/**
 * A draft as an annotation file in the seed format (seeds/README.md): the one module that
 * knows that format. Registered entities the text mentions go under `uses:` (with the forms
 * the seeder would not compute), new candidates under `entities:`, and every place a person
 * must act carries a `todo:` list the seeder's validator reports ("draft: N items to
 * complete"). Placeholders for required values read `TODO`.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { normalize } from '../language/index.js';
import { ArticleText } from '../seed/text.js';
import type { Candidate, Draft, DraftEntity, DraftFigure, DraftQuote, Excerpt } from './model.js';
import { slug } from './naming.js';

const TODO = 'TODO';
const TRANSLATION_NOTE =
  'English translation of the Kazakh text by the togys annotators; not an official translation.';

interface EmitOptions {
  /** The text file, as the annotation must name it (relative to the annotation's folder). */
  textFile: string;
  /** The registered entities by id. */
  registry: ReadonlyMap<string, DraftEntity>;
  /** The slug to give the article (default: from the text file's name). */
  slug?: string;
}

type Item = Record<string, unknown>;

/** An evidence item: the excerpt, with its start when it occurs more than once. */
function evidenceItem(article: ArticleText, e: Excerpt): string | { text: string; start: number } {
  return article.occurrences(e.text).length > 1
    ? { text: e.text, start: article.toCodePoint(e.start) }
    : e.text;
}

/** `article-2022-08-25-smailov-mishustin.kk.txt` → `2022-08-25-smailov-mishustin`. */
function slugFromFile(file: string): string {
  const base = path
    .basename(file)
    .replace(/(\.(?:kk|ru|en))?\.txt$/u, '')
    .replace(/^article-/u, '');
  return slug(base);
}

/**
 * Surfaces the annotation already writes for an entity: its names, aliases and forms. Every
 * other surface the draft found is listed under `forms`, so the seeder finds each mention
 * whether or not it computes case forms itself.
 */
function knownSurfaces(e: DraftEntity): Set<string> {
  const written = [e.names.kk, e.names.ru, e.names.en, ...e.aliases, ...e.forms].filter(
    (s): s is string => s !== undefined,
  );
  return new Set(written.map((s) => normalize(s)));
}

/** What the text writes for an entity that the seeder would not find: its `forms`. */
function extraForms(draft: Draft, e: DraftEntity): string[] {
  const known = knownSurfaces(e);
  const found = draft.mentions.filter((m) => m.entityId === e.id).map((m) => m.excerpt.text);
  return [...new Set(found.filter((f) => !known.has(normalize(f))))];
}

function idFrom(words: string, taken: Set<string>): string {
  const base = slug(words).split('-').slice(0, 5).join('-') || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function candidateItem(draft: Draft, article: ArticleText, c: Candidate): Item {
  const forms = extraForms(draft, c);
  const kk = c.names.kk ?? TODO;
  const todo = [...c.todo];
  if (!c.names.kk) todo.unshift('names.kk: give the Kazakh name');
  return {
    id: c.id,
    kind: c.kind,
    ...c.fields,
    ...Object.fromEntries(
      Object.entries(c.evidence ?? {}).map(([k, list]) => [
        k,
        list.map((e) => evidenceItem(article, e)),
      ]),
    ),
    names: { kk, ru: c.names.ru ?? TODO, en: c.names.en ?? TODO },
    ...(c.aliases.length ? { aliases: [...c.aliases] } : {}),
    ...(forms.length ? { forms } : {}),
    ...(todo.length ? { todo } : {}),
  };
}

function quoteItem(
  draft: Draft,
  article: ArticleText,
  q: DraftQuote,
  id: string,
  meetingId: string | undefined,
  contains: string[],
): Item {
  const occurrences = article.occurrences(q.excerpt.text);
  const occurrence = occurrences.indexOf(article.toCodePoint(q.excerpt.start)) + 1;
  return {
    id,
    speaker: q.speakerId ?? TODO,
    ...(meetingId ? { saidAt: meetingId } : {}),
    text: q.excerpt.text,
    ...(occurrences.length > 1 ? { occurrence } : {}),
    translation: {
      en: TODO,
      note:
        draft.language === 'kk' ? TRANSLATION_NOTE : TRANSLATION_NOTE.replace('Kazakh', 'Russian'),
    },
    ...(contains.length ? { contains } : {}),
    ...(q.about?.length ? { about: q.about } : {}),
    todo: q.todo,
  };
}

const FIGURE_NAMES: Record<DraftFigure['unit'], string> = {
  CURRENCY: 'amount',
  PERCENT: 'percent',
  FRACTION: 'fraction',
  YEARS: 'years',
  COUNT: 'count',
};

function figureItem(article: ArticleText, f: DraftFigure, id: string): Item {
  return {
    id,
    metric: TODO,
    value: f.value,
    unit: f.unit,
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.period
      ? { periodStart: f.period.start, periodEnd: f.period.end, periodLabel: f.period.label }
      : {}),
    change: f.change,
    isChange: f.isChange,
    ...(f.qualifiers.length ? { qualifiers: f.qualifiers } : {}),
    surfaceText: f.surface.text,
    ...(f.statedBy ? { statedBy: f.statedBy } : {}),
    evidence: [evidenceItem(article, f.evidence)],
    todo: ['metric: say what is measured, in English'],
  };
}

interface Emitted {
  yaml: string;
  /** Every `todo:` entry written, for the summary. */
  todos: number;
}

export function emitAnnotation(draft: Draft, options: EmitOptions): Emitted {
  const article = new ArticleText(draft.text);
  const used = new Set(
    [
      ...draft.mentions.map((m) => m.entityId),
      ...draft.facts.flatMap((f) => [
        f.from,
        f.to,
        f.qualifiers.officeId,
        f.qualifiers.countryId,
        f.qualifiers.raisedById,
      ]),
      ...draft.quotes.flatMap((q) => [q.speakerId, ...(q.about ?? [])]),
      ...draft.figures.map((f) => f.statedBy),
      ...draft.claims.flatMap((c) => [c.by, c.madeAt, ...c.about]),
      draft.source?.id,
    ].filter((id): id is string => id !== undefined),
  );

  const uses = [...used]
    .filter((id) => options.registry.has(id))
    .sort()
    .map((id) => {
      const forms = extraForms(draft, options.registry.get(id)!);
      return forms.length ? { id, forms } : id;
    });
  const entities = draft.candidates
    .filter((c) => used.has(c.id))
    .map((c) => candidateItem(draft, article, c));
  const meetingId = draft.candidates.find((c) => c.kind === 'Meeting' && used.has(c.id))?.id;

  const taken = new Set<string>();
  const figureIds = draft.figures.map((f) =>
    idFrom(`${FIGURE_NAMES[f.unit]} ${f.period?.label ?? ''} ${f.surface.text}`, taken),
  );
  const quoteIds = draft.quotes.map((q) =>
    idFrom(q.excerpt.text.split(/\s+/).slice(0, 4).join(' '), taken),
  );
  const claimIds = draft.claims.map((c) =>
    idFrom(c.evidence.text.split(/\s+/).slice(0, 4).join(' '), taken),
  );
  const inside = (q: DraftQuote, e: Excerpt) =>
    e.start >= q.excerpt.start && e.end <= q.excerpt.end;
  const quotes = draft.quotes.map((q, i) => {
    const contains = [
      ...draft.claims.map((c, k) => [c.evidence, claimIds[k]!] as const),
      ...draft.figures.map((f, k) => [f.evidence, figureIds[k]!] as const),
    ]
      .filter(([e]) => inside(q, e))
      .map(([, id]) => id);
    return quoteItem(draft, article, q, quoteIds[i]!, meetingId, contains);
  });
  const numericFacts = draft.figures.map((f, i) => figureItem(article, f, figureIds[i]!));
  const claims = draft.claims.map((c, i) => ({
    id: claimIds[i]!,
    claimType: c.claimType,
    by: c.by ?? 'article',
    ...(c.madeAt ? { madeAt: c.madeAt } : {}),
    summaryEn: TODO,
    evidence: [evidenceItem(article, c.evidence)],
    ...(c.about.length ? { about: c.about } : {}),
    todo: ['summaryEn: say what is claimed, in English', 'claimType, about: check'],
  }));
  const facts = draft.facts.map((f) => ({
    id: idFrom(`${f.type.toLowerCase()} ${f.from.split('/')[1]} ${f.to.split('/')[1]}`, taken),
    type: f.type,
    from: f.from,
    to: f.to,
    ...Object.fromEntries(
      Object.entries(f.qualifiers).map(([k, v]) => [
        k,
        v === 'true' ? true : v === 'false' ? false : v,
      ]),
    ),
    evidence: f.evidence.map((e) => evidenceItem(article, e)),
    ...Object.fromEntries(
      Object.entries(f.dated ?? {}).map(([k, d]) => [
        k,
        { date: d.date, evidence: d.evidence.map((e) => evidenceItem(article, e)) },
      ]),
    ),
  }));

  const articleTodo: string[] = [];
  if (!draft.publishedAt)
    articleTodo.push('publishedAt: the date-time of publication, with its offset');
  if (!draft.source) articleTodo.push('sourceName: the source as the article names it');
  articleTodo.push(
    draft.claims.length
      ? 'claims: add what else each side asserted (only quotes, reported speech and positions are drafted)'
      : 'claims: add what each side asserted (none were found)',
  );
  const doc = {
    article: {
      slug: options.slug ?? slugFromFile(options.textFile),
      textFile: options.textFile,
      title: draft.title || TODO,
      language: draft.language,
      publishedAt:
        draft.publishedAt ?? (draft.published ? `${draft.published}T12:00:00+06:00` : TODO),
      sourceName: draft.source ? sourceName(draft) : TODO,
      ...(draft.source ? { source: draft.source.id } : {}),
      todo: articleTodo,
    },
    ...(uses.length ? { uses } : {}),
    ...(entities.length ? { entities } : {}),
    ...(quotes.length ? { quotes } : {}),
    ...(claims.length ? { claims } : {}),
    ...(numericFacts.length ? { numericFacts } : {}),
    ...(facts.length ? { facts } : {}),
  };
  const todos =
    articleTodo.length +
    entities.reduce((n, e) => n + ((e.todo as string[] | undefined)?.length ?? 0), 0) +
    quotes.reduce((n, q) => n + (q.todo as string[]).length, 0) +
    claims.reduce((n, c) => n + c.todo.length, 0) +
    numericFacts.length;
  const header = [
    '# yaml-language-server: $schema=./annotation.schema.json',
    '#',
    `# DRAFT written by \`npm run draft\` from ${options.textFile}. Every excerpt is verbatim;`,
    '# every id, kind, name and figure is a proposal. Do what each `todo:` says, then delete it:',
    '# the seeder refuses a file that still has one (`npm run seed -- --dry-run` lists them).',
    '',
  ].join('\n');
  return { yaml: header + stringify(doc, { lineWidth: 100, minContentWidth: 40 }), todos };
}

/** The source as the text names it: the words of the reporting organization. */
function sourceName(draft: Draft): string {
  const e = draft.source!.excerpt.text;
  return e.replace(/^(?:деп\s+)?(?:хабарлай\p{L}*|хабарлады|сообща\p{L}*|переда\p{L}*)\s+/u, '');
}
