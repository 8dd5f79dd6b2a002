/** js-yaml (fast path) vs yaml parseDocument: same values on a corpus, and the time each takes. */
import { readdirSync, readFileSync } from 'node:fs';
import { load, CORE_SCHEMA } from 'js-yaml';
import { parseDocument } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
const dirs = process.argv.slice(2);
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${d}/${f}`),
);
const srcs = files.map((f) => readFileSync(f, 'utf8'));
let t = performance.now();
const a = srcs.map((s) => parseDocument(s).toJS());
console.log('parseDocument', performance.now() - t);
t = performance.now();
const b = srcs.map((s) => load(s, { schema: CORE_SCHEMA }));
console.log('js-yaml', performance.now() - t);
let diff = 0;
a.forEach((x, i) => {
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(x)), JSON.parse(JSON.stringify(b[i])))) {
    diff++;
    if (diff < 3) console.log('DIFF', files[i]);
  }
});
console.log('files', files.length, 'diffs', diff);
