/** The ready queries of schema/browser-queries.cypher, as the tests read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const BROWSER_QUERIES_FILE = path.resolve(
  import.meta.dirname,
  '../../schema/browser-queries.cypher',
);

interface BrowserQuery {
  title: string;
  cypher: string;
}

/** Blocks separated by blank lines; a block is `// title` then the query (comment-only blocks are notes). */
function parseQueries(source: string): BrowserQuery[] {
  return source
    .split(/\n\s*\n/)
    .map((block) => block.trim().split('\n'))
    .filter((lines) => lines.some((l) => !l.startsWith('//')))
    .map((lines) => {
      const first = lines[0] ?? '';
      if (!first.startsWith('// '))
        throw new Error(`query without a // title:\n${lines.join('\n')}`);
      return {
        title: first.slice(3).trim(),
        cypher: lines.slice(1).join('\n').replace(/;\s*$/, ''),
      };
    });
}

export function browserQueries(): BrowserQuery[] {
  return parseQueries(readFileSync(BROWSER_QUERIES_FILE, 'utf8'));
}
