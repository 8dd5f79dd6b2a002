/**
 * `npm run draft -- path/to/article.kk.txt [--language kk|ru] [--published …] [--out file.yaml]`
 *
 * Drafts an annotation of a raw article text in the seed format (seeds/README.md), linked to
 * the entity registry: every proposed entity, quote, figure and fact carries verbatim
 * evidence, and `todo:` lists say what a person must complete. Writes only `--out` (never
 * overwriting it without `--force`), or prints the YAML when `--out` is not given; a summary
 * goes to stderr. Exit code 0: drafted; 1: the text or the registry was refused (the message
 * says why); 2: bad arguments.
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { draftArticle } from './draft.js';
import { emitAnnotation } from './emit.js';
import { InputError, readArticleText } from './input.js';
import type { Draft, DraftLanguage } from './model.js';
import { readDraftRegistry } from './registry.js';

const USAGE = `usage: npm run draft -- <article.txt> [options]
  --language kk|ru   the text's language (default: guessed from its letters)
  --published ISO    publication date-time with offset, e.g. 2022-08-25T23:33:00+06:00
                     (default: read from the dateline)
  --out file.yaml    write the draft there (default: print it); never outside it
  --force            overwrite --out if it exists
  --registry dir     the entity registry folder (default: the nearest entities/ folder at or
                     above the text's folder)`;

interface Args {
  file: string;
  language?: DraftLanguage;
  published?: string;
  out?: string;
  force: boolean;
  registry?: string;
}

const PUBLISHED = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/u;

function parseArgs(argv: readonly string[]): Args | { usage: string; help?: boolean } {
  const args: Partial<Args> = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') return { usage: USAGE, help: true };
      else if (arg === '--language') {
        const v = value();
        if (v !== 'kk' && v !== 'ru')
          return { usage: `--language must be kk or ru, not "${v}"\n${USAGE}` };
        args.language = v;
      } else if (arg === '--published') {
        const v = value();
        if (!PUBLISHED.test(v) || Number.isNaN(Date.parse(v)))
          return {
            usage: `--published must be an ISO date or date-time with offset, not "${v}"\n${USAGE}`,
          };
        args.published = v;
      } else if (arg === '--out') args.out = value();
      else if (arg === '--registry') args.registry = value();
      else if (arg === '--force') args.force = true;
      else if (arg.startsWith('-')) return { usage: `unknown option ${arg}\n${USAGE}` };
      else if (args.file !== undefined)
        return { usage: `one article at a time (got "${args.file}" and "${arg}")\n${USAGE}` };
      else args.file = arg;
    } catch (error) {
      return { usage: `${(error as Error).message}\n${USAGE}` };
    }
  }
  if (args.file === undefined) return { usage: `no article given\n${USAGE}` };
  return args as Args;
}

/** One line per kind of thing found, and what is left to do. */
function summary(draft: Draft, todos: number, registered: ReadonlySet<string>): string {
  const count = <T>(items: readonly T[], key: (t: T) => string) => {
    const by = new Map<string, number>();
    for (const i of items) by.set(key(i), (by.get(key(i)) ?? 0) + 1);
    return [...by].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const linked = new Set(draft.mentions.map((m) => m.entityId).filter((id) => registered.has(id)));
  const used = new Set([
    ...draft.mentions.map((m) => m.entityId),
    ...draft.facts.flatMap((f) => [f.from, f.to]),
  ]);
  const candidates = draft.candidates.filter((c) => used.has(c.id));
  return [
    `draft: ${draft.sentences.length} sentences (${draft.language})`,
    `  registered entities linked: ${linked.size} (${draft.mentions.filter((m) => linked.has(m.entityId)).length} mentions)`,
    `  new entity candidates: ${candidates.length}${candidates.length ? ` (${count(candidates, (c) => c.kind)})` : ''}`,
    `  quotes: ${draft.quotes.length} (${draft.quotes.filter((q) => q.speakerId).length} with a speaker)`,
    `  numeric facts: ${draft.figures.length}${draft.figures.length ? ` (${count(draft.figures, (f) => f.unit)})` : ''}`,
    `  facts: ${draft.facts.length}${draft.facts.length ? ` (${count(draft.facts, (f) => f.type)})` : ''}`,
    `  claims: ${draft.claims.length}${draft.claims.length ? ` (${draft.claims.filter((c) => c.by).length} with an author)` : ''}`,
    `draft: ${todos} items to complete (todo:)`,
  ].join('\n');
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if ('usage' in args) {
    (args.help ? console.log : console.error)(args.usage);
    return args.help ? 0 : 2;
  }
  if (args.out !== undefined) {
    const dir = path.dirname(path.resolve(args.out));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`--out ${args.out}: the folder ${dir} does not exist`);
      return 2;
    }
    if (existsSync(args.out) && !args.force) {
      console.error(`--out ${args.out}: exists; not overwritten (--force to overwrite it)`);
      return 1;
    }
    if (path.resolve(args.out) === path.resolve(args.file)) {
      console.error(`--out ${args.out}: is the article itself`);
      return 2;
    }
  }
  let text: string;
  try {
    text = readArticleText(args.file);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`draft: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const registry = readDraftRegistry(args.file, args.registry ? [args.registry] : undefined);
  if ('errors' in registry) {
    console.error(`draft: the entity registry has problems:\n${registry.errors.join('\n')}`);
    return 1;
  }
  const started = performance.now();
  const draft = draftArticle(text, {
    registry: registry.entities,
    ...(args.language ? { language: args.language } : {}),
    ...(args.published ? { published: args.published } : {}),
  });
  const textFile = args.out
    ? path.relative(path.dirname(path.resolve(args.out)), path.resolve(args.file))
    : path.basename(args.file);
  const { yaml, todos } = emitAnnotation(draft, { textFile, registry: registry.byId });
  const ms = performance.now() - started;
  if (args.out !== undefined) {
    // `wx` unless forced: a file that appeared since the check above is not overwritten either.
    const fd = openSync(args.out, args.force ? 'w' : 'wx');
    try {
      writeSync(fd, yaml);
    } finally {
      closeSync(fd);
    }
  } else {
    process.stdout.write(yaml);
  }
  console.error(summary(draft, todos, new Set(registry.byId.keys())));
  console.error(
    `draft: ${args.out ? `written to ${args.out}` : 'printed'} in ${Math.round(ms)} ms`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
