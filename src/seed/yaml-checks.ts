/**
 * Reading a seed YAML file (an annotation, a registry file), and what it may hold beyond its
 * schema's shape: only the YAML 1.2 core tags (a `!!js/function` or custom tag would otherwise
 * come through as a string), numbers that a double keeps exact (a 30-digit figure would be
 * rounded silently), strings that are text (no NUL written as an escape, no lone surrogate),
 * and aliases that do not expand without bound. The fast parse (js-yaml) only tells whether a
 * file needs a closer look; the located problems come from `yaml`'s document, which knows
 * every node's position.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import { formatPath, type PathSegment, type SeedIssue } from './errors.js';
import { readUtf8File, type ReadProblem } from './read.js';

interface LocatedProblem {
  path: PathSegment[];
  line: number;
  column: number;
  message: string;
}

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);
/** A NUL, or half of a surrogate pair (in u-mode a whole pair is one code point, not Cs). */
const NOT_TEXT = /[\0\p{Cs}]/u;
/**
 * Nodes a parsed value may expand to through its aliases. An annotation has a few thousand;
 * nine nested aliases of ten would otherwise make every later pass walk a billion.
 */
const MAX_EXPANDED_NODES = 200_000;

/** Does a value js-yaml gave need the located checks (a number, string or alias problem)? */
export function needsCloserLook(value: unknown): boolean {
  let budget = MAX_EXPANDED_NODES;
  const fine = (v: unknown): boolean => {
    budget -= 1;
    if (budget < 0) return false;
    if (typeof v === 'number') return exactNumber(v);
    if (typeof v === 'string') return plainText(v);
    if (Array.isArray(v)) return v.every(fine);
    if (typeof v === 'object' && v !== null)
      return Object.entries(v).every(([key, item]) => plainText(key) && fine(item));
    return true;
  };
  return !fine(value);
}

/** Every problem of the document's nodes, each at its node's line and column. */
export function documentProblems(
  doc: Document,
  lines: LineCounter,
  source: string,
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const report = (node: { range?: unknown }, path: PathSegment[], message: string) => {
    const range = (node as { range?: [number, number, number] | null }).range;
    const pos = lines.linePos(range?.[0] ?? 0);
    problems.push({ path, line: pos.line, column: pos.col, message });
  };
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (!isNode(node) || isAlias(node)) return;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      report(
        { range: [tagOffset(source, node.range?.[0] ?? 0)] },
        path,
        `unknown YAML tag ${shortTag(node.tag)}: annotations hold plain values, without tags`,
      );
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key, path);
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (isScalar(node)) {
      const { value, range } = node;
      const written = range ? source.slice(range[0], range[1]).trim() : String(value);
      if (typeof value === 'number' && !exactNumber(value)) {
        report(
          node,
          path,
          Number.isFinite(value)
            ? `the number ${written} is beyond ±2^53 (${Number.MAX_SAFE_INTEGER}): it cannot be stored exactly and would be rounded to ${value}`
            : `${written} is not a finite number`,
        );
      } else if (typeof value === 'string' && !plainText(value)) {
        report(
          node,
          path,
          value.includes('\0')
            ? 'contains a NUL character (U+0000, written as an escape); a seed file is text'
            : 'contains a lone surrogate (an escape such as \\uD800 that is half of a character); not valid Unicode',
        );
      }
    }
  };
  visit(doc.contents, []);
  return problems;
}

function exactNumber(n: number): boolean {
  return Math.abs(n) <= Number.MAX_SAFE_INTEGER;
}

function plainText(s: string): boolean {
  return !NOT_TEXT.test(s);
}

/**
 * Where the tag before a node's value is written (a node's range starts at its value): the
 * last `!…` token among the properties before it, else the value itself.
 */
function tagOffset(source: string, valueStart: number): number {
  const from = Math.max(0, valueStart - 1000);
  const before = source.slice(from, valueStart);
  const tag = /(?:^|\s)(![^\s]*)(?:\s+&[^\s]+)?\s*$/.exec(before);
  return tag?.[1] === undefined ? valueStart : from + before.lastIndexOf(tag[1]);
}

/** `tag:yaml.org,2002:js/function` → `!!js/function`, as it is written. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

type CheckedYaml =
  | { ok: true; doc: Document; lines: LineCounter; value: unknown }
  | { ok: false; issues: SeedIssue[] };

/**
 * A seed YAML file (an annotation, a registry file), read as strict UTF-8 and parsed with
 * positions: its document and value, or located issues (the first syntax error; unknown tags,
 * numbers beyond 2^53, NUL, aliases expanding without bound).
 */
export function readCheckedYaml(file: string): CheckedYaml {
  const read = readUtf8File(file);
  return read.ok ? checkedYaml(file, read.text) : unreadable(file, read);
}

/** A file that could not be read as text, as the issue that says why. */
export function unreadable(file: string, { line, column, message }: ReadProblem) {
  return { ok: false as const, issues: [{ file, path: '', line, column, message }] };
}

/** `readCheckedYaml` for a source already read. */
export function checkedYaml(file: string, source: string): CheckedYaml {
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
  const problems = documentProblems(doc, lines, source);
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map(({ path: p, line, column, message }) => ({
        file,
        path: formatPath(p),
        line,
        column,
        message,
      })),
    };
  }
  try {
    return { ok: true, doc, lines, value: doc.toJS() };
  } catch (err) {
    // yaml's guard against aliases that expand without bound (maxAliasCount).
    return {
      ok: false,
      issues: [{ file, path: '', line: 1, message: `refused: ${(err as Error).message}` }],
    };
  }
}
