/**
 * Re-renders a results Markdown file (and its JSON's targets) from its JSON, e.g. after a change
 * to report.ts or targets.ts; measures nothing, and leaves the measurements as they are.
 *   npx tsx bench/dev/rerender.ts bench/results/<date>.json [more.json …]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeReport } from '../report.js';
import type { BenchResults } from '../results.js';
import { evaluateTargets } from '../targets.js';

for (const file of process.argv.slice(2)) {
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  results.targets = evaluateTargets(results);
  await writeReport(results, path.dirname(file));
}
