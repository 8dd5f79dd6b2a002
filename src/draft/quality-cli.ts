/**
 * `npm run draft:quality [-- --out docs/draft-quality.md]`: drafts every article of seeds/
 * blind (see quality.ts), compares each with its annotation and writes the report. The
 * figures are measured, never asserted by a test.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { parse as parseYaml } from 'yaml';
import { formatIssue } from '../seed/errors.js';
import { DEFAULT_SEEDS_DIR } from '../seed/index.js';
import { findAnnotationFiles, loadArticle } from '../seed/load.js';
import { isRegistryFile, loadRegistry, registryDirsFor } from '../seed/registry.js';
import { verifyArticle, type VerifiedArticle } from '../seed/verify.js';
import { draftArticle } from './draft.js';
import { emitAnnotation } from './emit.js';
import {
  evaluate,
  FACT_TYPES,
  TARGET_FACT_TYPES,
  draftIds,
  linesToWrite,
  precision,
  recall,
  type ArticleQuality,
  type LinesToWrite,
  type Score,
} from './quality.js';
import { draftEntity } from './registry.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_OUT = path.join(REPO, 'docs', 'draft-quality.md');
const RUNS = 5;
const NONE: Score = { found: 0, expected: 0, proposed: 0 };

/** The corpus's articles, verified as the seeder does; one that does not verify is skipped. */
function verified(files: readonly string[]) {
  const registry = loadRegistry(registryDirsFor([DEFAULT_SEEDS_DIR], files));
  const skipped: string[] = registry.issues.map((i) => `registry: ${formatIssue(i)}`);
  const articles: VerifiedArticle[] = [];
  for (const file of files) {
    const loaded = loadArticle(file);
    const result = loaded.ok ? verifyArticle(loaded.article, registry) : loaded;
    if (result.ok) articles.push(result.article);
    else skipped.push(`${path.basename(file)}: ${result.issues.map(formatIssue).join('; ')}`);
  }
  return { registry, articles, skipped };
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const cell = (s: Score) => `${s.found}/${s.expected} (${pct(recall(s))}) · ${pct(precision(s))}`;
const sum = (scores: readonly Score[]): Score =>
  scores.reduce(
    (a, s) => ({
      found: a.found + s.found,
      expected: a.expected + s.expected,
      proposed: a.proposed + s.proposed,
    }),
    {
      found: 0,
      expected: 0,
      proposed: 0,
    },
  );

function report(
  results: readonly ArticleQuality[],
  lines: ReadonlyArray<{ slug: string } & LinesToWrite>,
  skipped: readonly string[],
): string {
  const all = {
    linked: sum(results.map((r) => r.linked)),
    candidates: sum(results.map((r) => r.candidates)),
    quotesVerbatim: sum(results.map((r) => r.quotesVerbatim)),
    quotesSpeaker: sum(results.map((r) => r.quotesSpeaker)),
    figures: sum(results.map((r) => r.figures)),
  };
  const exact = results.reduce((n, r) => n + r.figuresExact, 0);
  const facts = FACT_TYPES.map((t) => [t, sum(results.map((r) => r.facts[t]!))] as const);
  const targetFacts = sum(
    facts.filter(([t]) => (TARGET_FACT_TYPES as readonly string[]).includes(t)).map(([, s]) => s),
  );
  const allFacts = sum(facts.map(([, s]) => s));
  const claims = sum(results.map((r) => r.claims));
  const claimsBy = results.reduce((n, r) => n + r.claimsBy, 0);
  const sections = [...new Set(lines.flatMap((l) => Object.keys(l.bySection)))];
  const section = (name: string) =>
    lines.reduce(
      (a, l) => ({
        fromScratch: a.fromScratch + (l.bySection[name]?.fromScratch ?? 0),
        fromDraft: a.fromDraft + (l.bySection[name]?.fromDraft ?? 0),
      }),
      { fromScratch: 0, fromDraft: 0 },
    );
  const out: string[] = [
    '# Draft quality, measured on the corpus',
    '',
    'Written by `npm run draft:quality` (src/draft/quality-cli.ts); do not edit by hand.',
    '',
    'Each article of `seeds/` is drafted **blind**: from its text alone, with a registry of only the',
    "entities the *other* articles use (the article's own annotation, and registry entries only it",
    'uses, are not read). The draft is then compared with the annotation. A cell reads',
    '`found/expected (recall) · precision`.',
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; time is the CPU time of the extraction (no I/O), the median of ${RUNS} runs after a first one.`,
    '',
    '| what | result | target |',
    '| --- | --- | --- |',
    `| known entities linked in their sentences | ${cell(all.linked)} | ≥ 90% recall at ≥ 95% precision |`,
    `| the same, with the whole registry (see below) | ${cell(sum(results.map((r) => r.linkedWithRegistry ?? NONE)))} | |`,
    `| new entity candidates, right nominative name and kind | ${cell(all.candidates)} | ≥ 80% |`,
    `| quotes found verbatim | ${cell(all.quotesVerbatim)} | 100% |`,
    `| quotes with the right speaker | ${cell(all.quotesSpeaker)} | 100% |`,
    `| numeric facts found | ${cell(all.figures)} | |`,
    `| numeric facts with every field right (value, unit, currency, period, direction) | ${exact}/${all.figures.expected} (${pct(all.figures.expected ? exact / all.figures.expected : 1)}) | ≥ 95% |`,
    `| claims found (same evidence) | ${cell(claims)} | |`,
    `| claims with the right author | ${claimsBy}/${claims.expected} (${pct(claims.expected ? claimsBy / claims.expected : 1)}) | |`,
    ...facts.map(([t, s]) => `| facts: ${t} | ${cell(s)} | |`),
    `| facts, the six types of the target (${TARGET_FACT_TYPES.join(', ')}) | ${cell(targetFacts)} | ≥ 80% recall at ≥ 90% precision |`,
    `| facts, every type above | ${cell(allFacts)} | |`,
    '',
    'The second linking line drafts each article with the whole registry of `seeds/entities/`: not',
    "the article's annotation, but written from the same articles, so not blind; it measures the",
    'morphology of linking where the corpus has too few articles sharing entities.',
    '',
    '## Per article',
    '',
    '| article | sentences | time | linked | candidates | quotes (speaker) | figures exact | facts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.slug} | ${r.sentences} | ${r.ms.toFixed(0)} ms | ${cell(r.linked)} | ${cell(r.candidates)} | ${cell(r.quotesSpeaker)} | ${r.figuresExact}/${r.figures.expected} | ${cell(sum(FACT_TYPES.map((t) => r.facts[t]!)))} |`,
    ),
    '',
    '## Lines a person writes',
    '',
    'Both the annotation and the draft are serialised item by item. Each annotation item is',
    "paired with the draft's item of the same key (entity id, quote text, figure as written, fact",
    "type and ends, after mapping the draft's ids to the annotation's), one to one: items of one",
    "key (an acting holding and the appointment) each take the draft's item that leaves them the",
    "fewest lines. Each of its lines the draft's item lacks is a line to write, and an item the",
    'draft lacks is written whole. Local ids and `todo:` lists do not count: a person keeps the',
    'one and deletes the other. From scratch, every line is written. Target: at most a third.',
    '',
    '| article | from scratch | completing the draft | share |',
    '| --- | --- | --- | --- |',
    ...lines.map(
      (l) =>
        `| ${l.slug} | ${l.fromScratch} | ${l.fromDraft} | ${pct(l.fromDraft / l.fromScratch)} |`,
    ),
    '',
    'Where the lines to write are, over all articles: the translations, summaries and metrics the',
    'text cannot give are written whatever the draft does.',
    '',
    '| section | from scratch | completing the draft | share |',
    '| --- | --- | --- | --- |',
    ...sections.map((name) => {
      const s = section(name);
      return `| ${name} | ${s.fromScratch} | ${s.fromDraft} | ${pct(s.fromScratch ? s.fromDraft / s.fromScratch : 0)} |`;
    }),
    '',
    '## What was missed or added, per article',
    '',
  ];
  if (skipped.length) {
    out.push('Not measured (the seeder does not accept the annotation):', '');
    for (const s of skipped) out.push(`- ${s}`);
    out.push('');
  }
  for (const r of results) {
    out.push(`### ${r.slug}`, '');
    if (r.misses.length === 0) out.push('Nothing.');
    for (const m of r.misses) out.push(`- ${m}`);
    out.push('');
  }
  return out.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : DEFAULT_OUT;
  if (!out) {
    console.error('--out needs a file');
    return 2;
  }
  const found = findAnnotationFiles([DEFAULT_SEEDS_DIR]);
  const files = found.files.filter((f) => !isRegistryFile(f));
  const { registry, articles, skipped } = verified(files);
  const results: ArticleQuality[] = [];
  const lines: Array<{ slug: string } & LinesToWrite> = [];
  for (const article of articles) {
    const others = new Set(
      articles.filter((a) => a !== article).flatMap((a) => a.registered.map((e) => e.id)),
    );
    const blind = [...registry.entities.values()]
      .filter((r) => others.has(r.entity.id))
      .map((r) => draftEntity(r.entity));
    const text = article.text.text;
    // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
    const cpu = (run: () => void) => {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    let draft = draftArticle(text, { registry: blind });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++)
      times.push(cpu(() => (draft = draftArticle(text, { registry: blind }))));
    times.sort((x, y) => x - y);
    const entities = [...article.annotation.entities, ...article.registered];
    const gold = {
      annotation: article.annotation,
      mentions: article.mentions,
      known: others,
      entities,
    };
    const everything = [...registry.entities.values()].map((r) => draftEntity(r.entity));
    const registered = new Set(article.registered.map((e) => e.id));
    const linkedWithRegistry = evaluate(
      draftArticle(text, { registry: everything }),
      { ...gold, known: registered },
      0,
    ).linked;
    results.push({ ...evaluate(draft, gold, times[Math.floor(RUNS / 2)]!), linkedWithRegistry });
    const { yaml } = emitAnnotation(draft, {
      textFile: article.annotation.article.textFile,
      registry: new Map(blind.map((e) => [e.id, e])),
    });
    // The annotation as its author wrote it (before the schema's defaults are applied).
    const annotationSource: unknown = parseYaml(article.annotationSource);
    lines.push({
      slug: article.annotation.article.slug,
      ...linesToWrite(yaml, annotationSource, draftIds(draft, gold)),
    });
  }
  // Formatted as the repository's Markdown is (prettier --check passes on the report).
  writeFileSync(out, await format(report(results, lines, skipped), { parser: 'markdown' }));
  console.log(`draft quality: ${results.length} article(s) → ${path.relative(process.cwd(), out)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
