/**
 * Loading: finds annotation files, parses YAML, checks the shape against the zod schema, and
 * reads the article text. Valid files are parsed by js-yaml (core schema: the same values as
 * `yaml`'s YAML 1.2 default, about 4× faster — parsing was most of the seeder's CPU); `yaml`'s
 * position-keeping parseDocument runs only when a file fails, when js-yaml's value needs a
 * closer look (yaml-checks.ts: tags, big numbers, NUL, alias bombs) or an issue must name a
 * line. Both parsers stay for that speed; js-yaml's core schema refuses unknown tags itself,
 * so a file it accepts can only hide what the value check looks for.
 * Files are read as strict UTF-8, text files only inside the annotation's folder (read.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import {
  isCollection,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import type { z } from 'zod';
import { annotationSchema, type Annotation } from './annotation-schema.js';
import { formatPath, type PathSegment, type SeedIssue } from './errors.js';
import { confinedTextFile, readUtf8File } from './read.js';
import { REGISTRY_DIR_NAME } from './registry.js';
import { ArticleText } from './text.js';
import { checkedYaml, needsCloserLook, unreadable } from './yaml-checks.js';

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

type LoadResult = { ok: true; article: LoadedArticle } | { ok: false; issues: SeedIssue[] };

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

/** Where a path's value is, and where its key is (an unknown key is reported at the key). */
interface Positions {
  value: Locate;
  key: Locate;
}

function positions(doc: Document, lines: LineCounter): Positions {
  const at = (node: unknown) => {
    if (!isNode(node) || !node.range) return undefined;
    const pos = lines.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  };
  const value: Locate = (p) => {
    for (let n = p.length; n >= 0; n -= 1) {
      const found = at(n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true));
      if (found) return found;
    }
    return undefined;
  };
  const key: Locate = (p) => {
    const parent = p.length === 0 ? undefined : doc.getIn(p.slice(0, -1), true);
    const last = String(p[p.length - 1]);
    const pair = isMap(parent)
      ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last)
      : undefined;
    return at(pair?.key) ?? value(p);
  };
  return { value, key };
}

/** Zod's wording for a missing field is "expected string, received undefined": say "missing". */
const readableErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined
    ? `required but missing (expected ${issue.expected})`
    : undefined;

export function loadArticle(file: string): LoadResult {
  const read = readUtf8File(file);
  if (!read.ok) return unreadable(file, read);
  const source = read.text;
  const fast = parseFast(source);
  if (fast.ok && !needsCloserLook(fast.value))
    return shaped(file, source, fast.value, lazyPositions(source));
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
function lazyPositions(source: string): Positions {
  let parsed: Positions | undefined;
  const get = () => {
    if (parsed === undefined) {
      const lines = new LineCounter();
      parsed = positions(parseDocument(source, { lineCounter: lines }), lines);
    }
    return parsed;
  };
  return { value: (p) => get().value(p), key: (p) => get().key(p) };
}

/** Line and column of a path in an annotation file (read and parsed again: for reporting only). */
export function locateInFile(
  file: string,
  p: readonly PathSegment[],
): { line: number; column: number } | undefined {
  const read = readUtf8File(file);
  return read.ok ? lazyPositions(read.text).value(p) : undefined;
}

function loadReportingPositions(file: string, source: string): LoadResult {
  const checked = checkedYaml(file, source);
  if (!checked.ok) return checked;
  if (!isCollection(checked.doc.contents)) {
    return { ok: false, issues: [{ file, path: '', line: 1, message: 'expected a YAML mapping' }] };
  }
  return shaped(file, source, checked.value, positions(checked.doc, checked.lines));
}

/** Checks the parsed value's shape and reads the article text. */
function shaped(file: string, source: string, value: unknown, where: Positions): LoadResult {
  if (typeof value !== 'object' || value === null) {
    return { ok: false, issues: [{ file, path: '', line: 1, message: 'expected a YAML mapping' }] };
  }
  const parsed = annotationSchema.safeParse(value, { error: readableErrors });
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap((i) => schemaIssues(file, i, where)) };
  }
  const annotation = parsed.data;
  const text = readArticleText(file, annotation.article.textFile);
  if (!text.ok) {
    const p = ['article', 'textFile'];
    return {
      ok: false,
      issues: [{ file, path: formatPath(p), ...where.key(p), message: text.message }],
    };
  }
  return {
    ok: true,
    article: {
      file,
      annotationSource: source,
      annotation,
      textFile: text.path,
      text: new ArticleText(text.text),
      locate: where.value,
    },
  };
}

/** One issue per zod issue; an unknown key gets its own issue, at the key. */
function schemaIssues(file: string, issue: z.core.$ZodIssue, where: Positions): SeedIssue[] {
  const p = issue.path.filter(
    (s): s is string | number => typeof s === 'string' || typeof s === 'number',
  );
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      path: formatPath([...p, key]),
      ...where.key([...p, key]),
      message: `unknown key ${JSON.stringify(key)} (not in the annotation schema: a typo?)`,
    }));
  }
  return [{ file, path: formatPath(p), ...where.value(p), message: issue.message }];
}

/**
 * The article's text: a UTF-8 file inside the annotation's folder tree, not empty (an empty
 * text would only give one "not found verbatim" per excerpt).
 */
function readArticleText(
  file: string,
  textFile: string,
): { ok: true; path: string; text: string } | { ok: false; message: string } {
  const confined = confinedTextFile(file, textFile);
  if (!confined.ok) return confined;
  const read = readUtf8File(confined.path);
  if (!read.ok) {
    const where = read.line === undefined ? '' : `:${read.line}:${read.column}`;
    return { ok: false, message: `the text file ${confined.path}${where}: ${read.message}` };
  }
  if (read.text.trim() === '') {
    return {
      ok: false,
      message: `the text file ${confined.path} is empty: an annotation needs its article's text`,
    };
  }
  return { ok: true, path: confined.path, text: read.text };
}
