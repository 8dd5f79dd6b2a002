/**
 * Loading: finds annotation files, parses YAML, checks the shape against the zod schema, and
 * reads the article text. Valid files are parsed by js-yaml (core schema: the same values as
 * `yaml`'s YAML 1.2 default, about 4× faster — parsing was most of the seeder's CPU); `yaml`'s
 * position-keeping parseDocument runs only when a file fails or an issue must name a line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isCollection, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { annotationSchema, type Annotation } from './annotation-schema.js';
import { formatPath, type PathSegment, type SeedIssue } from './errors.js';
import { REGISTRY_DIR_NAME } from './registry.js';
import { ArticleText } from './text.js';

export interface LoadedArticle {
  /** The annotation file, as given (relative paths stay relative: they read well in errors). */
  file: string;
  annotationSource: string;
  annotation: Annotation;
  textFile: string;
  text: ArticleText;
  /** Line/column of a path in the annotation file (the nearest existing ancestor). */
  locate(path: readonly PathSegment[]): { line: number; column: number } | undefined;
}

export type LoadResult = { ok: true; article: LoadedArticle } | { ok: false; issues: SeedIssue[] };

const ANNOTATION_EXTENSIONS = ['.yaml', '.yml'];

/** Annotation files under the given files/folders (folders: *.yaml / *.yml, recursively, sorted). */
export function findAnnotationFiles(paths: readonly string[]): {
  files: string[];
  issues: SeedIssue[];
} {
  const files: string[] = [];
  const issues: SeedIssue[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      // An entities/ folder holds the entity registry (registry.ts), not articles.
      if (entry.isDirectory()) {
        if (entry.name !== REGISTRY_DIR_NAME) walk(full);
      } else if (ANNOTATION_EXTENSIONS.includes(path.extname(entry.name))) files.push(full);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) {
      issues.push({ file: p, path: '', message: 'no such file or folder' });
    } else if (statSync(p).isDirectory()) {
      walk(p);
    } else {
      files.push(p);
    }
  }
  if (files.length === 0 && issues.length === 0) {
    issues.push({
      file: paths.join(', '),
      path: '',
      message: 'no annotation files (*.yaml, *.yml) found',
    });
  }
  // The same file reached twice (a folder and a file in it, relative and absolute) counts once.
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, issues };
}

type Locate = LoadedArticle['locate'];

function locator(doc: Document, lines: LineCounter): Locate {
  return (p: readonly PathSegment[]) => {
    for (let n = p.length; n >= 0; n -= 1) {
      const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

/** Zod's wording for a missing field is "expected string, received undefined": say "missing". */
const readableErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined
    ? `required but missing (expected ${issue.expected})`
    : undefined;

export function loadArticle(file: string): LoadResult {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read: ${String(err)}` }] };
  }
  const fast = parseFast(source);
  if (fast.ok) return shaped(file, source, fast.value, lazyLocator(source));
  return loadReportingPositions(file, source);
}

/** js-yaml's value, or not ok when it refuses the file (then `yaml` says why, with a line). */
function parseFast(source: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: load(source, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** Positions are needed only to report an issue: parse with positions on first use. */
function lazyLocator(source: string): Locate {
  let located: Locate | undefined;
  return (p) => {
    if (located === undefined) {
      const lines = new LineCounter();
      located = locator(parseDocument(source, { lineCounter: lines }), lines);
    }
    return located(p);
  };
}

function loadReportingPositions(file: string, source: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true });
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    // Only the first: later parse errors are usually consequences of it.
    const message = syntaxError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      issues: [
        {
          file,
          path: '',
          line: syntaxError.linePos?.[0].line,
          column: syntaxError.linePos?.[0].col,
          message: `malformed YAML: ${message}`,
        },
      ],
    };
  }
  if (!isCollection(doc.contents)) {
    return { ok: false, issues: [{ file, path: '', line: 1, message: 'expected a YAML mapping' }] };
  }
  return shaped(file, source, doc.toJS(), locator(doc, lines));
}

/** Checks the parsed value's shape and reads the article text. */
function shaped(file: string, source: string, value: unknown, locate: Locate): LoadResult {
  if (typeof value !== 'object' || value === null) {
    return { ok: false, issues: [{ file, path: '', line: 1, message: 'expected a YAML mapping' }] };
  }
  const parsed = annotationSchema.safeParse(value, { error: readableErrors });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const p = issue.path.filter(
          (s): s is string | number => typeof s === 'string' || typeof s === 'number',
        );
        return { file, path: formatPath(p), ...locate(p), message: issue.message };
      }),
    };
  }
  const annotation = parsed.data;
  const textFile = path.resolve(path.dirname(file), annotation.article.textFile);
  let text: string;
  try {
    text = readFileSync(textFile, 'utf8');
  } catch {
    const p = ['article', 'textFile'];
    return {
      ok: false,
      issues: [
        {
          file,
          path: formatPath(p),
          ...locate(p),
          message: `cannot read the text file ${textFile}`,
        },
      ],
    };
  }
  return {
    ok: true,
    article: {
      file,
      annotationSource: source,
      annotation,
      textFile,
      text: new ArticleText(text),
      locate,
    },
  };
}
