/** Development: re-render a results Markdown file from its JSON, e.g. after changing report.ts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeReport } from '../report.js';
import type { BenchResults } from '../results.js';

for (const file of process.argv.slice(2)) {
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  await writeReport(results, path.dirname(file));
}
