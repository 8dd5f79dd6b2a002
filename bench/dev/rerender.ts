/** Development: re-render a results Markdown file from its JSON, e.g. after changing report.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown } from '../report.js';
import type { BenchResults } from '../results.js';

for (const file of process.argv.slice(2)) {
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(results));
}
