/**
 * Seed input problems. Every issue names the file, the path inside it (`facts[3].evidence`)
 * and, where the YAML parser knows it, the line and column.
 */
export interface SeedIssue {
  file: string;
  /** Path inside the file, e.g. `facts[3].evidence[0]`; '' for the whole file. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type PathSegment = string | number;

/** `['facts', 3, 'evidence']` → `facts[3].evidence`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** `seeds/a.yaml:12:5 facts[3].evidence: message` (the shape editors and terminals link). */
export function formatIssue(issue: SeedIssue): string {
  const where =
    issue.line === undefined
      ? issue.file
      : `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  return issue.path === ''
    ? `${where}: ${issue.message}`
    : `${where} ${issue.path}: ${issue.message}`;
}

/** The corpus did not validate; nothing was written. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: readonly SeedIssue[]) {
    super(
      `The seed input is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written:\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
  }
}
